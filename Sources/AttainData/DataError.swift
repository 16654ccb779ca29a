/// An input problem, located in its file: rendered `FILE:LINE:COLUMN: what is wrong`.
///
/// Locations are 1-based. `line` is the physical line (counting every line break, also those
/// inside quoted fields) on which the offending *record* starts; the header is line 1.
/// `column` is the 1-based *field number* within that record (not a character offset), so
/// `sales.csv:7:3: non-numeric value 'abc' in column 'y'` means "the third field of the record on
/// line 7". Problems with the file as a whole (cannot open, cannot write) have `line == 0` and
/// render as `FILE: what is wrong`. Messages are lowercase and name the offending value or column.
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file name as the user gave it (`<stdin>` for standard input).
  public var file: String
  /// 1-based line where the offending record starts; 0 when the problem has no line.
  public var line: Int
  /// 1-based field number in the record; 0 when the problem has no line.
  public var column: Int
  /// What is wrong.
  public var reason: Reason

  /// Creates an error at `file:line:column`.
  public init(file: String, line: Int, column: Int, reason: Reason) {
    self.file = file
    self.line = line
    self.column = column
    self.reason = reason
  }

  /// What is wrong with the input; each case renders as one lowercase sentence fragment.
  public enum Reason: Sendable, Equatable {
    /// The file could not be opened or read (operating-system message).
    case cannotRead(String)
    /// The output file could not be written (operating-system message).
    case cannotWrite(String)
    /// The file has no bytes (or only a byte-order mark and blank lines).
    case emptyFile
    /// The file has a header line but no data rows.
    case noDataRows
    /// A required column is absent from the header.
    case missingColumn(name: String, header: [String])
    /// Two header fields have the same name.
    case duplicateColumn(name: String)
    /// A field that must be a number is not one (e.g. `abc`, `1.234,5`, `0x10`).
    case nonNumeric(value: String, column: String)
    /// A numeric field is NaN or infinite (`nan`, `inf`, `1e999`).
    case nonFinite(value: String, column: String)
    /// A numeric field is empty.
    case emptyValue(column: String)
    /// A series identifier (or group value) is empty.
    case emptyID(column: String)
    /// Two rows of a series fall in the same period.
    case duplicatePeriod(id: String, period: String)
    /// A row's period is earlier than the row before it in the same series.
    case unorderedPeriod(id: String, period: String, previous: String)
    /// Periods are missing between two consecutive rows of a series (and gaps are not filled).
    case gap(id: String, expected: String, found: String)
    /// Filling the gaps would add more than `limit` periods (a likely typo in `ds`).
    case tooManyMissing(id: String, limit: Int)
    /// The rows of one series are interrupted by rows of another series.
    case splitSeries(id: String)
    /// A `ds` value uses a different format from the first data row.
    case mixedDateFormats(value: String, first: String)
    /// A `ds` value is neither `YYYY-MM-DD` nor an integer.
    case invalidDate(value: String)
    /// A date that does not exist (`2020-13-01`, `2019-02-29`).
    case impossibleDate(value: String)
    /// An integer period index that is fractional, zero or negative.
    case invalidPeriodIndex(value: String)
    /// A transaction date that does not match the expected pattern.
    case dateFormatMismatch(value: String, format: String)
    /// Integer `ds` given with calendar data or dates given with `frequency index`.
    case frequencyMismatch(value: String, frequency: Frequency)
    /// The frequency could not be inferred from the dates.
    case cannotInferFrequency(String)
    /// A record has a different number of fields from the header.
    case raggedRow(expected: Int, found: Int)
    /// A quoted field is still open at the end of the file.
    case unterminatedQuote
    /// A character other than a comma or line break follows a closing quote.
    case unexpectedAfterQuote
    /// Bytes that are not valid UTF-8.
    case invalidUTF8
    /// A NUL byte: the file is binary, not CSV text.
    case binaryData
    /// An identifier that names no known series.
    case unknownID(String)
    /// An identifier that must be unique appears again (a unit listed twice).
    case duplicateID(String)
    /// A JSON input (scenario file) is malformed or has a value out of range; the text says how.
    case invalidJSON(String)
    /// A number outside the range its column allows (`rule`, e.g. "must be > 0").
    case outOfRange(value: String, column: String, rule: String)

    /// The one-line, lowercase description of the problem.
    public var message: String {
      switch self {
      case .cannotRead(let why): "cannot read: \(why)"
      case .cannotWrite(let why): "cannot write: \(why)"
      case .emptyFile: "empty file"
      case .noDataRows: "header only, no data rows"
      case .missingColumn(let name, let header):
        "missing column '\(shown(name))' (header has: \(shown(header.joined(separator: ", "), limit: 300)))"
      case .duplicateColumn(let name): "duplicate column '\(name)' in header"
      case .nonNumeric(let value, let column): "non-numeric value '\(shown(value))' in column '\(column)'"
      case .nonFinite(let value, let column): "non-finite value '\(shown(value))' in column '\(column)'"
      case .emptyValue(let column): "empty value in column '\(column)'"
      case .emptyID(let column): "empty id in column '\(column)'"
      case .duplicatePeriod(let id, let period): "duplicate period \(period) in series '\(shown(id))'"
      case .unorderedPeriod(let id, let period, let previous):
        "period \(period) comes before the previous row's \(previous) in series '\(shown(id))' (rows must be in time order)"
      case .gap(let id, let expected, let found):
        "gap in series '\(shown(id))': expected period \(expected), found \(found) (use --fill zero to fill gaps with zeros)"
      case .tooManyMissing(let id, let limit):
        "gap in series '\(shown(id))' would fill more than \(limit) missing periods in total (check ds)"
      case .splitSeries(let id): "rows of series '\(shown(id))' are not contiguous (series already seen earlier)"
      case .mixedDateFormats(let value, let first): "mixed date formats: '\(shown(value))' but the first row has \(first)"
      case .invalidDate(let value): "invalid date '\(shown(value))' (expected YYYY-MM-DD or a positive integer period index)"
      case .impossibleDate(let value): "impossible date '\(shown(value))'"
      case .invalidPeriodIndex(let value): "period index '\(shown(value))' is not a positive integer"
      case .dateFormatMismatch(let value, let format): "date '\(shown(value))' does not match format \(format)"
      case .frequencyMismatch(let value, let frequency):
        frequency == .index
          ? "date '\(shown(value))' with frequency index (integer ds expected)"
          : "integer period index '\(shown(value))' cannot be aggregated at frequency \(frequency.rawValue)"
      case .cannotInferFrequency(let why): "cannot infer the frequency: \(why) (give --frequency)"
      case .raggedRow(let expected, let found): "row has \(found) fields but the header has \(expected)"
      case .unterminatedQuote: "unterminated quoted field"
      case .unexpectedAfterQuote: "unexpected character after closing quote"
      case .invalidUTF8: "invalid utf-8 byte sequence"
      case .binaryData: "binary data (nul byte), not a text csv file"
      case .unknownID(let id): "unknown unique_id '\(shown(id))'"
      case .duplicateID(let id): "duplicate unique_id '\(shown(id))'"
      case .invalidJSON(let what): what
      case .outOfRange(let value, let column, let rule): "value '\(shown(value))' in column '\(column)' \(rule)"
      }
    }
  }

  /// `FILE:LINE:COLUMN: message`, or `FILE: message` when there is no line.
  public var description: String {
    line > 0 ? "\(file):\(line):\(column): \(reason.message)" : "\(file): \(reason.message)"
  }
}

/// `text` cut to its first `limit` characters plus `…(N characters)` when longer, so a message
/// quoting a huge field (a 10 MB value) stays a readable line.
func shown(_ text: String, limit: Int = 60) -> String {
  guard text.utf8.count > limit else { return text }
  let count = text.count
  guard count > limit else { return text }
  return "\(text.prefix(limit))…(\(count) characters)"
}
