import Foundation
import Testing

/// Parses a CSV without quoted fields into rows of cells keyed by the header.
func csvRecords(_ text: String) -> [[String: String]] {
  let lines = text.split(separator: "\n").map(String.init)
  guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else {
    return []
  }
  return lines.dropFirst().map { line in
    let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return Dictionary(uniqueKeysWithValues: zip(header, cells))
  }
}

func number(_ row: [String: String]?, _ key: String) -> Double? { row?[key].flatMap(Double.init) }

func near(_ a: Double?, _ b: Double, rel: Double = 1e-12) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= rel * max(abs(a), abs(b)) + 1e-12
}

@Suite struct TrackCommandTests {
  /// Unit `a`: 10 per month in 2019; 2020 actuals 12, 9, 15 (then 100 in April, after the as-of date).
  /// Targets 2020: 10 per month except March 20 (total 130). Unit `b`: same actuals, target 30 (reached).
  func writeExample(in dir: URL) throws {
    var sales = "unique_id,ds,y\n"
    for id in ["a", "b"] {
      for m in 1...12 { sales += "\(id),2019-\(m < 10 ? "0" : "")\(m)-01,10\n" }
      for (m, v) in [(1, 12), (2, 9), (3, 15), (4, 100)] { sales += "\(id),2020-0\(m)-01,\(v)\n" }
    }
    try sales.write(to: dir.appendingPathComponent("sales.csv"), atomically: true, encoding: .utf8)
    var targets = "unique_id,period_start,target,probability\n"
    for m in 1...12 { targets += "a,2020-\(m < 10 ? "0" : "")\(m)-01,\(m == 3 ? 20 : 10),0.6\n" }
    targets += "b,2020-01-01,30,0.6\n"
    try targets.write(to: dir.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
  }

  @Test func trackingNumbersMatchAHandCalculation() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try writeExample(in: dir)
    let result = try CLI.attain(
      [
        "track", "sales.csv", "--targets", "targets.csv", "--as-of", "2020-03-31", "--model", "naive", "--paths", "500",
        "--seed", "1", "--revise",
      ], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let rows = csvRecords(result.stdout)
    #expect(rows.map { $0["unique_id"] ?? "" } == ["a", "b", "TOTAL"])
    let a = rows.first
    #expect(near(number(a, "target"), 130))
    #expect(near(number(a, "actual_to_date"), 36))
    #expect(near(number(a, "target_to_date"), 40))
    #expect(near(number(a, "completion"), 36.0 / 130))
    #expect(near(number(a, "elapsed_days"), 91.0 / 366))
    #expect(near(number(a, "pace"), 0.9))
    #expect(near(number(a, "run_rate_landing"), 36.0 * 366 / 91))
    #expect(near(number(a, "profile_landing"), 117))
    #expect(near(number(a, "gap"), 94))
    #expect(near(number(a, "required_per_period"), 94.0 / 9))
    #expect(near(number(a, "required_vs_plan"), 94.0 / 90))
    #expect(near(number(a, "yoy"), 0.2))
    #expect(near(number(a, "pop"), 15.0 / 9 - 1))
    #expect(a?["flag"] == "onTrack")
    // Naive refit on history + actuals: the remaining months are a random walk from 15, so
    // the landing median is 36 + 9 · 15 = 171 and P(36 + R ≥ 130) is high but below 1.
    #expect(near(number(a, "landing_p50"), 171, rel: 0.02))
    let p = try #require(number(a, "p_attain"))
    #expect(p > 0.5 && p < 1)
    #expect(near(number(a, "p_attain_se"), (p * (1 - p) / 500).squareRoot(), rel: 1e-9))
    #expect(try #require(number(a, "revised_target")) > 130)
    // Unit b already beat its whole-year target of 30 (phased in January).
    let b = rows.dropFirst().first
    #expect(number(b, "p_attain") == 1)
    #expect(number(b, "p_attain_se") == 0)
    #expect(near(number(b, "gap"), -6))
    #expect(near(number(rows.last, "actual_to_date"), 72))
  }

  @Test func missingActualsAreReportedOnOneLine() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try writeExample(in: dir)
    let result = try CLI.attain(
      ["track", "sales.csv", "--targets", "targets.csv", "--as-of", "2020-06-30", "--model", "naive"], in: dir)
    expectOneLineError(result, "error: no actual for 'a' in the period starting 2020-05-01")
  }
}
