import Testing

@testable import AttainData

/// Reads `text` as `t.csv` and returns the rendered error, or nil when it reads.
func readError(_ text: String, options: SeriesReadOptions = .init()) -> String? {
  readError(bytes: Array(text.utf8), options: options)
}

func readError(bytes: [UInt8], options: SeriesReadOptions = .init()) -> String? {
  do {
    _ = try SeriesCSV.read(bytes: bytes, file: "t.csv", options: options)
    return nil
  } catch {
    return error.description
  }
}

let header = "unique_id,ds,y\n"

/// Every input error renders as `FILE:LINE:FIELD: message`, exactly.
@Suite struct SeriesCSVErrorTests {
  @Test(arguments: [
    // Values.
    ("A,1,abc\n", "t.csv:2:3: non-numeric value 'abc' in column 'y'"),
    ("A,1,\"1.234,5\"\n", "t.csv:2:3: non-numeric value '1.234,5' in column 'y'"),
    ("A,1,1 234\n", "t.csv:2:3: non-numeric value '1 234' in column 'y'"),
    ("A,1,0x10\n", "t.csv:2:3: non-numeric value '0x10' in column 'y'"),
    ("A,1,1e\n", "t.csv:2:3: non-numeric value '1e' in column 'y'"),
    ("A,1,nan\n", "t.csv:2:3: non-finite value 'nan' in column 'y'"),
    ("A,1,-Inf\n", "t.csv:2:3: non-finite value '-Inf' in column 'y'"),
    ("A,1,1e999\n", "t.csv:2:3: non-finite value '1e999' in column 'y'"),
    ("A,1,\n", "t.csv:2:3: empty value in column 'y'"),
    ("A,1,\"\"\n", "t.csv:2:3: empty value in column 'y'"),
    // Ids.
    (",1,1\n", "t.csv:2:1: empty id in column 'unique_id'"),
    ("A,1,1\nB,1,1\nA,2,1\n", "t.csv:4:1: rows of series 'A' are not contiguous (series already seen earlier)"),
    // Periods.
    ("A,1,1\nA,1,2\n", "t.csv:3:2: duplicate period 1 in series 'A'"),
    (
      "A,2,1\nA,1,2\n",
      "t.csv:3:2: period 1 comes before the previous row's 2 in series 'A' (rows must be in time order)"
    ),
    (
      "A,1,1\nA,3,2\n",
      "t.csv:3:2: gap in series 'A': expected period 2, found 3 (use --fill zero to fill gaps with zeros)"
    ),
    (
      "A,2020-01-01,1\nA,2,2\n",
      "t.csv:3:2: mixed date formats: '2' but the first row has ISO dates (YYYY-MM-DD)"
    ),
    (
      "A,1,1\nA,2020-01-01,2\n",
      "t.csv:3:2: mixed date formats: '2020-01-01' but the first row has integer period indices"
    ),
    ("A,1.5,1\n", "t.csv:2:2: period index '1.5' is not a positive integer"),
    ("A,0,1\n", "t.csv:2:2: period index '0' is not a positive integer"),
    ("A,-3,1\n", "t.csv:2:2: period index '-3' is not a positive integer"),
    ("A,2020-13-01,1\n", "t.csv:2:2: impossible date '2020-13-01'"),
    ("A,2019-02-29,1\n", "t.csv:2:2: impossible date '2019-02-29'"),
    (
      "A,2020/01/01,1\n",
      "t.csv:2:2: invalid date '2020/01/01' (expected YYYY-MM-DD or a positive integer period index)"
    ),
    ("A,,1\n", "t.csv:2:2: invalid date '' (expected YYYY-MM-DD or a positive integer period index)"),
    (
      "A,2020-01-01,1\nA,2020-01-15,1\n",
      "t.csv:3:2: cannot infer the frequency: smallest spacing between consecutive dates is 14 days, not 1, 7, 28-31, 89-92 or 365-366 (give --frequency)"
    ),
    (
      "A,2020-01-01,1\nB,2020-02-01,1\n",
      "t.csv:2:2: cannot infer the frequency: no series has two different dates (give --frequency)"
    ),
    // Structure.
    ("A,1,1,9\n", "t.csv:2:4: row has 4 fields but the header has 3"),
    ("A,1\n", "t.csv:2:3: row has 2 fields but the header has 3"),
    ("A,1,1\n\"B,2,3\n", "t.csv:3:1: unterminated quoted field"),
    ("A,1,\"1\n", "t.csv:2:3: unterminated quoted field"),
    ("\"A\"x,1,1\n", "t.csv:2:1: unexpected character after closing quote"),
  ])
  func locatedMessage(body: String, expected: String) {
    #expect(readError(header + body) == expected)
  }

