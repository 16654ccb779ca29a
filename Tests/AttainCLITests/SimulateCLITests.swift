import Foundation
import Testing

@Suite struct SimulateCLITests {
  let common = ["--horizon", "4", "--season-length", "4", "--seed", "5", "--paths", "2000", "--model", "theta"]

  @Test func quantilesPerSeriesAndGroupAndScenarioTornado() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try recommendFixture().write(to: dir.appendingPathComponent("s.csv"), atomically: true, encoding: .utf8)
    try "unique_id,group\na,G1\nb,G1\n".write(
      to: dir.appendingPathComponent("groups.csv"), atomically: true, encoding: .utf8)
    let plain = try CLI.attain(["simulate", "s.csv", "--group-map", "groups.csv", "--threads", "1"] + common, in: dir)
    let threaded = try CLI.attain(["simulate", "s.csv", "--group-map", "groups.csv", "--threads", "2"] + common, in: dir)
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(plain.stdout == threaded.stdout)
    let rows = plain.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    #expect(rows.first == ["unique_id", "mean", "p10", "p50", "p90"])
    #expect(rows.dropFirst().map { $0[0] } == ["a", "b", "c", "d", "G1"])
    for row in rows.dropFirst() {
      let q = row.dropFirst(2).compactMap(Double.init)
      #expect(q.count == 3 && q[0] < q[1] && q[1] < q[2])
    }

    try """
      { "scenarios": [ { "name": "push", "growth": 0.05, "promotions": [{ "periods": [2], "uplift": 0.2 }] } ] }
      """.write(to: dir.appendingPathComponent("sc.json"), atomically: true, encoding: .utf8)
    let scenario = try CLI.attain(["simulate", "s.csv", "--scenarios", "sc.json"] + common, in: dir)
    #expect(scenario.status == 0, "\(scenario.stderr)")
    let srows = scenario.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    #expect(
      srows.first == [
        "scenario", "unique_id", "mean", "p10", "p50", "p90", "target", "attainment_probability", "standard_error",
      ])
    #expect(srows.dropFirst().map { "\($0[0]) \($0[1])" } == [
      "baseline a", "baseline b", "baseline c", "baseline d", "baseline total",
      "push a", "push b", "push c", "push d", "push total", "push/growth total", "push/promotions total",
    ])
    // Against the baseline P50, the baseline's probability is ≈ 0.5 and both adjustments raise it.
    let probability = Dictionary(uniqueKeysWithValues: srows.dropFirst().map { ("\($0[0]) \($0[1])", Double($0[7]) ?? .nan) })
    #expect(abs((probability["baseline total"] ?? 0) - 0.5) < 0.05)
    #expect((probability["push/growth total"] ?? 0) > 0.6)
    #expect((probability["push/promotions total"] ?? 0) > 0.5)
    #expect((probability["push total"] ?? 0) > (probability["push/growth total"] ?? 1))
  }
}
