/// Errors of dynamic regression (regression on drivers and calendar terms with ETS errors),
/// each naming what the caller must fix.
public indirect enum DynamicRegressionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A driver name is not a driver column of the input.
  case unknownDriver(name: String)
  /// A driver used in the fit has no future values.
  case missingFutureDriver(name: String)
  /// A future driver column has fewer values than the horizon.
  case tooFewFutureValues(name: String, needed: Int, got: Int)
  /// A future driver value is NaN or infinite (`row` 0-based).
  case nonFiniteFutureValue(name: String, row: Int)
  /// Calendar events need dated periods; the series is indexed by integers.
  case eventsNeedDates
  /// Two regressors have the same name (e.g. a driver and an event).
  case duplicateTerm(String)
  /// An option is outside its valid range.
  case invalidOption(name: String, value: Double, reason: String)
  /// The regression stage failed (collinear regressors, too few observations, log of ≤ 0 …).
  case regression(RegressionError)
  /// The exponential-smoothing model of the regression residuals could not be fitted.
  case residualModel(ForecastError)
  /// The same error for one series of a batch.
  case inSeries(id: String, DynamicRegressionError)

  /// A one-line lowercase message.
  public var description: String {
    switch self {
    case .unknownDriver(let name): "unknown driver '\(name)': not a numeric column of the input"
    case .missingFutureDriver(let name): "no future values for driver '\(name)'"
    case .tooFewFutureValues(let name, let needed, let got):
      "driver '\(name)' has \(got) future values, the horizon needs \(needed)"
    case .nonFiniteFutureValue(let name, let row): "non-finite future value of driver '\(name)' at row \(row + 1)"
    case .eventsNeedDates: "calendar events need dated periods (ds as YYYY-MM-DD), the series uses integer periods"
    case .duplicateTerm(let name): "regressor '\(name)' is given twice (a driver and an event cannot share a name)"
    case .invalidOption(let n, let v, let r): "invalid \(n) = \(v): \(r)"
    case .regression(let e): "\(e)"
    case .residualModel(let e): "residual model: \(e)"
    case .inSeries(let id, let e): "series '\(id)': \(e)"
    }
  }
}
