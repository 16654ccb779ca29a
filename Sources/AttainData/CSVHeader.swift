/// The header record of a CSV input: the column names, the line they are on and the one column
/// lookup of the package (used by `CSVTable`, `SeriesCSV`, `TransactionAggregation`,
/// `DriverAggregation` and the readers built on `CSVTable`).
struct CSVHeader {
  /// The column names in file order.
  var names: [String]
  /// The line named in a missing-column error.
  var line: Int
  /// The input's name in messages.
  var file: String

  /// Reads the first record of `tokenizer` as the header.
  /// - Throws: `.emptyFile` when there is no record; with `rejectingDuplicates`, `.duplicateColumn`
  ///   located at the second of two equal names.
  /// - Complexity: O(header length²) for the duplicate check (headers are short).
  static func read(
    _ tokenizer: inout CSVTokenizer, file: String, rejectingDuplicates: Bool
  ) throws(DataError) -> CSVHeader {
    let fields = tokenizer.fields
    guard try tokenizer.nextRecord() else {
      throw DataError(file: file, line: 1, column: 1, reason: .emptyFile)
    }
    let names = fields.array.map { tokenizer.string($0) }
    let line = tokenizer.recordLine
    if rejectingDuplicates {
      for k in names.indices where names[..<k].contains(names[k]) {
        throw DataError(file: file, line: line, column: k + 1, reason: .duplicateColumn(name: names[k]))
      }
    }
    return CSVHeader(names: names, line: line, file: file)
  }

  /// A tokenizer over `buffer` (checked as UTF-8 text first when `validating`) positioned after
  /// the header, and the header (see `read`).
  /// - Throws: the text check's and `read`'s errors.
  static func open(
    _ buffer: UnsafeBufferPointer<UInt8>, file: String, validating: Bool, rejectingDuplicates: Bool
  ) throws(DataError) -> (tokenizer: CSVTokenizer, header: CSVHeader) {
    if validating { try validateText(buffer, file: file) }
    var tokenizer = CSVTokenizer(buffer, file: file)
    let header = try read(&tokenizer, file: file, rejectingDuplicates: rejectingDuplicates)
    return (tokenizer, header)
  }

  /// The indices of the columns named `names`, in order (the first missing one throws).
  /// - Complexity: O(names · columns).
  func columns(_ names: [String]) throws(DataError) -> [Int] {
    var indices: [Int] = []
    for name in names { indices.append(try column(name)) }
    return indices
  }

  /// The index of the column named `name`.
  /// - Throws: `.missingColumn` (listing the header) at `line`, column 1.
  /// - Complexity: O(columns).
  func column(_ name: String) throws(DataError) -> Int {
    guard let k = names.firstIndex(of: name) else {
      throw DataError(file: file, line: line, column: 1, reason: .missingColumn(name: name, header: names))
    }
    return k
  }
}
