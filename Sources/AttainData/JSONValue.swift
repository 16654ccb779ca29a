/// A JSON value (RFC 8259) with the 1-based line and column where it starts, so readers of JSON
/// inputs (scenario files) can report `FILE:LINE:COLUMN: what is wrong` like the CSV readers.
///
/// Columns count characters (Unicode scalars) from 1 on each line. The parser is strict: no
/// comments, no trailing commas, no duplicate keys, no NaN/Infinity, numbers must fit a finite
/// `Double`, strings must be valid UTF-8 without raw control characters, nesting at most
/// `maximumDepth` deep. A leading UTF-8 byte-order mark is skipped.
/// Reference: RFC 8259, *The JavaScript Object Notation (JSON) Data Interchange Format*.
public struct JSONValue: Sendable, Equatable {
  /// What the value is.
  public var kind: Kind
  /// 1-based line of the value's first character.
  public var line: Int
  /// 1-based column (character) of the value's first character.
  public var column: Int

  /// The JSON types; object members keep their file order.
  public enum Kind: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])
  }

  /// The JSON type name for messages (`object`, `array`, `string`, `number`, `true`, `null`).
  public var typeName: String {
    switch kind {
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  /// Deepest nesting of arrays and objects accepted (deeper input is an error, not a stack overflow).
  public static let maximumDepth = 64

  /// Parses `bytes` (the whole file) as one JSON value.
  /// - Complexity: O(bytes.count).
  /// - Throws: `DataError` with `.invalidJSON` at the offending character (line and column 1-based).
  public static func parse(bytes: [UInt8], file: String) throws(DataError) -> JSONValue {
    var parser = JSONParser(bytes: bytes, file: file)
    return try parser.document()
  }
}

/// One `"key": value` member of a JSON object, with the key's location.
public struct JSONMember: Sendable, Equatable {
  /// The key.
  public var key: String
  /// 1-based line of the key.
  public var line: Int
  /// 1-based column of the key.
  public var column: Int
  /// The value.
  public var value: JSONValue

  /// A member `key: value` whose key starts at `line:column`.
  public init(key: String, line: Int, column: Int, value: JSONValue) {
    self.key = key
    self.line = line
    self.column = column
    self.value = value
  }
}

/// Recursive-descent parser over bytes, tracking line and column as it advances.
private struct JSONParser {
  let bytes: [UInt8]
  let file: String
  var index = 0
  var line = 1
  var column = 1

  init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  func error(_ message: String, line: Int? = nil, column: Int? = nil) -> DataError {
    DataError(file: file, line: line ?? self.line, column: column ?? self.column, reason: .invalidJSON(message))
  }

  /// The current byte, or nil at the end.
  var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  /// The current character for messages: `'x'`, `byte 0xNN` or `end of file`.
  var found: String {
    guard let b = current else { return "end of file" }
    if b == UInt8(ascii: "'") { return "\"'\"" }
    if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
    return "byte \(hexByte(b))"
  }

  /// `0xNN`.
  func hexByte(_ b: UInt8) -> String {
    let hex = String(b, radix: 16)
    return "0x\(hex.count < 2 ? "0" + hex : hex)"
  }

  mutating func advance() {
    let b = bytes[index]
    index += 1
    if b == 0x0A {
      line += 1
      column = 1
    } else if b & 0xC0 != 0x80 {
      column += 1
    }
  }

  mutating func skipWhitespace() {
    while let b = current, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { advance() }
  }

  mutating func document() throws(DataError) -> JSONValue {
    skipWhitespace()
    if current == nil { throw DataError(file: file, line: 1, column: 1, reason: .emptyFile) }
    let value = try self.value(depth: 0)
    skipWhitespace()
    if current != nil { throw error("unexpected \(found) after the json value") }
    return value
  }

  mutating func value(depth: Int) throws(DataError) -> JSONValue {
    let (l, c) = (line, column)
    guard let b = current else { throw error("unexpected end of file, expected a value") }
    switch b {
    case UInt8(ascii: "{"):
      return JSONValue(kind: .object(try object(depth: depth + 1)), line: l, column: c)
    case UInt8(ascii: "["):
      return JSONValue(kind: .array(try array(depth: depth + 1)), line: l, column: c)
    case UInt8(ascii: "\""):
      return JSONValue(kind: .string(try string()), line: l, column: c)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONValue(kind: .number(try number()), line: l, column: c)
    case UInt8(ascii: "t"):
      try literal("true")
      return JSONValue(kind: .bool(true), line: l, column: c)
    case UInt8(ascii: "f"):
      try literal("false")
      return JSONValue(kind: .bool(false), line: l, column: c)
    case UInt8(ascii: "n"):
      try literal("null")
      return JSONValue(kind: .null, line: l, column: c)
    default:
      throw error("unexpected \(found), expected a value")
    }
  }

  mutating func literal(_ word: String) throws(DataError) {
    let (l, c) = (line, column)
    for expected in word.utf8 {
      guard current == expected else {
        throw error("invalid literal (expected '\(word)')", line: l, column: c)
      }
      advance()
    }
    if let b = current, isWordByte(b) { throw error("invalid literal (expected '\(word)')", line: l, column: c) }
  }

  func isWordByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80
  }

  mutating func object(depth: Int) throws(DataError) -> [JSONMember] {
    if depth > JSONValue.maximumDepth { throw error("nesting deeper than \(JSONValue.maximumDepth) levels") }
    advance()  // {
    var members: [JSONMember] = []
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      advance()
      return members
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw error("unexpected \(found), expected a quoted key") }
      let (l, c) = (line, column)
      let key = try string()
      if members.contains(where: { $0.key == key }) {
        throw error("duplicate key '\(shown(key))'", line: l, column: c)
      }
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw error("unexpected \(found), expected ':' after the key") }
      advance()
      skipWhitespace()
      let member = try value(depth: depth)
      members.append(JSONMember(key: key, line: l, column: c, value: member))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): advance()
      case UInt8(ascii: "}"):
        advance()
        return members
      default: throw error("unexpected \(found), expected ',' or '}'")
      }
    }
  }

  mutating func array(depth: Int) throws(DataError) -> [JSONValue] {
    if depth > JSONValue.maximumDepth { throw error("nesting deeper than \(JSONValue.maximumDepth) levels") }
    advance()  // [
    var elements: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      advance()
      return elements
    }
    while true {
      skipWhitespace()
      elements.append(try value(depth: depth))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): advance()
      case UInt8(ascii: "]"):
        advance()
        return elements
      default: throw error("unexpected \(found), expected ',' or ']'")
      }
    }
  }

  mutating func number() throws(DataError) -> Double {
    let (l, c) = (line, column)
    let start = index
    func digits(_ parser: inout JSONParser) -> Int {
      var n = 0
      while let b = parser.current, b >= 0x30 && b <= 0x39 {
        parser.advance()
        n += 1
      }
      return n
    }
    if current == UInt8(ascii: "-") { advance() }
    if current == UInt8(ascii: "0") {
      advance()
    } else if digits(&self) == 0 {
      throw error("invalid number (a digit must follow '-')", line: l, column: c)
    }
    if current == UInt8(ascii: ".") {
      advance()
      if digits(&self) == 0 { throw error("invalid number (a digit must follow '.')", line: l, column: c) }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      advance()
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
      if digits(&self) == 0 { throw error("invalid number (a digit must follow the exponent)", line: l, column: c) }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if let b = current, isWordByte(b) || b == UInt8(ascii: ".") {
      throw error("invalid number '\(shown(text))\(Character(Unicode.Scalar(b)))…'", line: l, column: c)
    }
    guard let value = Double(text), value.isFinite else {
      throw error("number '\(shown(text))' is out of range", line: l, column: c)
    }
    return value
  }

  mutating func hexQuad() throws(DataError) -> UInt32 {
    var v: UInt32 = 0
    for _ in 0..<4 {
      guard let b = current else { throw error("unterminated string") }
      let digit: UInt8
      switch b {
      case 0x30...0x39: digit = b - 0x30
      case 0x41...0x46: digit = b - 0x41 + 10
      case 0x61...0x66: digit = b - 0x61 + 10
      default: throw error("invalid \\u escape (four hex digits expected)")
      }
      v = v << 4 | UInt32(digit)
      advance()
    }
    return v
  }

  mutating func string() throws(DataError) -> String {
    let (l, c) = (line, column)
    advance()  // opening quote
    var out: [UInt8] = []
    while true {
      guard let b = current else { throw error("unterminated string", line: l, column: c) }
      if b == UInt8(ascii: "\"") {
        advance()
        break
      }
      if b == 0x0A || b == 0x0D {
        throw error("unterminated string (line break before the closing quote)", line: l, column: c)
      }
      if b < 0x20 { throw error("control character (byte \(hexByte(b))) in a string; escape it") }
      if b != UInt8(ascii: "\\") {
        out.append(b)
        advance()
        continue
      }
      advance()
      guard let e = current else { throw error("unterminated string", line: l, column: c) }
      let (el, ec) = (line, column - 1)
      advance()
      switch e {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hexQuad()
        if (0xD800...0xDBFF).contains(scalar) {
          guard current == UInt8(ascii: "\\") else { throw error("unpaired surrogate in \\u escape", line: el, column: ec) }
          advance()
          guard current == UInt8(ascii: "u") else { throw error("unpaired surrogate in \\u escape", line: el, column: ec) }
          advance()
          let low = try hexQuad()
          guard (0xDC00...0xDFFF).contains(low) else {
            throw error("unpaired surrogate in \\u escape", line: el, column: ec)
          }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
          throw error("unpaired surrogate in \\u escape", line: el, column: ec)
        }
        guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape", line: el, column: ec) }
        out.append(contentsOf: Array(String(Character(u)).utf8))
      default:
        throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string", line: el, column: ec)
      }
    }
    guard let text = String(validating: out, as: UTF8.self) else {
      throw error("invalid utf-8 byte sequence in a string", line: l, column: c)
    }
    return text
  }
}
