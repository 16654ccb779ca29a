import AttainData

/// A model specification: how to fit one series. The fitted result is a different type,
/// so "not fitted yet" cannot happen.
///
/// Implementations: `Naive`, `SeasonalNaive`, `ETS` (spec like `"MAM"`/`"ZZZ"`), `Theta`, …
public protocol ForecastingMethod: Sendable {
  /// The statsforecast-style model name used in output columns, e.g. `"AutoETS"`.
  var name: String { get }

  /// Fits the model to `series` (observations in time order, units of the series) with
  /// season length `seasonLength` (1 = no seasonality).
  ///
  /// Throws `ForecastError` for input it cannot handle (e.g. too short); callers such as the
  /// batch entry point fall back to a simpler method and warn.
  func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster
}

/// A fitted model: point forecasts, prediction intervals and sample paths of its future.
public protocol FittedForecaster: PathSampler {
  /// The name of the method that produced it (output column name).
  var name: String { get }

  /// One-step-ahead in-sample fitted values, aligned with the training series.
  var fittedValues: [Double] { get }

  /// In-sample one-step-ahead errors `y − fitted` (additive scale, units of the series).
  var residuals: [Double] { get }

  /// Point forecasts (the mean of the forecast distribution where the model defines one)
  /// for 1…`horizon` periods ahead.
  func pointForecast(horizon: Int) -> [Double]

  /// Point forecasts and central prediction intervals at `levels` (percent, e.g. 80, 95).
  /// Analytic where the model has closed-form variances, otherwise from sample paths.
  func forecast(horizon: Int, levels: [Double]) -> Forecast
}

/// A forecast distribution summary for one series.
public struct Forecast: Sendable, Equatable {
  /// Point forecasts, 1…h periods ahead.
  public var mean: [Double]
  /// Interval levels in percent, ascending (e.g. [80, 95]).
  public var levels: [Double]
  /// `lower[k][t]`: lower bound of the `levels[k]` % interval at step t.
  public var lower: [[Double]]
  /// `upper[k][t]`: upper bound of the `levels[k]` % interval at step t.
  public var upper: [[Double]]

  /// Creates a forecast summary.
  public init(mean: [Double], levels: [Double], lower: [[Double]], upper: [[Double]]) {
    self.mean = mean
    self.levels = levels
    self.lower = lower
    self.upper = upper
  }
}

/// Errors of the forecasting layer.
public enum ForecastError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The series has fewer observations than the method needs.
  case seriesTooShort(method: String, needed: Int, got: Int)
  /// The series contains NaN or infinity.
  case nonFiniteValue(index: Int)
  /// A parameter is outside its admissible range.
  case invalidParameter(name: String, value: Double, reason: String)
  /// A method is not applicable, e.g. multiplicative errors on a series with values ≤ 0.
  case notApplicable(method: String, reason: String)

  /// A one-line lowercase message.
  public var description: String {
    switch self {
    case .seriesTooShort(let m, let n, let g): "\(m) needs at least \(n) observations, got \(g)"
    case .nonFiniteValue(let i): "non-finite value at observation \(i + 1)"
    case .invalidParameter(let n, let v, let r): "invalid \(n) = \(v): \(r)"
    case .notApplicable(let m, let r): "\(m) is not applicable: \(r)"
    }
  }
}
