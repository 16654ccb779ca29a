/// Calendar events (holidays, promotions) given as dated days with a name, turned into
/// per-period regressors for a series at its frequency.
///
/// The input file is a CSV `date,event` (ISO dates, one row per event day; a promotion window of
/// five days is five rows with the same name), e.g.
/// ```
/// date,event
/// 2016-11-11,double11
/// 2016-11-25,black_friday
/// ```
/// Each distinct event name becomes one regressor column (names in order of first appearance).
/// For a period (day, ISO week, month, quarter, year) its value is, by `EventEncoding`:
/// - `.count`: the number of that event's days falling in the period (a 5-day promotion inside
///   one month gives 5 in that month; split over two months, e.g. 3 and 2);
/// - `.indicator`: 1 when at least one day falls in the period, else 0.
///
/// This is the usual "holiday dummy" construction of dynamic regression (Hyndman &
/// Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §7.4 and ch. 10).
public struct EventCalendar: Sendable, Equatable {
  /// One event day.
  public struct Day: Sendable, Equatable {
    /// The calendar day.
    public var date: CalendarDate
    /// The event's name (a regressor name).
    public var name: String

    /// Creates an event day.
    public init(date: CalendarDate, name: String) {
      self.date = date
      self.name = name
    }
  }

  /// The event days, in input order.
  public var days: [Day]

  /// Creates a calendar from event days.
  public init(days: [Day]) { self.days = days }

  /// Distinct event names in order of first appearance.
  public var names: [String] {
    var seen = Set<String>()
    var out = [String]()
    for day in days where seen.insert(day.name).inserted { out.append(day.name) }
    return out
  }

  /// Reads a `date,event` CSV (`-` for standard input). Extra columns are ignored.
  /// - Throws: `DataError` located at `file:line:field` (missing column, empty name, invalid
  ///   or impossible date).
  public static func read(path: String) throws(DataError) -> EventCalendar {
    try parse(CSVTable.read(path: path))
  }

  /// Parses CSV `bytes`; `file` names the input in messages.
  public static func read(bytes: [UInt8], file: String) throws(DataError) -> EventCalendar {
    try parse(CSVTable.read(bytes: bytes, file: file))
  }

  private static func parse(_ table: CSVTable) throws(DataError) -> EventCalendar {
    let dateColumn = try table.column("date")
    let eventColumn = try table.column("event")
    var days = [Day]()
    days.reserveCapacity(table.rows.count)
    for r in table.rows.indices {
      let text = table.rows[r][dateColumn]
      guard let date = DateFormat.iso.date(from: text) else {
        let looksISO = text.utf8.count == 10 && text.utf8.filter { $0 == UInt8(ascii: "-") }.count == 2
        throw table.error(
          row: r, column: dateColumn, looksISO ? .impossibleDate(value: text) : .invalidDate(value: text))
      }
      days.append(Day(date: date, name: try table.identifier(row: r, column: eventColumn)))
    }
    return EventCalendar(days: days)
  }

  /// The regressor columns for `count` consecutive periods of `frequency` starting at the
  /// period containing `start`: one column per name of `names` (default: all), `count` values
  /// each. Days outside the span are ignored.
  ///
  /// - Complexity: O(days + names × count).
  public func regressors(
    start: CalendarDate, count: Int, frequency: Frequency, encoding: EventEncoding = .count,
    names selected: [String]? = nil
  ) -> [[Double]] {
    let names = selected ?? self.names
    var columnOf = [String: Int]()
    for (k, name) in names.enumerated() { columnOf[name] = k }
    var columns = [[Double]](repeating: [Double](repeating: 0, count: max(count, 0)), count: names.count)
    let first = frequency.periodNumber(of: start)
    for day in days {
      guard let k = columnOf[day.name] else { continue }
      let t = frequency.periodNumber(of: day.date) - first
      guard t >= 0, t < count else { continue }
      switch encoding {
      case .count: columns[k][t] += 1
      case .indicator: columns[k][t] = 1
      }
    }
    return columns
  }
}

/// How event days become a per-period regressor value.
public enum EventEncoding: String, Sendable, CaseIterable, Equatable {
  /// Number of the event's days in the period.
  case count
  /// 1 when the period contains at least one of the event's days, else 0.
  case indicator
}
