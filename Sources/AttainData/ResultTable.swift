/// A rectangular result (header + rows of cells) that renders as CSV or JSON.
///
/// Every command's tabular output goes through this one type, so CSV quoting, number
/// precision (shortest round-trip) and JSON escaping are written once. JSON is an array of
/// objects keyed by the header; non-finite numbers become `null` (they never appear in CSV
/// output: producers replace them before building the table).
public struct ResultTable: Sendable, Equatable {
  /// One cell of a result row.
  public enum Cell: Sendable, Equatable {
    /// Text, quoted in CSV when needed.
    case text(String)
    /// A number at full round-trip precision.
    case number(Double)
    /// An integer.
    case integer(Int)
  }

  /// Column names.
  public var header: [String]
  /// Rows, each with `header.count` cells.
  public var rows: [[Cell]]

  /// A table with `header` and no rows yet.
  public init(header: [String], rows: [[Cell]] = []) {
    self.header = header
    self.rows = rows
  }

  /// Appends a row (it must have `header.count` cells).
  public mutating func append(_ row: [Cell]) { rows.append(row) }

  /// RFC 4180 CSV with a header line. - Complexity: O(cells).
  public func csv() -> [UInt8] {
    var writer = CSVWriter(reservingCapacity: 16 * header.count * (rows.count + 1))
    writer.writeRow(header)
    for row in rows {
      for cell in row {
        switch cell {
        case .text(let s): writer.write(s)
        case .number(let x): writer.write(x)
        case .integer(let n): writer.write(n)
        }
      }
      writer.endRow()
    }
    return writer.bytes
  }

  /// A JSON array of objects, one per row, keys in header order. - Complexity: O(cells).
  public func json() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(24 * header.count * (rows.count + 1))
    let keys = header.map { ResultTable.jsonString($0) }
    out.append(UInt8(ascii: "["))
    for (r, row) in rows.enumerated() {
      out.append(contentsOf: r == 0 ? Array("\n  {".utf8) : Array(",\n  {".utf8))
      for (c, cell) in row.enumerated() {
        if c > 0 { out.append(contentsOf: Array(", ".utf8)) }
        out.append(contentsOf: keys[c])
        out.append(contentsOf: Array(": ".utf8))
        switch cell {
        case .text(let s): out.append(contentsOf: ResultTable.jsonString(s))
        case .number(let x): out.append(contentsOf: Array((x.isFinite ? x.description : "null").utf8))
        case .integer(let n): out.append(contentsOf: Array(String(n).utf8))
        }
      }
      out.append(UInt8(ascii: "}"))
    }
    out.append(contentsOf: Array((rows.isEmpty ? "]\n" : "\n]\n").utf8))
    return out
  }

  /// `text` as a JSON string literal (RFC 8259 escapes).
  static func jsonString(_ text: String) -> [UInt8] {
    var out: [UInt8] = [34]
    for b in text.utf8 {
      switch b {
      case 34: out += [92, 34]
      case 92: out += [92, 92]
      case 10: out += [92, 110]
      case 13: out += [92, 114]
      case 9: out += [92, 116]
      case 0..<32:
        let hex = Array("0123456789abcdef".utf8)
        out += [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]]
      default: out.append(b)
      }
    }
    out.append(34)
    return out
  }
}