  @Test func fileLevelProblems() {
    #expect(readError("") == "t.csv:1:1: empty file")
    #expect(readError("\u{FEFF}\n\n") == "t.csv:1:1: empty file")
    #expect(readError("unique_id,ds,y\n") == "t.csv:2:1: header only, no data rows")
    #expect(readError("unique_id,ds,y") == "t.csv:2:1: header only, no data rows")
    #expect(readError("id,ds,y\nA,1,1\n") == "t.csv:1:1: missing column 'unique_id' (header has: id, ds, y)")
    #expect(readError("unique_id,ds,y,y\nA,1,1,1\n") == "t.csv:1:4: duplicate column 'y' in header")
  }

  @Test func encodingProblemsAreLocated() {
    var bad = Array((header + "A,1,1\nB").utf8)
    bad += [0xFF] + Array(",1,1\n".utf8)
    #expect(readError(bytes: bad) == "t.csv:3:1: invalid utf-8 byte sequence")
    // Overlong encoding of '/', a UTF-16 surrogate, and a truncated sequence at the end.
    for sequence: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82]] {
      let bytes = Array((header + "A,1,1\nA,2,").utf8) + sequence
      #expect(readError(bytes: bytes) == "t.csv:3:3: invalid utf-8 byte sequence")
    }
    // Valid multi-byte text is fine.
    #expect(readError(header + "Zürich €,1,1\n") == nil)
    let nul = Array((header + "A,1,1\nA,2,").utf8) + [0] + Array("\n".utf8)
    #expect(readError(bytes: nul) == "t.csv:3:3: binary data (nul byte), not a text csv file")
    // A PNG-like header: NUL in the first line.
    #expect(
      readError(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        == "t.csv:1:1: invalid utf-8 byte sequence")
    #expect(
      readError(bytes: Array("PNG\r\n".utf8) + [0, 0, 0, 13])
        == "t.csv:2:1: binary data (nul byte), not a text csv file")
  }

  @Test func linesCountBreaksInsideQuotedFields() {
    // Header line 1; the first record spans lines 2-3; the second starts on line 4.
    #expect(readError(header + "\"A\nB\",1,1\n\"A\nB\",2,x\n") == "t.csv:4:3: non-numeric value 'x' in column 'y'")
    // The same with CRLF line ends, and a blank line (skipped but counted).
    let crlf = "unique_id,ds,y\r\n\"A\r\nB\",1,1\r\n\r\n\"A\r\nB\",2,x\r\n"
    #expect(readError(crlf) == "t.csv:5:3: non-numeric value 'x' in column 'y'")
  }

  @Test func renamedColumnsAppearInMessages() {
    let options = SeriesReadOptions(idColumn: "store", dateColumn: "month", valueColumn: "sales")
    #expect(
      readError("store,month,sales\nS1,1,oops\n", options: options)
        == "t.csv:2:3: non-numeric value 'oops' in column 'sales'")
    #expect(readError("store,month,sales\n,1,1\n", options: options) == "t.csv:2:1: empty id in column 'store'")
  }

  @Test func driverColumnsMustStayNumeric() {
    #expect(
      readError("unique_id,ds,y,price\nA,1,1,2.5\nA,2,1,cheap\n")
        == "t.csv:3:4: non-numeric value 'cheap' in column 'price'")
    #expect(readError("unique_id,ds,y,price\nA,1,1,2.5\nA,2,1,\n") == "t.csv:3:4: empty value in column 'price'")
  }

  @Test func frequencyIndexRejectsDates() {
    let options = SeriesReadOptions(frequency: .index)
    #expect(
      readError(header + "A,2020-01-01,1\n", options: options)
        == "t.csv:2:2: date '2020-01-01' with frequency index (integer ds expected)")
  }

  @Test func otherReasonsRender() {
    let unknown = DataError(file: "targets.csv", line: 7, column: 1, reason: .unknownID("X9"))
    #expect(unknown.description == "targets.csv:7:1: unknown unique_id 'X9'")
    let missing = DataError(file: "nope.csv", line: 0, column: 0, reason: .cannotRead("No such file or directory"))
    #expect(missing.description == "nope.csv: cannot read: No such file or directory")
    #expect(throws: DataError.self) { try SeriesCSV.read(path: "/nonexistent/file.csv") }
  }
}
