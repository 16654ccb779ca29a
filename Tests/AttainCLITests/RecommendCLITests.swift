import Foundation
import Testing

/// Four short quarterly series with trend, season and noise (a fixed generator, no randomness
/// at run time), written as `unique_id,ds,y`.
func recommendFixture() -> String {
  var lines = ["unique_id,ds,y"]
  for (k, id) in ["a", "b", "c", "d"].enumerated() {
    for t in 0..<24 {
      let season = [1.0, 1.2, 0.9, 0.8][t % 4]
      let noise = Double((t * 37 + k * 11) % 17) - 8
      let y = (100 + Double(k) * 20 + 2 * Double(t)) * season + noise
      lines.append("\(id),\(t + 1),\(y)")
    }
  }
  return lines.joined(separator: "\n") + "\n"
}

@Suite struct RecommendCLITests {
  let common = ["--horizon", "4", "--season-length", "4", "--seed", "3", "--paths", "2000", "--model", "theta"]

  func withData(_ body: (URL) throws -> Void) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try recommendFixture().write(to: dir.appendingPathComponent("s.csv"), atomically: true, encoding: .utf8)
    try "unique_id,group\na,G1\nb,G1\nc,G2\n".write(
      to: dir.appendingPathComponent("groups.csv"), atomically: true, encoding: .utf8)
    try body(dir)
  }

  @Test func oneRowPerSeriesAndProbabilityMonotoneAndThreadIndependent() throws {
    try withData { dir in
      let one = try CLI.attain(
        ["recommend", "s.csv", "--probability", "0.9,0.6,0.3", "--threads", "1"] + common, in: dir)
      let two = try CLI.attain(
        ["recommend", "s.csv", "--probability", "0.9,0.6,0.3", "--threads", "2"] + common, in: dir)
      #expect(one.status == 0, "\(one.stderr)")
      #expect(one.stderr.contains("seed=3\n"))
      #expect(one.stdout == two.stdout)
      let rows = one.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
      #expect(rows.first == ["unique_id", "probability", "target"])
      #expect(rows.count == 1 + 4 * 3)
      for (s, id) in ["a", "b", "c", "d"].enumerated() {
        let block = Array(rows[(1 + 3 * s)...(3 + 3 * s)])
        #expect(block.map { $0[0] } == [id, id, id])
        #expect(block.map { $0[1] } == ["0.9", "0.6", "0.3"])
        let targets = block.compactMap { Double($0[2]) }
        #expect(targets.count == 3)
        if targets.count == 3 { #expect(targets[0] < targets[1] && targets[1] < targets[2]) }
      }
    }
  }

  @Test func groupRowsOnlyWithAGroupMap() throws {
    try withData { dir in
      let result = try CLI.attain(
        ["recommend", "s.csv", "--group-map", "groups.csv", "--rho", "0.4", "--probability", "0.5"] + common, in: dir)
      #expect(result.status == 0, "\(result.stderr)")
      let ids = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
      #expect(ids == ["a", "b", "c", "d", "G1", "G2"])
    }
  }

  @Test func targetsGiveAttainmentProbabilities() throws {
    try withData { dir in
      try "unique_id,target\nb,1\nG1,1e9\n".write(
        to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
      let result = try CLI.attain(
        ["recommend", "s.csv", "--group-map", "groups.csv", "--targets", "t.csv"] + common, in: dir)
      #expect(result.status == 0, "\(result.stderr)")
      let rows = result.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
      #expect(rows.first == ["unique_id", "target", "attainment_probability", "standard_error"])
      #expect(rows.count == 3)
      #expect(rows.dropFirst().map { $0[0] } == ["b", "G1"])
      #expect(rows.dropFirst().map { Double($0[2]) } == [1.0, 0.0])
    }
  }

  @Test func probabilitiesOutsideTheOpenUnitIntervalAreRejected() throws {
    try withData { dir in
      for bad in ["0.9,1", "0", "-0.2", "1.5", "abc", "0.5,"] {
        let result = try CLI.attain(["recommend", "s.csv", "--probability", bad] + common, in: dir)
        #expect((1...123).contains(result.status), "\(bad)")
        #expect(result.stderr.hasPrefix("error: "), "\(bad)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(bad)")
        #expect(result.stdout.isEmpty)
      }
      let unknown = try CLI.attain(["recommend", "s.csv", "--targets", "groups.csv"] + common, in: dir)
      #expect(unknown.status == 1)
      #expect(unknown.stderr.hasPrefix("error: "))
    }
  }
}
