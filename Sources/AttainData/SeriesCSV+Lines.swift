extension SeriesCSV {
  /// The 1-based line on which data row `row` (0-based, after the header) of the CSV file at
  /// `path` starts, counting lines inside quoted fields; nil when the file cannot be read again
  /// (e.g. standard input) or has fewer rows. Used only to locate messages about a row found
  /// after reading (e.g. an unknown `unique_id`). - Complexity: O(bytes up to the row).
  public static func line(ofDataRow row: Int, path: String) -> Int? {
    guard path != "-", let bytes = try? FileBytes.read(path: path) else { return nil }
    return bytes.withUnsafeBufferPointer { buffer -> Int? in
      var tokenizer = CSVTokenizer(buffer, file: path)
      var records = 0
      while (try? tokenizer.nextRecord()) == true {
        if records == row + 1 { return tokenizer.recordLine }
        records += 1
      }
      return nil
    }
  }
}
