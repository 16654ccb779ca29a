import Testing

@testable import AttainData

func aggregate(_ text: String, _ options: AggregationOptions) throws(DataError) -> AggregationResult {
  try TransactionAggregation.aggregate(bytes: Array(text.utf8), file: "tx.csv", options: options)
}

func aggregateError(_ text: String, _ options: AggregationOptions) -> String? {
  do {
    _ = try aggregate(text, options)
    return nil
  } catch {
    return error.description
  }
}

let superstoreOptions = AggregationOptions(
  groupBy: ["Region", "Category"], dateColumn: "Order Date", dateFormat: DateFormat("M/D/YYYY")!,
  valueColumn: "Sales", frequency: .monthly)

@Suite struct AggregationTests {
  /// Superstore totals. Known answers: the published total 2,297,200.86 (datasets/README.md)
  /// and the exact decimal sums per region and category, computed with Python's `decimal`:
  /// `python3 -c "import csv,decimal,collections; ..."` over `superstore-orders.csv`
  /// (total 2297200.8603; West 725457.8245, East 678781.240, Central 501239.8908,
  /// South 391721.9050; Technology 836154.033, Furniture 741999.7953, Office Supplies 719047.032).
  @Test func superstoreTotalsAreExactToTheCent() throws {
    let result = try TransactionAggregation.aggregate(
      path: datasetPath("superstore/superstore-orders.csv"), options: superstoreOptions)
    let panel = result.panel
    #expect(result.rowCount == 9994)
    #expect(panel.count == 12)
    #expect(panel.frequency == .monthly)
    #expect(panel.starts.allSatisfy { $0 == .date(CalendarDate(year: 2014, month: 1, day: 1)!) })
    #expect((0..<panel.count).allSatisfy { panel.length(of: $0) == 48 })
    let total = CompensatedSum.of(panel.values)
    #expect((total * 100).rounded() == 229_720_086)
    #expect(abs(total - 2_297_200.8603) < 1e-7)

    func groupTotal(_ matches: (String) -> Bool) -> Double {
      var s = CompensatedSum()
      for i in 0..<panel.count where matches(panel.ids[i]) { for x in panel.values(of: i) { s.add(x) } }
      return s.value
    }
    let regions: [(String, Double)] = [
      ("West", 725_457.8245), ("East", 678_781.240), ("Central", 501_239.8908), ("South", 391_721.9050),
    ]
    for (region, expected) in regions {
      #expect(abs(groupTotal { $0.hasPrefix(region + "/") } - expected) < 1e-7, "\(region)")
    }
    let categories: [(String, Double)] = [
      ("Technology", 836_154.033), ("Furniture", 741_999.7953), ("Office Supplies", 719_047.032),
    ]
    for (category, expected) in categories {
      #expect(abs(groupTotal { $0.hasSuffix("/" + category) } - expected) < 1e-7, "\(category)")
    }
    #expect(panel.ids.first == "Central/Furniture")
    #expect(panel.ids == panel.ids.sorted())
  }

  /// Every cell equals an independent per-(group, month) sum computed from the raw rows
  /// through `CSVTable` (a different parsing path).
  @Test func superstoreCellsMatchAnIndependentSum() throws {
    let table = try CSVTable.read(path: datasetPath("superstore/superstore-orders.csv"))
    let region = try table.column("Region")
    let segment = try table.column("Segment")
    let date = try table.column("Order Date")
    let sales = try table.column("Sales")
    let format = try #require(DateFormat("M/D/YYYY"))
    var sums = [String: CompensatedSum]()
    for r in table.rows.indices {
      let d = try #require(format.date(from: table.rows[r][date]))
      let key = "\(table.rows[r][region])/\(table.rows[r][segment])|\(d.year)-\(d.month)"
      sums[key, default: CompensatedSum()].add(try table.number(row: r, column: sales))
    }
    var options = superstoreOptions
    options.groupBy = ["Region", "Segment"]
    let panel = try TransactionAggregation.aggregate(
      path: datasetPath("superstore/superstore-orders.csv"), options: options
    ).panel
    #expect(panel.count == 12)
    var nonZero = 0
    for i in 0..<panel.count {
      for t in panel.range(of: i) {
        guard case .date(let d) = panel.stamp(of: i, at: t - panel.offsets[i]) else { continue }
        let expected = sums["\(panel.ids[i])|\(d.year)-\(d.month)"]?.value ?? 0
        #expect(abs(panel.values[t] - expected) <= 1e-9 * max(1, abs(expected)))
        if expected != 0 { nonZero += 1 }
      }
    }
    #expect(nonZero == sums.count)
  }

