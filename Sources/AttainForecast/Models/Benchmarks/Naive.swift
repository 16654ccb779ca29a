/// The naive (random walk) forecast: every future value equals the last observation.
///
/// ŷₙ₊ₕ = yₙ; σ² = mean of the squared one-step residuals yₜ − yₜ₋₁ (n − 1 of them);
/// sdₕ = σ√h. Matches R `forecast::naive` and statsforecast `Naive`.
/// Reference: Hyndman & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.), §5.2, §5.5.
public struct Naive: ForecastingMethod {
  /// `"Naive"`.
  public var name: String { "Naive" }
  /// Creates the method.
  public init() {}

  /// Fits in O(n). Needs one observation.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try fitNaive(series)
  }

  /// The concrete fitted model.
  public func fitNaive(_ series: [Double]) throws -> FittedNaive {
    try SeriesChecks.validate(series, method: name, minimum: 1)
    var fitted = [Double](repeating: .nan, count: series.count)
    for t in 1..<max(series.count, 1) { fitted[t] = series[t - 1] }
    let residuals = zip(series, fitted).map { $0 - $1 }
    return FittedNaive(
      name: name, fittedValues: fitted, residuals: residuals, last: series[series.count - 1],
      sigma: SeriesChecks.rootMeanSquare(residuals))
  }
}

/// A fitted naive model (see `Naive`).
public struct FittedNaive: GaussianForecaster {
  /// Output name.
  public let name: String
  /// yₜ₋₁ (NaN at t = 0).
  public let fittedValues: [Double]
  /// yₜ − yₜ₋₁ (NaN at t = 0).
  public let residuals: [Double]
  /// The last observation.
  public let last: Double
  /// Residual standard deviation σ.
  public let sigma: Double
  /// yₙ.
  public func mean(step h: Int) -> Double { last }
  /// σ√h.
  public func standardDeviation(step h: Int) -> Double { sigma * Double(h).squareRoot() }
  /// A random walk.
  public var errorCorrelation: ErrorCorrelation { .exponentialSmoothing(alpha: 1) }
}
