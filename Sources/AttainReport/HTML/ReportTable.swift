/// One cell of a report table: text, or a number printed with a `ValueFormat` (numbers are
/// right-aligned with tabular figures).
public enum ReportCell: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
  ExpressibleByIntegerLiteral
{
  /// Plain text (escaped on output).
  case text(String)
  /// A number and how to print it.
  case number(Double, ValueFormat)
  /// An integer with thousands separators.
  case integer(Int)

  /// A text cell from a string literal.
  public init(stringLiteral value: String) { self = .text(value) }
  /// A number cell with two decimals from a float literal.
  public init(floatLiteral value: Double) { self = .number(value, .grouped(fractionDigits: 2)) }
  /// An integer cell from an integer literal.
  public init(integerLiteral value: Int) { self = .integer(value) }

  /// A percentage cell from a fraction (0.9 → "90%").
  public static func percent(_ fraction: Double, fractionDigits: Int = 0) -> ReportCell {
    .number(fraction, .percent(fractionDigits: fractionDigits))
  }

  /// The printed cell.
  public var display: String {
    switch self {
    case .text(let s): s
    case .number(let v, let format): format.label(v)
    case .integer(let i): NumberLabels.grouped(Double(i))
    }
  }

  /// Whether the cell holds a number.
  public var isNumeric: Bool {
    if case .text = self { return false }
    return true
  }
}

/// A plain table for a report: a header row and rows of cells, with an optional caption and note.
public struct ReportTable: Sendable, Hashable {
  /// Caption shown above the table.
  public var caption: String?
  /// Column headings.
  public var header: [String]
  /// Body rows; short rows are padded with empty cells, long rows truncated to the header width.
  public var rows: [[ReportCell]]
  /// Small print under the table (sources, definitions).
  public var note: String?

  /// A table with `header` and `rows`.
  public init(caption: String? = nil, header: [String], rows: [[ReportCell]], note: String? = nil) {
    self.caption = caption
    self.header = header
    self.rows = rows
    self.note = note
  }

  /// A two-column "name | value" table, e.g. for the inputs of a run.
  public init(caption: String? = nil, keyValues: [(String, ReportCell)], note: String? = nil) {
    self.init(caption: caption, header: ["Setting", "Value"], rows: keyValues.map { [.text($0.0), $0.1] }, note: note)
  }

  /// Whether column `j` is numeric: every non-empty cell in it holds a number.
  func isNumericColumn(_ j: Int) -> Bool {
    var any = false
    for row in rows where j < row.count {
      if row[j].isNumeric { any = true } else if !row[j].display.isEmpty { return false }
    }
    return any
  }

  /// The table as an XHTML fragment.
  func html() -> String {
    let width = header.count
    let numeric = (0..<width).map(isNumericColumn)
    var s = "<div class=\"table-wrap\"><table>"
    if let caption, !caption.isEmpty { s += "<caption>\(Markup.escape(caption))</caption>" }
    s += "<thead><tr>"
    for (j, h) in header.enumerated() {
      s += numeric[j] ? "<th class=\"num\" scope=\"col\">" : "<th scope=\"col\">"
      s += Markup.escape(h) + "</th>"
    }
    s += "</tr></thead><tbody>"
    for row in rows {
      s += "<tr>"
      for j in 0..<width {
        let cell = j < row.count ? row[j] : .text("")
        s += numeric[j] ? "<td class=\"num\">" : "<td>"
        s += Markup.escape(cell.display) + "</td>"
      }
      s += "</tr>"
    }
    s += "</tbody></table>"
    if let note, !note.isEmpty { s += "<p class=\"note\">\(Markup.escape(note))</p>" }
    s += "</div>"
    return s
  }
}