  @Test func isoWeeksStartOnMondayAcrossYearBoundaries() throws {
    // 2015-12-31 (Thu) and 2016-01-03 (Sun) are in ISO week 2015-W53 (Monday 2015-12-28);
    // 2016-01-04 is the Monday of 2016-W01. 2020-12-31 and 2021-01-01 are in 2020-W53.
    let text = "day,amount\n2015-12-31,1\n2016-01-03,2\n2016-01-04,4\n2016-01-18,8\n"
    let options = AggregationOptions(groupBy: [], dateColumn: "day", valueColumn: "amount", frequency: .weekly)
    let panel = try aggregate(text, options).panel
    #expect(panel.ids == ["total"])
    #expect(panel.starts == [.date(CalendarDate(year: 2015, month: 12, day: 28)!)])
    #expect(panel.values == [3, 4, 0, 8])
    #expect(panel.lastStamp(of: 0) == .date(CalendarDate(year: 2016, month: 1, day: 18)!))
    for (y, m, d, monday) in [
      (2020, 12, 31, "2020-12-28"), (2021, 1, 1, "2020-12-28"), (2021, 1, 4, "2021-01-04"),
      (2018, 12, 31, "2018-12-31"),
    ] {
      #expect(Frequency.weekly.periodStart(of: CalendarDate(year: y, month: m, day: d)!).description == monday)
    }
  }

  @Test func periodNumbersRoundTrip() {
    for frequency in [Frequency.daily, .weekly, .monthly, .quarterly, .yearly] {
      for n in stride(from: -30_000, through: 30_000, by: 37) {
        let start = frequency.startDate(ofPeriod: n)
        #expect(frequency.periodNumber(of: start) == n)
        #expect(frequency.periodNumber(of: start.adding(days: -1)) == n - 1)
      }
    }
  }

  @Test func allSeriesSpanTheGlobalPeriodRangeWithZeros() throws {
    let text = "d,g,v\n2020-03-15,B,1\n2020-01-02,A,2\n2020-01-30,A,0.5\n2020-05-01,A,1.25\n"
    let options = AggregationOptions(groupBy: ["g"], dateColumn: "d", valueColumn: "v", frequency: .monthly)
    let panel = try aggregate(text, options).panel
    #expect(panel.ids == ["A", "B"])
    #expect(panel.values == [2.5, 0, 0, 0, 1.25, 0, 0, 1, 0, 0])
    #expect(SeriesCSV.write(panel).count > 0)
    let quarterly = try aggregate(
      text, AggregationOptions(groupBy: ["g"], dateColumn: "d", valueColumn: "v", frequency: .quarterly)
    ).panel
    #expect(quarterly.values == [2.5, 1.25, 1, 0])
    #expect(quarterly.starts[0] == .date(CalendarDate(year: 2020, month: 1, day: 1)!))
  }

  @Test func sumsAreRoundedToTheInputPrecision() throws {
    // 0.1 + 0.2 is 0.30000000000000004 in binary; the sum of 1-decimal inputs is written as 0.3.
    let text = "d,v\n2020-01-01,0.1\n2020-01-02,0.2\n"
    let panel = try aggregate(
      text, AggregationOptions(groupBy: [], dateColumn: "d", valueColumn: "v", frequency: .monthly)
    ).panel
    #expect(panel.values == [0.3])
  }

  @Test func exponentValuesAreNotRounded() throws {
    let text = "d,v\n2020-01-01,1e-3\n2020-01-02,2.5\n"
    let panel = try aggregate(
      text, AggregationOptions(groupBy: [], dateColumn: "d", valueColumn: "v", frequency: .monthly)
    ).panel
    #expect(panel.values == [2.501])
  }

  @Test func dateFormats() throws {
    #expect(DateFormat("M/D/YYYY")?.date(from: "11/8/2016") == CalendarDate(year: 2016, month: 11, day: 8))
    #expect(DateFormat("D/M/YYYY")?.date(from: "11/8/2016") == CalendarDate(year: 2016, month: 8, day: 11))
    #expect(DateFormat("DD.MM.YYYY")?.date(from: "01.02.2017") == CalendarDate(year: 2017, month: 2, day: 1))
    #expect(DateFormat("YYYY-MM-DD")?.date(from: "2017-02-01 13:45") == CalendarDate(year: 2017, month: 2, day: 1))
    #expect(DateFormat("M/D/YYYY")?.date(from: "2/30/2016") == nil)
    #expect(DateFormat("M/D/YYYY")?.date(from: "11-8-2016") == nil)
    for bad in ["", "YYYY", "M/D/YY", "YYYY-MM-DD-DD", "Q/YYYY", "MMM D YYYY"] {
      #expect(DateFormat(bad) == nil, "\(bad)")
    }
  }

