/// Seasonal ARIMA(p,d,q)(P,D,Q)ₘ with given orders, fitted as R's `forecast::Arima` with its
/// defaults: exact Gaussian likelihood by the Kalman filter from CSS starting values
/// (method "CSS-ML"), AR parts kept stationary by the partial-autocorrelation transform, and
/// a mean when d + D = 0 (no drift, as `Arima(include.drift = FALSE)`).
///
/// With season length 1 the seasonal orders are ignored. Column name `"ARIMA"`.
/// Reference: Box, Jenkins & Reinsel (2008), *Time Series Analysis*, 4th ed.; R `stats::arima`.
public struct ARIMA: ForecastingMethod {
  /// The model orders.
  public var order: ARIMAOrder
  /// Whether a mean is estimated when d + D = 0 (R's `include.mean`, default true).
  public var includeMean: Bool
  /// Whether a drift is estimated when d + D = 1 (R's `include.drift`, default false).
  public var includeDrift: Bool
  /// `"ARIMA"`.
  public var name: String { "ARIMA" }

  /// Creates the method with R's defaults.
  public init(order: ARIMAOrder, includeMean: Bool = true, includeDrift: Bool = false) {
    self.order = order
    self.includeMean = includeMean
    self.includeDrift = includeDrift
  }

  /// Parses `"p,d,q"` or `"p,d,q:P,D,Q"`.
  public init(parsing text: String) throws {
    self.init(order: try ARIMAOrder(parsing: text))
  }

  /// Fits by CSS-ML. Needs more observations than d + mD + p + mP + 1.
  /// - Throws: `ForecastError` for short or non-finite series, or when the CSS start is not
  ///   stationary (R stops there too).
  /// - Complexity: O(iterations · parameters · n · (r + d)²).
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try fitARIMA(series, seasonLength: seasonLength)
  }

  /// `fit` with the concrete result type.
  public func fitARIMA(_ series: [Double], seasonLength: Int) throws -> FittedARIMA {
    var effective = order
    let m = max(seasonLength, 1)
    if m == 1 {
      effective.seasonalP = 0
      effective.seasonalD = 0
      effective.seasonalQ = 0
    }
    let needed = effective.d + m * effective.seasonalD + effective.p + m * effective.seasonalP + 2
    try SeriesChecks.validate(series, method: "\(effective)", minimum: needed)
    let includeDriftHere = includeDrift && effective.d + effective.seasonalD == 1
    do {
      let estimate = try ARIMAEstimator.estimate(
        series, order: effective, period: m, includeMean: includeMean, includeDrift: includeDriftHere,
        method: .conditionalThenExact)
      return FittedARIMA(estimate: estimate, series: series, name: name)
    } catch let error as ForecastError {
      throw error
    } catch {
      throw ForecastError.notApplicable(method: "\(effective)", reason: "\(error)")
    }
  }
}
