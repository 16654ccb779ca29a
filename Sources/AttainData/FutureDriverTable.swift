/// Future driver values per series, read from a CSV `unique_id,ds,<driver>…` holding the next
/// periods of each series (the input of forecasts that need known future regressors, such as
/// planned prices or promotions).
///
/// Rules: rows of a series are in time order and continue it without gaps (the first row is the
/// period after the series' last observation; dates are mapped to their period start as in
/// `SeriesCSV`); every series of the panel has rows; extra columns are ignored; ids not in the
/// panel are errors. All errors are located at `file:line:field`.
public enum FutureDriverTable {
  /// Reads the future values of `driverNames` for every series of `panel`.
  ///
  /// - Parameters:
  ///   - path: the CSV file (`-` for standard input).
  ///   - horizon: periods needed per series; nil = the number of rows per series, which must
  ///     then be the same for every series.
  ///   - idColumn, dateColumn: header names of the id and period columns.
  /// - Returns: the horizon and, for each series of the panel, its driver values by name
  ///   (`horizon` values each).
  /// - Throws: `DataError` (missing column, unknown id, bad number) or `FutureDriverError`.
  public static func read(
    path: String, panel: Panel, driverNames: [String], horizon: Int?, idColumn: String = "unique_id",
    dateColumn: String = "ds"
  ) throws -> (horizon: Int, values: [[String: [Double]]]) {
    let table = try CSVTable.read(path: path)
    let idIndex = try table.column(idColumn)
    let dateIndex = try table.column(dateColumn)
    var driverIndices = [Int]()
    for name in driverNames { driverIndices.append(try table.column(name)) }
    var seriesOf = [String: Int]()
    for (i, id) in panel.ids.enumerated() { seriesOf[id] = i }
    var rowsOf = [[Int]](repeating: [], count: panel.count)
    for r in table.rows.indices {
      let id = try table.identifier(row: r, column: idIndex)
      guard let i = seriesOf[id] else { throw table.error(row: r, column: idIndex, .unknownID(id)) }
      // The k-th row of a series must be its period n + k.
      let expected = panel.lastStamp(of: i).advanced(by: rowsOf[i].count + 1, frequency: panel.frequency)
      let text = table.rows[r][dateIndex]
      let found: PeriodStamp?
      switch expected {
      case .index: found = Int(text).map { .index($0) }
      case .date: found = DateFormat.iso.date(from: String(text.prefix(10))).map { .date(panel.frequency.periodStart(of: $0)) }
      }
      guard found == expected else {
        throw FutureDriverError(
          file: table.file, line: table.lines[r], column: dateIndex + 1,
          reason: .unexpectedPeriod(id: id, expected: expected.description, found: text))
      }
      rowsOf[i].append(r)
    }
    for i in 0..<panel.count where rowsOf[i].isEmpty {
      throw FutureDriverError(file: table.file, line: 0, column: 0, reason: .noRows(id: panel.ids[i]))
    }
    let h: Int
    if let horizon {
      h = horizon
      for i in 0..<panel.count where rowsOf[i].count < h {
        let last = rowsOf[i][rowsOf[i].count - 1]
        throw FutureDriverError(
          file: table.file, line: table.lines[last], column: idIndex + 1,
          reason: .tooFewRows(id: panel.ids[i], needed: h, got: rowsOf[i].count))
      }
    } else {
      h = rowsOf.first?.count ?? 0
      for i in 1..<max(panel.count, 1) where rowsOf[i].count != h {
        throw FutureDriverError(
          file: table.file, line: table.lines[rowsOf[i][0]], column: idIndex + 1,
          reason: .unequalRows(id: panel.ids[i], rows: rowsOf[i].count, first: panel.ids[0], firstRows: h))
      }
    }
    var values = [[String: [Double]]]()
    values.reserveCapacity(panel.count)
    for i in 0..<panel.count {
      var byName = [String: [Double]]()
      for (name, c) in zip(driverNames, driverIndices) {
        var column = [Double]()
        column.reserveCapacity(h)
        for r in rowsOf[i].prefix(h) { column.append(try table.number(row: r, column: c)) }
        byName[name] = column
      }
      values.append(byName)
    }
    return (h, values)
  }
}

/// A problem of a future-driver file that is not a plain CSV error, rendered like `DataError`:
/// `FILE:LINE:COLUMN: what is wrong` (`FILE: …` when it concerns the file as a whole).
public struct FutureDriverError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file name as given.
  public var file: String
  /// 1-based line, 0 for the whole file.
  public var line: Int
  /// 1-based field number.
  public var column: Int
  /// What is wrong.
  public var reason: Reason

  /// The kinds of problems.
  public enum Reason: Sendable, Equatable {
    /// A row's period is not the next period of its series.
    case unexpectedPeriod(id: String, expected: String, found: String)
    /// A series of the history has no future rows.
    case noRows(id: String)
    /// Fewer rows than the horizon.
    case tooFewRows(id: String, needed: Int, got: Int)
    /// Series have different numbers of rows and no horizon was given.
    case unequalRows(id: String, rows: Int, first: String, firstRows: Int)
  }

  /// The one-line message.
  public var description: String {
    let message: String
    switch reason {
    case .unexpectedPeriod(let id, let expected, let found):
      message = "future row of series '\(id)' is for period '\(found)', expected \(expected) (rows must continue the series without gaps)"
    case .noRows(let id): message = "no future rows for series '\(id)'"
    case .tooFewRows(let id, let needed, let got):
      message = "series '\(id)' has \(got) future rows, the horizon needs \(needed)"
    case .unequalRows(let id, let rows, let first, let firstRows):
      message = "series '\(id)' has \(rows) future rows but '\(first)' has \(firstRows) (give --horizon)"
    }
    return line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
  }
}