  @Test(arguments: [
    ("d,g,v\n11/8/2016,A,1\n2016-11-08,A,2\n", "tx.csv:3:1: date '2016-11-08' does not match format M/D/YYYY"),
    ("d,g,v\n2/30/2016,A,1\n", "tx.csv:2:1: impossible date '2/30/2016'"),
    ("d,g,v\n2/3/2016,,1\n", "tx.csv:2:2: empty id in column 'g'"),
    ("d,g,v\n2/3/2016,A,\n", "tx.csv:2:3: empty value in column 'v'"),
    ("d,g,v\n2/3/2016,A,12$\n", "tx.csv:2:3: non-numeric value '12$' in column 'v'"),
    ("d,g,v\n2/3/2016,A,NaN\n", "tx.csv:2:3: non-finite value 'NaN' in column 'v'"),
    ("d,g,v\n2/3/2016,A\n", "tx.csv:2:3: row has 2 fields but the header has 3"),
    ("d,g,v\n", "tx.csv:2:1: header only, no data rows"),
    ("", "tx.csv:1:1: empty file"),
    ("d,x,v\n2/3/2016,A,1\n", "tx.csv:1:1: missing column 'g' (header has: d, x, v)"),
  ])
  func aggregationErrors(text: String, expected: String) {
    let options = AggregationOptions(
      groupBy: ["g"], dateColumn: "d", dateFormat: DateFormat("M/D/YYYY")!, valueColumn: "v", frequency: .monthly)
    #expect(aggregateError(text, options) == expected)
  }
}

@Suite struct CSVTableTests {
  @Test func readsCellsAndLocatesErrors() throws {
    let text = "unique_id,target\nWest/Technology,1000.5\n\"East, big\",x\n\nSouth,\n"
    let table = try CSVTable.read(bytes: Array(text.utf8), file: "targets.csv")
    #expect(table.header == ["unique_id", "target"])
    #expect(table.rows == [["West/Technology", "1000.5"], ["East, big", "x"], ["South", ""]])
    #expect(table.lines == [2, 3, 5])
    let target = try table.column("target")
    #expect(try table.number(row: 0, column: target) == 1000.5)
    #expect(try table.identifier(row: 1, column: 0) == "East, big")
    #expect(
      throws: DataError(file: "targets.csv", line: 3, column: 2, reason: .nonNumeric(value: "x", column: "target"))
    ) {
      try table.number(row: 1, column: target)
    }
    #expect(throws: DataError(file: "targets.csv", line: 5, column: 2, reason: .emptyValue(column: "target"))) {
      try table.number(row: 2, column: target)
    }
    #expect(
      throws: DataError(
        file: "targets.csv", line: 1, column: 1, reason: .missingColumn(name: "group", header: ["unique_id", "target"]))
    ) {
      try table.column("group")
    }
  }

  @Test func structuralErrors() {
    func error(_ text: String) -> String? {
      do {
        _ = try CSVTable.read(bytes: Array(text.utf8), file: "g.csv")
        return nil
      } catch { return error.description }
    }
    #expect(error("unique_id,group\nA\n") == "g.csv:2:2: row has 1 fields but the header has 2")
    #expect(error("unique_id,group\n") == "g.csv:2:1: header only, no data rows")
    #expect(error("unique_id,group\nA,\"x\n") == "g.csv:2:2: unterminated quoted field")
  }
}

@Suite struct CSVWriterTests {
  @Test func quotesOnlyWhenNeeded() {
    var writer = CSVWriter()
    writer.writeRow(["a", "b,c", "say \"hi\"", "x\ny", ""])
    writer.write(1e20)
    writer.write(-0.0)
    writer.write(42)
    writer.endRow()
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",\n1e+20,-0.0,42\n")
  }
}

@Suite struct CSVWriterNumberTests {
  /// The integer fast path writes exactly what `Double.description` writes.
  @Test func numbersAreWrittenAsDescription() {
    var rng = TestRNG(state: 3)
    var values: [Double] = [0, -0.0, 1, -1, 940, 1e15 - 1, 1e15, -1e15, 1e16, 123_456_789_012_345, 0.5, -2.25]
    for _ in 0..<2000 {
      let magnitude = Double(rng.next() % 1_000_000_000_000_000) / Double(1 << (rng.next() % 40))
      values.append(rng.next() % 2 == 0 ? magnitude.rounded() : -magnitude)
    }
    for x in values {
      var writer = CSVWriter()
      writer.write(x)
      #expect(String(decoding: writer.bytes, as: UTF8.self) == x.description, "\(x)")
    }
    var writer = CSVWriter()
    writer.write(Int.min)
    writer.write(-7)
    writer.write(PeriodStamp.date(CalendarDate(year: 987, month: 3, day: 9)!))
    writer.write(PeriodStamp.index(12))
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "\(Int.min),-7,0987-03-09,12")
  }
}
