import Testing

@testable import AttainData

func read(_ text: String, options: SeriesReadOptions = .init()) throws(DataError) -> SeriesReadResult {
  try SeriesCSV.read(bytes: Array(text.utf8), file: "t.csv", options: options)
}

func date(_ text: String) throws -> PeriodStamp {
  let d = try #require(DateFormat.iso.date(from: text))
  return .date(d)
}

/// A small deterministic generator for test data (SplitMix64, Steele et al. 2014).
struct TestRNG {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite struct SeriesCSVTests {
  @Test func readsIntegerIndexedSeries() throws {
    let result = try read(header + "A,1,1.5\nA,2,-2\nA,3,3e2\nB,5,7\n")
    let panel = result.panel
    #expect(panel.ids == ["A", "B"])
    #expect(panel.offsets == [0, 3, 4])
    #expect(panel.values == [1.5, -2, 300, 7])
    #expect(panel.starts == [.index(1), .index(5)])
    #expect(panel.frequency == .index)
    #expect(result.warnings.isEmpty)
  }

  @Test func quotedFieldsBOMAndCRLF() throws {
    let text =
      "\u{FEFF}\"unique_id\",ds,y\r\n\"West, \"\"big\"\" store\",1,\"2.5\"\r\n\"West, \"\"big\"\" store\",2,3\r\n\"multi\nline\",1,4"
    let panel = try read(text).panel
    #expect(panel.ids == ["West, \"big\" store", "multi\nline"])
    #expect(panel.values == [2.5, 3, 4])
  }

  @Test func sameIdQuotedAndUnquotedIsOneSeries() throws {
    let panel = try read(header + "A,1,1\n\"A\",2,2\n").panel
    #expect(panel.ids == ["A"])
    #expect(panel.values == [1, 2])
  }

  @Test func remappedHeaderAndDrivers() throws {
    let text = "region,store,month,sales,price,promo\nWest,S1,1,10,2.5,0\nWest,S1,2,12,2.4,1\nEast,S2,1,5,3,0\n"
    let result = try read(
      text, options: SeriesReadOptions(idColumn: "store", dateColumn: "month", valueColumn: "sales"))
    #expect(result.panel.ids == ["S1", "S2"])
    #expect(result.panel.driverNames == ["price", "promo"])
    #expect(result.panel.drivers == [[2.5, 2.4, 3], [0, 1, 0]])
    #expect(result.warnings == ["column 'region' is not numeric (line 2: 'West') and was ignored"])
  }

  @Test func fillZeroFillsGapsInValuesAndDrivers() throws {
    let text = "unique_id,ds,y,price\nA,1,1,9\nA,4,4,9\nB,2,2,8\nB,3,3,8\n"
    #expect(throws: DataError.self) { try read(text) }
    let result = try read(text, options: SeriesReadOptions(fill: .zero))
    #expect(result.panel.values == [1, 0, 0, 4, 2, 3])
    #expect(result.panel.drivers == [[9, 0, 0, 9, 8, 8]])
    #expect(result.panel.offsets == [0, 4, 6])
    #expect(result.warnings == ["filled 2 missing periods with zero in 1 series"])
  }

  @Test(arguments: [
    ("2020-01-01", "2020-01-02", Frequency.daily),
    ("2020-12-28", "2021-01-04", .weekly),
    ("2020-01-01", "2020-02-01", .monthly),
    ("2020-02-01", "2020-03-01", .monthly),
    ("2019-10-01", "2020-01-01", .quarterly),
    ("2020-01-01", "2020-04-01", .quarterly),
    ("2019-01-01", "2020-01-01", .yearly),
    ("2020-01-01", "2021-01-01", .yearly),
  ])
  func infersFrequency(first: String, second: String, expected: Frequency) throws {
    let result = try read(header + "A,\(first),1\nA,\(second),2\n")
    #expect(result.panel.frequency == expected)
    #expect(result.panel.starts == [try date(first)])
    #expect(result.panel.lastStamp(of: 0) == (try date(second)))
    #expect(result.warnings.isEmpty)
  }

  @Test func smallestSpacingAcrossSeriesDecides() throws {
    // Series A has a two-month gap; B shows the monthly spacing.
    let text = header + "A,2020-01-01,1\nA,2020-03-01,3\nB,2020-01-01,1\nB,2020-02-01,2\n"
    let result = try read(text, options: SeriesReadOptions(fill: .zero))
    #expect(result.panel.frequency == .monthly)
    #expect(result.panel.values == [1, 0, 3, 1, 2])
  }

