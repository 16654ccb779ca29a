import Attain
import Foundation
import Testing

/// A small monthly panel with a driver: two series `a`, `b` of 24 months,
/// y = 100 + k·price + deterministic wiggle, written as CSV.
private func driverFixture() -> (csv: String, y: [String: [Double]], price: [String: [Double]]) {
  var csv = "unique_id,ds,y,price\n"
  var ys = [String: [Double]]()
  var prices = [String: [Double]]()
  for (id, slope) in [("a", 5.0), ("b", -3.0)] {
    for t in 0..<24 {
      let price = 10 + Double((t * 7) % 5)
      let y = 100 + slope * price + 2 * sin(Double(t))
      csv += "\(id),\(2016 + t / 12)-\(String(format: "%02d", t % 12 + 1))-01,\(y),\(price)\n"
      ys[id, default: []].append(y)
      prices[id, default: []].append(price)
    }
  }
  return (csv, ys, prices)
}

/// Parses the CLI's CSV output (no quoted fields in these tests).
private func rows(_ text: String) -> [[String]] {
  text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

@Suite struct ExplainTests {
  @Test func explainPrintsTheCoefficientTableOfEachSeries() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fixture = driverFixture()
    try fixture.csv.write(to: dir.appendingPathComponent("sales.csv"), atomically: true, encoding: .utf8)
    let result = try CLI.attain(["explain", "sales.csv", "--drivers", "price", "--season-length", "1"], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let table = rows(result.stdout)
    #expect(table.first == ["unique_id", "term", "estimate", "std_error", "t", "p_value", "elasticity"])
    #expect(table.count == 1 + 2 * 2)
    for (r, id) in [(1, "a"), (3, "b")] {
      let y = try #require(fixture.y[id])
      let x = try #require(fixture.price[id])
      let direct = try LinearRegression().fit(response: y, predictors: [x], names: ["price"])
      for (k, c) in direct.coefficients.enumerated() {
        let row = table[r + k]
        #expect(row[0] == id && row[1] == c.name)
        #expect(abs(try #require(Double(row[2])) - c.estimate) <= 1e-9 * abs(c.estimate))
        #expect(abs(try #require(Double(row[3])) - c.standardError) <= 1e-9 * c.standardError)
        #expect(abs(try #require(Double(row[5])) - c.pValue) <= 1e-9 * max(c.pValue, 1e-300))
      }
      // Elasticity at the means for the driver, empty for the intercept.
      #expect(table[r][6] == "")
      let slope = direct.coefficients[1].estimate
      let elasticity = slope * (x.reduce(0, +) / 24) / (y.reduce(0, +) / 24)
      #expect(abs(try #require(Double(table[r + 1][6])) - elasticity) <= 1e-9 * abs(elasticity))
    }
    // One summary line per series on stderr.
    let summaries = result.stderr.split(separator: "\n").filter { $0.hasPrefix("summary: ") }
    #expect(summaries.count == 2)
    #expect(summaries.first?.hasPrefix("summary: a: n=24 r2=") ?? false)

    // --id keeps one series; --trend and seasonal dummies add their terms.
    let one = try CLI.attain(
      ["explain", "sales.csv", "--drivers", "price", "--id", "b", "--trend", "--season-length", "4"], in: dir)
    #expect(one.status == 0, "\(one.stderr)")
    #expect(rows(one.stdout).dropFirst().map { $0[1] } == ["(Intercept)", "trend", "season2", "season3", "season4", "price"])
    #expect(rows(one.stdout).dropFirst().allSatisfy { $0[0] == "b" })
  }

  @Test func explainErrorsAreOneLine() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try driverFixture().csv.write(to: dir.appendingPathComponent("sales.csv"), atomically: true, encoding: .utf8)
    expectOneLineError(
      try CLI.attain(["explain", "sales.csv", "--drivers", "price,cost"], in: dir),
      "error: sales.csv:1:1: missing column 'cost' (header has: unique_id, ds, y, price)")
    expectOneLineError(
      try CLI.attain(["explain", "sales.csv", "--drivers", "price", "--id", "zz"], in: dir),
      "error: sales.csv: unknown unique_id 'zz'")
    try "date,event\n2016-02-30,x\n".write(to: dir.appendingPathComponent("ev.csv"), atomically: true, encoding: .utf8)
    expectOneLineError(
      try CLI.attain(["explain", "sales.csv", "--drivers", "price", "--events", "ev.csv"], in: dir),
      "error: ev.csv:2:1: impossible date '2016-02-30'")
    // Season dummies and an event in the same month every year are collinear: named, exit 1.
    try "date,event\n2016-11-25,bf\n2017-11-24,bf\n".write(
      to: dir.appendingPathComponent("bf.csv"), atomically: true, encoding: .utf8)
    let collinear = try CLI.attain(["explain", "sales.csv", "--drivers", "price", "--events", "bf.csv"], in: dir)
    #expect(collinear.status == 1)
    #expect(collinear.stderr.hasPrefix("error: series 'a': collinear predictors: "))
    #expect(collinear.stderr.filter { $0 == "\n" }.count == 1)
  }

  @Test func forecastWithTheRegressionModelUsesTheFutureDrivers() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fixture = driverFixture()
    try fixture.csv.write(to: dir.appendingPathComponent("sales.csv"), atomically: true, encoding: .utf8)
    var future = "unique_id,ds,price\n"
    for id in ["a", "b"] {
      for (k, month) in ["01", "02", "03"].enumerated() { future += "\(id),2018-\(month)-01,\(11 + k)\n" }
    }
    try future.write(to: dir.appendingPathComponent("future.csv"), atomically: true, encoding: .utf8)
    let arguments = [
      "forecast", "sales.csv", "--model", "regression", "--drivers", "price", "--future", "future.csv",
      "--season-length", "1", "--level", "80",
    ]
    let result = try CLI.attain(arguments, in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let table = rows(result.stdout)
    #expect(table.first == ["unique_id", "ds", "DynamicRegression", "DynamicRegression-lo-80", "DynamicRegression-hi-80"])
    #expect(table.count == 1 + 2 * 3)
    #expect(table.dropFirst().map { $0[1] } == ["2018-01-01", "2018-02-01", "2018-03-01"] + ["2018-01-01", "2018-02-01", "2018-03-01"])
    // The same numbers as the library with the same future prices.
    for (s, id) in ["a", "b"].enumerated() {
      let model = try DynamicRegression().fit(
        try #require(fixture.y[id]), drivers: [try #require(fixture.price[id])], driverNames: ["price"])
      let f = try model.forecast(horizon: 3, futureDrivers: ["price": [11, 12, 13]], levels: [80])
      for t in 0..<3 {
        let row = table[1 + 3 * s + t]
        #expect(abs(try #require(Double(row[2])) - f.mean[t]) <= 1e-9 * abs(f.mean[t]))
        #expect(abs(try #require(Double(row[3])) - f.lower[0][t]) <= 1e-9 * abs(f.lower[0][t]))
      }
    }
    // --horizon larger than the future file: error at the series' last future row.
    expectOneLineError(
      try CLI.attain(arguments + ["--horizon", "4"], in: dir),
      "error: future.csv:4:1: series 'a' has 3 future rows, the horizon needs 4")
    // Missing driver column in the future file.
    try "unique_id,ds\na,2018-01-01\n".write(to: dir.appendingPathComponent("nodriver.csv"), atomically: true, encoding: .utf8)
    var missing = arguments
    missing[7] = "nodriver.csv"
    expectOneLineError(
      try CLI.attain(missing, in: dir), "error: nodriver.csv:1:1: missing column 'price' (header has: unique_id, ds)")
    // A future row that does not continue its series.
    try "unique_id,ds,price\na,2018-02-01,1\n".write(to: dir.appendingPathComponent("skip.csv"), atomically: true, encoding: .utf8)
    missing[7] = "skip.csv"
    expectOneLineError(
      try CLI.attain(missing, in: dir),
      "error: skip.csv:2:2: future row of series 'a' is for period '2018-02-01', expected 2018-01-01 (rows must continue the series without gaps)"
    )
    // An empty future value, located.
    try "unique_id,ds,price\na,2018-01-01,\n".write(to: dir.appendingPathComponent("empty.csv"), atomically: true, encoding: .utf8)
    missing[7] = "empty.csv"
    var oneSeries = missing
    oneSeries[1] = "a.csv"
    try fixture.csv.split(separator: "\n").filter { !$0.hasPrefix("b,") }.joined(separator: "\n")
      .write(to: dir.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
    expectOneLineError(try CLI.attain(oneSeries, in: dir), "error: empty.csv:2:3: empty value in column 'price'")
  }

  @Test func aggregateAddsMeanAndSumDriverColumns() throws {
    let csv = "day,rep,amount,discount,units\n2024-01-05,ana,100,0.1,2\n2024-01-20,ana,50,0.3,1\n2024-03-02,ana,40,0,5\n"
    let result = try CLI.attain(
      ["aggregate", "-", "--date-column", "day", "--group-by", "rep", "--value-column", "amount", "--mean-column",
       "discount", "--sum-column", "units"], input: csv)
    #expect(result.status == 0, "\(result.stderr)")
    let table = rows(result.stdout)
    #expect(table[0] == ["unique_id", "ds", "y", "discount", "units"])
    let meanDiscount = try #require(Double(table[1][3]))
    #expect(table[1][2] == "150.0" && abs(meanDiscount - 0.2) < 1e-15 && table[1][4] == "3.0")
    #expect(table[2][3] == "0.0" && table[2][4] == "0.0")  // February: no transactions
    #expect(table[3][4] == "5.0")
  }
}
