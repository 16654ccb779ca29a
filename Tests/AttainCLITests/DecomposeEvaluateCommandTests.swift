import Foundation
import Testing

@Suite struct DecomposeCommandTests {
  /// Sums of a decompose output per unit, in cents (exact integers).
  func centsByUnit(_ text: String) -> [String: Int] {
    var sums: [String: Int] = [:]
    for row in csvRecords(text) {
      guard let id = row["unique_id"], let t = row["target"].flatMap(Double.init) else { continue }
      sums[id, default: 0] += Int((t * 100).rounded())
    }
    return sums
  }

  @Test func timeSplitPartsSumExactlyAtEveryGrain() throws {
    for grain in ["quarter", "month", "week", "day"] {
      let result = try CLI.attain([
        "decompose", "--target", "1000000.07", "--from", "2021-03-15", "--to", "2022-02-10", "--grain", grain,
        "--unit", "0.01", "--event", "11-11:3", "--id", "shop",
      ])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(centsByUnit(result.stdout) == ["shop": 100_000_007], "\(grain)")
    }
  }

  @Test func monthSharesComeFromTheHistory() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // January sold twice as much as every other month: 2/13 of the year.
    var history = "unique_id,ds,y\n"
    for m in 1...12 { history += "s,2019-\(m < 10 ? "0" : "")\(m)-01,\(m == 1 ? 2 : 1)\n" }
    try history.write(to: dir.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
    let result = try CLI.attain(
      [
        "decompose", "--target", "1300", "--from", "2021-01-01", "--to", "2021-12-31", "--grain", "month",
        "--history", "history.csv",
      ], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let targets = csvRecords(result.stdout).compactMap { $0["target"].flatMap(Double.init) }
    #expect(targets == [200] + [Double](repeating: 100, count: 11))
  }

  @Test func organisationAndTimeSplitSumExactlyWithBuffer() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let units = """
      unique_id,parent,history
      North,,300
      South,,100
      North/A,North,1
      North/B,North,2
      South/A,South,1

      """
    try units.write(to: dir.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
    let org = try CLI.attain(["decompose", "--target", "1001", "--units", "units.csv", "--buffer", "0.05"], in: dir)
    #expect(org.status == 0, "\(org.stderr)")
    let t = centsByUnit(org.stdout)
    // round(1001 · 1.05) = 1051 over regions 3 : 1, then exactly within each region.
    #expect((t["North"] ?? 0) + (t["South"] ?? 0) == 105_100)
    #expect(t["North"] == 78_800 && t["South"] == 26_300)  // 788.25 → 788, 262.75 → 263
    #expect((t["North/A"] ?? 0) + (t["North/B"] ?? 0) == t["North"])
    #expect(t["South/A"] == t["South"])
    let timed = try CLI.attain(
      [
        "decompose", "--target", "1001", "--units", "units.csv", "--buffer", "0.05", "--from", "2021-01-01", "--to",
        "2021-12-31", "--grain", "week",
      ], in: dir)
    #expect(timed.status == 0, "\(timed.stderr)")
    #expect(centsByUnit(timed.stdout) == t)
  }
}

@Suite struct EvaluateCommandTests {
  @Test func gradesScoresAndPayoutsMatchAHandExample() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Actual 2020 totals: a = 90, b = 125, c = 70 (the 2019 row is outside the period).
    let sales = """
      unique_id,ds,y
      a,2019-12-01,1000
      a,2020-01-01,40
      a,2020-02-01,50
      b,2020-01-01,125
      b,2020-02-01,0
      c,2020-01-01,70
      c,2020-02-01,0

      """
    let targets = """
      unique_id,target,probability,incentive
      a,100,0.3,1000
      b,100,0.9,2000
      c,100,,500

      """
    try sales.write(to: dir.appendingPathComponent("sales.csv"), atomically: true, encoding: .utf8)
    try targets.write(to: dir.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
    let result = try CLI.attain(
      [
        "evaluate", "sales.csv", "--targets", "targets.csv", "--from", "2020-01-01", "--to", "2020-12-31", "--payout",
        "threshold=0.8,at-threshold=0.5,accelerator=2,cap=1.4",
      ], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let rows = csvRecords(result.stdout)
    #expect(rows.map { $0["grade"] ?? "" } == ["C", "A", "E", "C"])
    // a: 0.9 → 0.5 + 0.5 · (0.9 − 0.8)/0.2 = 0.75; score 0.9 · (1 + 0.2) = 1.08.
    #expect(near(number(rows[0], "payout_fraction"), 0.75))
    #expect(near(number(rows[0], "payout"), 750))
    #expect(near(number(rows[0], "score"), 1.08))
    // b: 1.25 → 1 + 2 · 0.25 = 1.5, capped at 1.4; score 1.25 · (1 − 0.4) = 0.75.
    #expect(near(number(rows[1], "payout"), 2800))
    #expect(near(number(rows[1], "score"), 0.75))
    // c: below the threshold pays nothing; no probability → no score.
    #expect(number(rows[2], "payout") == 0)
    #expect(rows[2]["score"] == "")
    #expect(near(number(rows[3], "payout"), 3550))
    #expect(near(number(rows[3], "attainment"), 285.0 / 300))

    // The simulated cost before the period: on-target cost = Σ incentives · payout(1).
    var history = "unique_id,ds,y\n"
    for id in ["a", "b", "c"] {
      for m in 1...12 { history += "\(id),2019-\(m < 10 ? "0" : "")\(m)-01,\(8 + m % 3)\n" }
    }
    try history.write(to: dir.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
    let cost = try CLI.attain(
      [
        "evaluate", "sales.csv", "--targets", "targets.csv", "--from", "2020-01-01", "--to", "2020-12-31",
        "--simulate-cost", "--history", "history.csv", "--model", "mean", "--paths", "300", "--cost-output", "cost.csv",
      ], in: dir)
    #expect(cost.status == 0, "\(cost.stderr)")
    let stats = Dictionary(
      uniqueKeysWithValues: csvRecords(try String(contentsOf: dir.appendingPathComponent("cost.csv"), encoding: .utf8))
        .compactMap { row in row["statistic"].flatMap { k in row["value"].flatMap(Double.init).map { (k, $0) } } })
    #expect(stats["on_target"] == 3500)
    let p10 = try #require(stats["p10"])
    let p90 = try #require(stats["p90"])
    #expect(p10 <= p90 && p90 <= 3500 * 2)
  }
}
