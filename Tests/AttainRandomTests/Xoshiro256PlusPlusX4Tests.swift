import Foundation
import Testing

@testable import AttainRandom

@Suite struct Xoshiro256PlusPlusX4Tests {
  /// Lane k must be the scalar xoshiro256++ seeded with SplitMix64 words 4k…4k+3 of the pair's
  /// sequence (lane 0 is therefore `Xoshiro256PlusPlus(seed:stream:)` itself, whose outputs are
  /// checked against the published reference in AttainRandomSmokeTests).
  @Test func lanesAreScalarGeneratorsOnConsecutiveSplitMixWords() {
    for (seed, stream) in [(UInt64(1), UInt64(0)), (42, 7), (.max, 123_456_789)] {
      var vector = Xoshiro256PlusPlusX4(seed: seed, stream: stream)
      var sm = SplitMix64(state: seed ^ SplitMix64.mix(stream &+ 0x632B_E59B_D9B4_E019))
      var lanes = (0..<4).map { _ in
        Xoshiro256PlusPlus(state: (sm.next(), sm.next(), sm.next(), sm.next()))
      }
      var lane0 = Xoshiro256PlusPlus(seed: seed, stream: stream)
      for _ in 0..<1000 {
        let words = vector.next()
        #expect(words[0] == lane0.next())
        for k in 0..<4 { #expect(words[k] == lanes[k].next()) }
      }
    }
  }

  @Test func fillInterleavesTheLanesForAnyCount() {
    for count in [0, 1, 3, 4, 5, 127, 128, 1001] {
      var a = Xoshiro256PlusPlusX4(seed: 9, stream: 3)
      var b = a
      var words = [UInt64](repeating: 0, count: count)
      words.withUnsafeMutableBufferPointer { a.fill($0) }
      var expected = [UInt64]()
      while expected.count < count {
        let w = b.next()
        expected += [w[0], w[1], w[2], w[3]]
      }
      #expect(words == Array(expected.prefix(count)))
      // Both advanced by the same number of whole steps.
      #expect(a.next() == b.next())
    }
  }

  @Test func normalsHaveStandardMomentsAndPassKolmogorovSmirnov() {
    let n = 1_000_000
    var g = Xoshiro256PlusPlusX4(seed: 7, stream: 1)
    // Filled in uneven pieces, as the engine does, to exercise block boundaries.
    var z = [Double](repeating: 0, count: n)
    z.withUnsafeMutableBufferPointer { buffer in
      var start = 0
      var piece = 1
      while start < n {
        let count = min(piece, n - start)
        g.fillNormals(UnsafeMutableBufferPointer(rebasing: buffer[start..<(start + count)]))
        start += count
        piece = piece % 997 + 13
      }
    }
    let size = Double(n)
    let mean = z.reduce(0, +) / size
    let variance = z.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (size - 1)
    let third = z.reduce(0) { $0 + $1 * $1 * $1 } / size
    let fourth = z.reduce(0) { $0 + $1 * $1 * $1 * $1 } / size
    #expect(abs(mean) < 5 / size.squareRoot())
    #expect(abs(variance - 1) < 5 * (2 / size).squareRoot())
    #expect(abs(third) < 5 * (15 / size).squareRoot())
    #expect(abs(fourth - 3) < 5 * (96 / size).squareRoot())
    // Tail and wedge bands (both exercise the spare generator's slow path).
    let edges: [Double] = [0, 0.5, 1, 2, 3, ZigguratTables.r, 4.5, .infinity]
    for b in 0..<(edges.count - 1) {
      let observed = Double(z.lazy.filter { abs($0) >= edges[b] && abs($0) < edges[b + 1] }.count)
      let p = 2 * (normalCDF(edges[b + 1]) - normalCDF(edges[b]))
      #expect(abs(observed - size * p) < 5 * (size * p * (1 - p)).squareRoot() + 1, "band \(b)")
    }
    let d = kolmogorovSmirnovAgainstNormal(z)
    #expect(d < 1.949 / size.squareRoot(), "KS D = \(d)")
  }

  @Test func drawsDoNotDependOnHowTheRequestsAreSplit() {
    let n = 5_000
    var whole = Xoshiro256PlusPlusX4(seed: 3, stream: 11)
    var reference = [Double](repeating: 0, count: n)
    whole.fillNormals(&reference)
    for pieces in [[1, 2, 3, 4994], [768, 768, 3464], [5, 127, 4868], [4999, 1]] {
      var g = Xoshiro256PlusPlusX4(seed: 3, stream: 11)
      var drawn = [Double]()
      for count in pieces {
        var part = [Double](repeating: 0, count: count)
        g.fillNormals(&part)
        drawn += part
      }
      #expect(drawn == reference, "pieces \(pieces)")
    }
    var other = Xoshiro256PlusPlusX4(seed: 3, stream: 12)
    var different = [Double](repeating: 0, count: n)
    other.fillNormals(&different)
    #expect(different != reference)
  }

  @Test func adjacentStreamsAreUncorrelated() {
    let n = 200_000
    for stream in UInt64(0)..<4 {
      var a = Xoshiro256PlusPlusX4(seed: 1, stream: stream)
      var b = Xoshiro256PlusPlusX4(seed: 1, stream: stream + 1)
      var x = [Double](repeating: 0, count: n)
      var y = x
      a.fillNormals(&x)
      b.fillNormals(&y)
      let sxy = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
      let sxx = x.reduce(0) { $0 + $1 * $1 }
      let syy = y.reduce(0) { $0 + $1 * $1 }
      #expect(abs(sxy / (sxx * syy).squareRoot()) < 5 / Double(n).squareRoot())
    }
  }
}
