import Foundation

/// Automatic seasonal ARIMA: the Hyndman–Khandakar algorithm of R's `forecast::auto.arima`
/// with its defaults (forecast 8.20).
///
/// D ∈ {0, 1} by the STL seasonal-strength heuristic (> 0.64, `nsdiffs(test = "seas")`),
/// only when the series has more than two seasons; d ∈ {0, 1, 2} by repeated KPSS tests at 5 %
/// (`ndiffs`); then a stepwise search over p, q ≤ 5, P, Q ≤ 2 (p, q < m when seasonal terms
/// are possible), with a mean when d + D = 0 or a drift when d + D = 1 tried both ways,
/// minimising AICc and rejecting fits with an AR or MA root within 1.01 of the unit circle.
/// For n > 150 or m > 12 the search ranks models by the CSS approximation and refits the best
/// ones by exact likelihood. The fitted model is a `FittedARIMA` named `"AutoARIMA"`.
/// Reference: Hyndman & Khandakar (2008), *Automatic time series forecasting: the forecast
/// package for R*, J. Statistical Software 27(3).
public struct AutoARIMA: ForecastingMethod {
  /// `"AutoARIMA"`.
  public var name: String { "AutoARIMA" }
  /// Largest non-seasonal AR and MA orders (R's `max.p`, `max.q` = 5).
  public var maxP = 5
  /// See `maxP`.
  public var maxQ = 5
  /// Largest seasonal orders (R's `max.P`, `max.Q` = 2).
  public var maxSeasonalP = 2
  /// See `maxSeasonalP`.
  public var maxSeasonalQ = 2
  /// The most models the stepwise search fits (R's `nmodels` = 94).
  public var maxModels = 94

  /// Creates the method with R's defaults.
  public init() {}

  /// Selects and fits the model. - Throws: `ForecastError` when no model can be fitted.
  /// - Complexity: typically 10–30 ARIMA fits.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try fitAutoARIMA(series, seasonLength: seasonLength)
  }

  /// `fit` with the concrete result type.
  public func fitAutoARIMA(_ series: [Double], seasonLength: Int) throws -> FittedARIMA {
    try SeriesChecks.validate(series, method: name, minimum: 3)
    if UnitRootTests.isConstant(series[...]) {
      throw ForecastError.notApplicable(method: name, reason: "the series is constant")
    }
    var search = AutoARIMASearch(
      series: series, period: max(seasonLength, 1), maxP: maxP, maxQ: maxQ, maxSeasonalP: maxSeasonalP,
      maxSeasonalQ: maxSeasonalQ, maxModels: maxModels)
    guard let best = try search.run() else {
      throw ForecastError.notApplicable(method: name, reason: "no suitable ARIMA model found")
    }
    return FittedARIMA(estimate: best, series: series, name: name)
  }
}
