import Testing
@testable import AttainRandom

@Suite struct XoshiroTests {
  @Test func streamsAreReproducible() {
    var a = Xoshiro256PlusPlus(seed: 42, stream: stableHash("West/Technology"))
    var b = Xoshiro256PlusPlus(seed: 42, stream: stableHash("West/Technology"))
    for _ in 0..<100 { #expect(a.next() == b.next()) }
  }
}