  @Test func monthEndDatesMoveToPeriodStartsWithAWarning() throws {
    let result = try read(header + "A,2020-01-31,1\nA,2020-02-29,2\nA,2020-03-31,3\n")
    #expect(result.panel.frequency == .monthly)
    #expect(result.panel.starts == [try date("2020-01-01")])
    #expect(
      result.warnings == [
        "3 dates were moved to the start of their monthly period (first: line 2, 2020-01-31 → 2020-01-01)"
      ])
  }

  @Test func weeklySundaysMoveToTheirMonday() throws {
    // 2021-01-03 is a Sunday in ISO week 2020-W53 (Monday 2020-12-28).
    let result = try read(header + "A,2021-01-03,1\nA,2021-01-10,2\n")
    #expect(result.panel.frequency == .weekly)
    #expect(result.panel.starts == [try date("2020-12-28")])
    #expect(result.warnings.count == 1)
  }

  @Test func twoDatesInOnePeriodAreDuplicates() throws {
    let options = SeriesReadOptions(frequency: .monthly)
    #expect(
      readError(header + "A,2020-01-01,1\nA,2020-01-15,2\n", options: options)
        == "t.csv:3:2: duplicate period 2020-01-01 in series 'A'")
  }

  @Test func givenFrequencyOverridesInference() throws {
    let result = try read(
      header + "A,2020-01-01,1\nA,2020-04-01,2\n", options: SeriesReadOptions(frequency: .monthly, fill: .zero))
    #expect(result.panel.frequency == .monthly)
    #expect(result.panel.values == [1, 0, 0, 2])
  }

  @Test func integerIndexKeepsAGivenCalendarFrequency() throws {
    let result = try read(header + "N1,1,1\nN1,2,2\n", options: SeriesReadOptions(frequency: .monthly))
    #expect(result.panel.frequency == .monthly)
    #expect(result.panel.starts == [.index(1)])
  }

  @Test func isoTimestampsAreAccepted() throws {
    let result = try read(header + "A,2020-01-01 00:00:00,1\nA,2020-01-02T00:00:00,2\n")
    #expect(result.panel.frequency == .daily)
  }

  /// write → read gives back the same ids, stamps and Double bit patterns, including tiny,
  /// huge, negative and subnormal values and ids that need quoting.
  @Test func roundTripIsBitExact() throws {
    var rng = TestRNG(state: 20_261_125)
    var special: [Double] = [
      0, -0.0, 0.1, -0.1, 1e20, -1e20, 1e-20, 1e16, 123_456_789_012_345_678, 5e-324, -5e-324,
      Double.leastNormalMagnitude, Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude,
      2.2250738585072011e-308, 0.30000000000000004, 9_007_199_254_740_993, 1 / 3,
    ]
    while special.count < 5000 {
      let x = Double(bitPattern: rng.next())
      if x.isFinite { special.append(x) }
      // Also "human" decimals with a few digits.
      special.append(Double(Int64(bitPattern: rng.next()) % 10_000_000) / 100)
    }
    var panel = Panel(frequency: .monthly)
    let ids = ["plain", "with,comma", "with \"quotes\"", "multi\nline", "crlf\r\nid", "Zürich"]
    let chunk = special.count / ids.count
    for (k, id) in ids.enumerated() {
      panel.append(
        id: id, start: try date("2019-11-01"), values: special[(k * chunk)..<((k + 1) * chunk)])
    }
    let bytes = SeriesCSV.write(panel)
    let back = try SeriesCSV.read(bytes: bytes, file: "rt.csv").panel
    #expect(back.ids == panel.ids)
    #expect(back.offsets == panel.offsets)
    #expect(back.starts == panel.starts)
    #expect(back.frequency == .monthly)
    #expect(back.values.map(\.bitPattern) == panel.values.map(\.bitPattern))
  }

  @Test func roundTripWithDriversAndIndexStamps() throws {
    var panel = Panel(frequency: .index)
    panel.driverNames = ["price"]
    panel.append(id: "A", start: .index(3), values: [1.25, -7e-9], drivers: [[2, 3]])
    panel.append(id: "B", start: .index(1), values: [4], drivers: [[5]])
    let text = String(decoding: SeriesCSV.write(panel), as: UTF8.self)
    #expect(text == "unique_id,ds,y,price\nA,3,1.25,2.0\nA,4,-7e-09,3.0\nB,1,4.0,5.0\n")
    let back = try SeriesCSV.read(bytes: Array(text.utf8), file: "rt.csv").panel
    #expect(back == panel)
  }

  /// The fast decimal parser agrees with the standard library's correctly rounded parser on
  /// random decimal strings of 1–25 significant digits (exercising both the exact fast path
  /// and the strtod fallback).
  @Test func decimalParsingIsCorrectlyRounded() throws {
    var rng = TestRNG(state: 7)
    for _ in 0..<20_000 {
      let digits = Int(rng.next() % 25) + 1
      var text = rng.next() % 2 == 0 ? "" : "-"
      let point = Int(rng.next() % UInt64(digits + 1))
      for k in 0..<digits {
        if k == point { text += "." }
        text += String(rng.next() % 10)
      }
      if rng.next() % 3 == 0 { text += "e\(Int(rng.next() % 80) - 40)" }
      let expected = try #require(Double(text))
      guard case .value(let got) = text.parsedAsCSVNumber() else {
        Issue.record("rejected \(text)")
        continue
      }
      #expect(got.bitPattern == expected.bitPattern, "\(text)")
    }
  }

  /// Plain `unique_id,ds,y` rows take a fused fast path; the same rows with an extra ignored
  /// column go through the general tokenizer. Both must give identical panels and errors.
  @Test func fastPathAgreesWithTheGeneralPath() throws {
    var rng = TestRNG(state: 99)
    let numbers = [
      "007", "-0", "1.", ".5", "+3", " 4 ", "1e3", "-2.5E-3", "12345678901234567890", "0.1234567890123456789",
      "123456789012345", "1234567890123456", "-999999.999999", "3.14159", "0", "42",
    ]
    for trial in 0..<200 {
      var plain = "unique_id,ds,y\n"
      var extra = "unique_id,ds,y,note\n"
      let dated = trial % 2 == 0
      let eol = trial % 3 == 0 ? "\r\n" : "\n"
      for s in 0..<3 {
        for t in 1...5 {
          let ds = dated ? "2020-0\(t)-01" : "\(t)"
          let y = numbers[Int(rng.next() % UInt64(numbers.count))]
          let id = s == 1 ? "\"S,\(s)\"" : "S\(s)"
          plain += "\(id),\(ds),\(y)\(eol)"
          extra += "\(id),\(ds),\(y),x\(eol)"
        }
      }
      if trial % 5 == 0 {
        plain += "S9,1,oops\n"
        extra += "S9,1,oops,x\n"
      }
      if trial % 7 == 0 {
        plain += "S8,1\n"
        extra += "S8,1,x\n"
      }
      let a = Result { () throws(DataError) in try read(plain) }
      let b = Result { () throws(DataError) in try read(extra) }
      switch (a, b) {
      case (.success(let x), .success(let y)):
        #expect(x.panel.values.map(\.bitPattern) == y.panel.values.map(\.bitPattern))
        #expect(x.panel.ids == y.panel.ids && x.panel.starts == y.panel.starts && x.panel.offsets == y.panel.offsets)
      case (.failure(let x), .failure(let y)):
        if trial % 7 == 0 {
          #expect(x.line == y.line)  // ragged rows: field counts differ by the extra column
        } else {
          #expect(x == y)
        }
      default:
        Issue.record("paths disagree on trial \(trial): \(a) vs \(b)")
      }
    }
  }

  @Test func readsTheM3TrainingFile() throws {
    let result = try SeriesCSV.read(path: datasetPath("m3/m3-train.csv"))
    let panel = result.panel
    #expect(panel.count == 3003)
    #expect(panel.values.count == 199_196)
    #expect(panel.ids.first == "N0001")
    #expect(panel.values.prefix(2) == [940.66, 1084.86])
    #expect(panel.starts.allSatisfy { $0 == .index(1) })
    #expect(panel.frequency == .index)
  }
}

/// `datasets/<relative>` in the repository (tests run from any directory).
func datasetPath(_ relative: String) -> String {
  let file = #filePath
  let parts = file.split(separator: "/", omittingEmptySubsequences: false)
  let root = parts.dropLast(3).joined(separator: "/")
  return root + "/datasets/" + relative
}
