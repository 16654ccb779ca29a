/// A small CSV file as text cells: a header and rows, with the line of every row, for inputs
/// such as targets (`unique_id,target`) or group maps (`unique_id,group`).
///
/// Parsing follows the same RFC 4180 rules and the same checks (UTF-8, NUL bytes, quotes,
/// ragged rows, empty file, header only) as `SeriesCSV`, and the accessors throw `DataError`s
/// located at `file:line:field`, so every command reports bad input the same way.
/// Cells are Strings: meant for files with up to some hundred thousand rows, not for bulk data.
public struct CSVTable: Sendable, Equatable {
  /// The file name used in messages.
  public let file: String
  /// The header fields.
  public let header: [String]
  /// The data rows; every row has `header.count` cells.
  public let rows: [[String]]
  /// The 1-based line on which each row starts.
  public let lines: [Int]

  /// Reads the file at `path` (`-` for standard input).
  public static func read(path: String) throws(DataError) -> CSVTable {
    let bytes = try FileBytes.read(path: path)
    return try read(bytes: bytes, file: FileBytes.displayName(path))
  }

  /// Parses CSV `bytes`; `file` names the input in messages.
  /// - Complexity: O(bytes); one String per cell.
  public static func read(bytes: [UInt8], file: String) throws(DataError) -> CSVTable {
    try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) -> CSVTable in
      var (tokenizer, parsed) = try CSVHeader.open(buffer, file: file, validating: true, rejectingDuplicates: true)
      let fields = tokenizer.fields
      let header = parsed.names
      let headerLine = parsed.line
      var rows = [[String]]()
      var lines = [Int]()
      while try tokenizer.nextRecord() {
        if fields.count != header.count {
          throw tokenizer.error(
            column: min(fields.count, header.count) + 1, .raggedRow(expected: header.count, found: fields.count))
        }
        rows.append(fields.array.map { tokenizer.string($0) })
        lines.append(tokenizer.recordLine)
      }
      if rows.isEmpty { throw DataError(file: file, line: headerLine + 1, column: 1, reason: .noDataRows) }
      return CSVTable(file: file, header: header, rows: rows, lines: lines)
    }
  }

  /// The index of the column named `name`. - Throws: `.missingColumn` at line 1.
  public func column(_ name: String) throws(DataError) -> Int {
    try CSVHeader(names: header, line: 1, file: file).column(name)
  }

  /// The non-empty text of cell (`row`, `column`). - Throws: `.emptyID` when empty.
  public func identifier(row: Int, column: Int) throws(DataError) -> String {
    let text = rows[row][column]
    if text.isEmpty { throw error(row: row, column: column, .emptyID(column: header[column])) }
    return text
  }

  /// The finite number in cell (`row`, `column`).
  /// - Throws: `.emptyValue`, `.nonFinite` or `.nonNumeric`, located at the cell.
  public func number(row: Int, column: Int) throws(DataError) -> Double {
    let text = rows[row][column]
    switch text.parsedAsCSVNumber() {
    case .value(let v): return v
    case .empty: throw error(row: row, column: column, .emptyValue(column: header[column]))
    case .nonFinite: throw error(row: row, column: column, .nonFinite(value: text, column: header[column]))
    case .invalid: throw error(row: row, column: column, .nonNumeric(value: text, column: header[column]))
    }
  }

  /// An error located at cell (`row`, `column`) (0-based indices; rendered 1-based line/field).
  public func error(row: Int, column: Int, _ reason: DataError.Reason) -> DataError {
    DataError(file: file, line: lines[row], column: column + 1, reason: reason)
  }
}
