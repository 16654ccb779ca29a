/// A numeric transaction column to carry into the aggregated series as a driver column.
public struct DriverColumn: Sendable, Equatable {
  /// How the transaction values of a group and period are reduced.
  public enum Statistic: String, Sendable, CaseIterable, Equatable {
    /// The sum (e.g. units, promotion spend).
    case sum
    /// The arithmetic mean over the period's transaction lines (e.g. the mean discount rate);
    /// 0 for a period without transactions.
    case mean
  }

  /// The column of the transactions file.
  public var column: String
  /// The reduction.
  public var statistic: Statistic

  /// Creates a driver column description.
  public init(column: String, statistic: Statistic) {
    self.column = column
    self.statistic = statistic
  }
}

extension TransactionAggregation {
  /// Aggregates like `aggregate(path:options:)` and adds one driver column per element of
  /// `drivers` (named after the transaction column), reduced per group and period by its
  /// statistic, so a series CSV such as `unique_id,ds,y,Discount` (monthly sales with the mean
  /// discount of the month's order lines) comes out of one pass over the transactions.
  ///
  /// Driver sums and means are Neumaier-compensated and not rounded. Periods without
  /// transactions get 0 for both statistics (documented: a month without order lines had no
  /// discount).
  ///
  /// - Throws: `DataError` located at `file:line:field`, as `aggregate(path:options:)`.
  /// - Complexity: O(rows + groups × periods × (1 + drivers)).
  public static func aggregate(path: String, options: AggregationOptions, drivers: [DriverColumn]) throws(DataError)
    -> AggregationResult
  {
    let bytes = try FileBytes.read(path: path)
    return try aggregate(bytes: bytes, file: FileBytes.displayName(path), options: options, drivers: drivers)
  }

  /// Aggregates CSV `bytes` with driver columns; `file` names the input in messages.
  public static func aggregate(bytes: [UInt8], file: String, options: AggregationOptions, drivers: [DriverColumn])
    throws(DataError) -> AggregationResult
  {
    var result = try aggregate(bytes: bytes, file: file, options: options)
    guard !drivers.isEmpty else { return result }
    let columns = try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) -> [[Double]] in
      try driverColumns(buffer: buffer, file: file, options: options, drivers: drivers, panel: result.panel)
    }
    result.panel.driverNames = drivers.map(\.column)
    result.panel.drivers = columns
    return result
  }

  /// Second pass: the driver statistics laid out like `panel.values`.
  private static func driverColumns(
    buffer: UnsafeBufferPointer<UInt8>, file: String, options: AggregationOptions, drivers: [DriverColumn],
    panel: Panel
  ) throws(DataError) -> [[Double]] {
    let frequency = options.frequency == .index ? Frequency.daily : options.frequency
    var (tokenizer, parsed) = try CSVHeader.open(buffer, file: file, validating: false, rejectingDuplicates: false)
    let fields = tokenizer.fields
    let header = parsed.names
    let groupColumns = try parsed.columns(options.groupBy)
    let dateColumn = try parsed.column(options.dateColumn)
    let driverIndices = try parsed.columns(drivers.map(\.column))

    var seriesOf = [String: Int]()
    for (i, id) in panel.ids.enumerated() { seriesOf[id] = i }
    guard case .date(let startDate) = panel.starts.first else { return drivers.map { _ in [] } }
    let first = frequency.periodNumber(of: startDate)
    let periods = panel.count > 0 ? panel.length(of: 0) : 0
    let cellCount = panel.count * periods
    var sums = [[CompensatedSum]](
      repeating: [CompensatedSum](repeating: CompensatedSum(), count: cellCount), count: drivers.count)
    var counts = [Int](repeating: 0, count: cellCount)
    var key = [UInt8]()
    while try tokenizer.nextRecord() {
      key.removeAll(keepingCapacity: true)
      for (k, c) in groupColumns.enumerated() {
        if k > 0 { key.append(47) }
        let field = fields[c]
        if field.hasEscapes {
          key.append(contentsOf: tokenizer.string(field).utf8)
        } else {
          key.append(contentsOf: tokenizer.bytes(field))
        }
      }
      let id = groupColumns.isEmpty ? "total" : String(decoding: key, as: UTF8.self)
      // The first pass validated group values and dates: every row maps to a series and period.
      guard let series = seriesOf[id], case .date(let date) = options.dateFormat.match(tokenizer.bytes(fields[dateColumn]))
      else { continue }
      let t = frequency.periodNumber(of: date) - first
      guard t >= 0, t < periods else { continue }
      let cell = series * periods + t
      counts[cell] += 1
      for (d, c) in driverIndices.enumerated() {
        let value: Double
        switch parseDouble(tokenizer.bytes(fields[c])) {
        case .value(let v): value = v
        case .empty: throw tokenizer.error(column: c + 1, .emptyValue(column: header[c]))
        case .nonFinite:
          throw tokenizer.error(column: c + 1, .nonFinite(value: tokenizer.string(fields[c]), column: header[c]))
        case .invalid:
          throw tokenizer.error(column: c + 1, .nonNumeric(value: tokenizer.string(fields[c]), column: header[c]))
        }
        sums[d][cell].add(value)
      }
    }
    var out = [[Double]]()
    out.reserveCapacity(drivers.count)
    for (d, driver) in drivers.enumerated() {
      var column = [Double](repeating: 0, count: cellCount)
      for cell in 0..<cellCount {
        let total = sums[d][cell].value
        switch driver.statistic {
        case .sum: column[cell] = total
        case .mean: column[cell] = counts[cell] > 0 ? total / Double(counts[cell]) : 0
        }
      }
      out.append(column)
    }
    return out
  }
}
