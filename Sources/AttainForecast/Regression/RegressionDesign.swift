import Foundation

/// The regressors of a dynamic regression at each period: intercept, optional linear trend,
/// seasonal dummies, driver columns and calendar-event columns, in that order.
///
/// Terms, as R's `tslm` names them (Hyndman & Athanasopoulos, *Forecasting: Principles and
/// Practice*, 3rd ed., §7.4):
/// - `(Intercept)`;
/// - `trend` = t, the 1-based position of the period in the series (future periods continue it:
///   n + 1, n + 2, …);
/// - `season2` … `season<m>`: 1 when the period is the k-th of its season, counted from the
///   series' first observation (which is season 1, the baseline absorbed by the intercept);
/// - each driver by its name (its logarithm when `logDrivers`);
/// - each event by its name (counts or indicators of event days, see `EventCalendar`).
public struct RegressionDesign: Sendable, Equatable {
  /// Whether the linear trend term is included.
  public var includesTrend: Bool
  /// Season length m; m − 1 dummies when m > 1.
  public var seasonLength: Int
  /// Driver column names.
  public var driverNames: [String]
  /// Event regressor names.
  public var eventNames: [String]
  /// Whether drivers enter as `log x` (log-log fits: their coefficients are elasticities).
  public var logDrivers: Bool

  /// Creates a design. - Throws: `.duplicateTerm` when two regressors share a name,
  /// `.invalidOption` for a season length below 1.
  public init(
    includesTrend: Bool, seasonLength: Int, driverNames: [String], eventNames: [String] = [],
    logDrivers: Bool = false
  ) throws(DynamicRegressionError) {
    guard seasonLength >= 1 else {
      throw .invalidOption(name: "season length", value: Double(seasonLength), reason: "must be at least 1")
    }
    self.includesTrend = includesTrend
    self.seasonLength = seasonLength
    self.driverNames = driverNames
    self.eventNames = eventNames
    self.logDrivers = logDrivers
    var seen = Set<String>()
    for name in predictorNames where !seen.insert(name).inserted { throw .duplicateTerm(name) }
  }

  /// The non-intercept regressor names, in column order.
  public var predictorNames: [String] {
    (includesTrend ? ["trend"] : []) + (seasonLength > 1 ? (2...seasonLength).map { "season\($0)" } : [])
      + driverNames + eventNames
  }

  /// Every coefficient name, intercept first.
  public var terms: [String] { ["(Intercept)"] + predictorNames }

  /// The non-intercept columns for `count` periods starting at 0-based position `first`.
  ///
  /// - Parameters:
  ///   - drivers: one column per driver (in `driverNames` order) with at least `count` values.
  ///   - events: one column per event (in `eventNames` order) with at least `count` values.
  /// - Complexity: O(count × columns).
  func predictorColumns(first: Int, count: Int, drivers: [[Double]], events: [[Double]]) -> [[Double]] {
    var columns = [[Double]]()
    columns.reserveCapacity(predictorNames.count)
    if includesTrend { columns.append((0..<count).map { Double(first + $0 + 1) }) }
    if seasonLength > 1 {
      for k in 1..<seasonLength {
        columns.append((0..<count).map { (first + $0) % seasonLength == k ? 1 : 0 })
      }
    }
    for column in drivers { columns.append(logDrivers ? column.prefix(count).map { log($0) } : Array(column.prefix(count))) }
    for column in events { columns.append(Array(column.prefix(count))) }
    return columns
  }
}
