import Testing

@testable import AttainData

/// The located JSON reader behind scenario files (RFC 8259, strict).
@Suite struct JSONValueTests {
  static func parse(_ text: String) throws(DataError) -> JSONValue {
    try JSONValue.parse(bytes: Array(text.utf8), file: "f.json")
  }

  /// The error text after `f.json:`, or nil when the text parses.
  static func failure(_ text: String) -> String? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return String(error.description.dropFirst("f.json:".count))
    }
  }

  @Test func valuesCarryTheirLineAndCharacterColumn() throws {
    // "é" is two bytes but one column; the array starts on line 2.
    let value = try Self.parse("{\"é\": 1,\n  \"b\": [true, null, -0.5e1, \"x\\u00e9\\ud83d\\ude00\"]}")
    guard case .object(let members) = value.kind else { Issue.record("not an object"); return }
    #expect(members.map(\.key) == ["é", "b"])
    #expect((members[0].line, members[0].column) == (1, 2))
    #expect((members[0].value.line, members[0].value.column) == (1, 7))
    let array = members[1].value
    #expect((array.line, array.column) == (2, 8))
    guard case .array(let items) = array.kind else { Issue.record("not an array"); return }
    #expect(items.map(\.kind) == [.bool(true), .null, .number(-5), .string("xé😀")])
    #expect(items.map(\.column) == [9, 15, 21, 29])
  }

  @Test func aByteOrderMarkAndWhitespaceAreSkipped() throws {
    let value = try JSONValue.parse(bytes: [0xEF, 0xBB, 0xBF] + Array(" \r\n\t[]".utf8), file: "f.json")
    #expect(value.kind == .array([]))
    #expect((value.line, value.column) == (2, 2))
  }

  @Test(arguments: [
    ("", "1:1: empty file"),
    ("[1,]", "1:4: unexpected ']', expected a value"),
    ("{\"a\": 1,}", "1:9: unexpected '}', expected a quoted key"),
    ("{\"a\" 1}", "1:6: unexpected '1', expected ':' after the key"),
    ("{\"a\": 1, \"a\": 2}", "1:10: duplicate key 'a'"),
    ("[01]", "1:2: invalid number '01…'"),
    ("[-]", "1:2: invalid number (a digit must follow '-')"),
    ("[1.]", "1:2: invalid number (a digit must follow '.')"),
    ("[1e]", "1:2: invalid number (a digit must follow the exponent)"),
    ("[1e400]", "1:2: number '1e400' is out of range"),
    ("[NaN]", "1:2: unexpected 'N', expected a value"),
    ("[tru]", "1:2: invalid literal (expected 'true')"),
    ("[nullx]", "1:2: invalid literal (expected 'null')"),
    ("[\"a\\x\"]", "1:4: invalid escape '\\x' in a string"),
    ("[\"\\ud800\"]", "1:3: unpaired surrogate in \\u escape"),
    ("[\"\\udc00\"]", "1:3: unpaired surrogate in \\u escape"),
    ("[\"\\u12g4\"]", "1:7: invalid \\u escape (four hex digits expected)"),
    ("[\"a\nb\"]", "1:2: unterminated string (line break before the closing quote)"),
    ("[\"a\tb\"]", "1:4: control character (byte 0x09) in a string; escape it"),
    ("[\"abc", "1:2: unterminated string"),
    ("[1] [2]", "1:5: unexpected '[' after the json value"),
    ("[1 2]", "1:4: unexpected '2', expected ',' or ']'"),
    ("{'a': 1}", "1:2: unexpected \"'\", expected a quoted key"),
  ])
  func malformedInputIsLocated(text: String, expected: String) {
    #expect(Self.failure(text) == expected)
  }

  @Test func invalidUTF8InAStringIsLocatedAtTheString() {
    let bytes = Array("[\n \"ab".utf8) + [0xFF] + Array("\"]".utf8)
    #expect(throws: DataError(file: "f.json", line: 2, column: 2, reason: .invalidJSON("invalid utf-8 byte sequence in a string"))) {
      try JSONValue.parse(bytes: bytes, file: "f.json")
    }
  }

  /// Nesting is bounded (an error, not a stack overflow), just past the limit and far past it.
  @Test func deepNestingIsAnErrorNotACrash() {
    let limit = JSONValue.maximumDepth
    #expect(Self.failure(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)) == nil)
    for depth in [limit + 1, 100_000] {
      let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
      #expect(Self.failure(text) == "1:\(limit + 1): nesting deeper than \(limit) levels")
    }
  }
}
