/// The seasonal naive forecast: each future value equals the last observation of the same season.
///
/// ŷₙ₊ₕ = yₙ₊ₕ₋ₘ₍ₖ₊₁₎ with k = ⌊(h−1)/m⌋; σ² = mean of the squared residuals yₜ − yₜ₋ₘ;
/// sdₕ = σ√(k + 1). With m = 1 it is `Naive`. Matches R `forecast::snaive` and statsforecast.
/// Reference: Hyndman & Athanasopoulos, *FPP3*, §5.2, §5.5.
public struct SeasonalNaive: ForecastingMethod {
  /// `"SeasonalNaive"`.
  public var name: String { "SeasonalNaive" }
  /// Creates the method.
  public init() {}

  /// Fits in O(n). Needs at least one full season (m observations).
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try fitSeasonalNaive(series, seasonLength: seasonLength)
  }

  /// The concrete fitted model.
  public func fitSeasonalNaive(_ series: [Double], seasonLength: Int) throws -> FittedSeasonalNaive
  {
    let m = max(seasonLength, 1)
    try SeriesChecks.validate(series, method: name, minimum: m)
    var fitted = [Double](repeating: .nan, count: series.count)
    for t in m..<max(series.count, m) { fitted[t] = series[t - m] }
    let residuals = zip(series, fitted).map { $0 - $1 }
    return FittedSeasonalNaive(
      name: name, fittedValues: fitted, residuals: residuals, lastSeason: Array(series.suffix(m)),
      sigma: SeriesChecks.rootMeanSquare(residuals))
  }
}

/// A fitted seasonal naive model (see `SeasonalNaive`).
public struct FittedSeasonalNaive: GaussianForecaster {
  /// Output name.
  public let name: String
  /// yₜ₋ₘ (NaN for t < m).
  public let fittedValues: [Double]
  /// yₜ − yₜ₋ₘ (NaN for t < m).
  public let residuals: [Double]
  /// The last m observations.
  public let lastSeason: [Double]
  /// Residual standard deviation σ.
  public let sigma: Double
  /// The value one season earlier.
  public func mean(step h: Int) -> Double { lastSeason[(h - 1) % lastSeason.count] }
  /// σ√(⌊(h−1)/m⌋ + 1).
  public func standardDeviation(step h: Int) -> Double {
    sigma * Double((h - 1) / lastSeason.count + 1).squareRoot()
  }
  /// A seasonal random walk.
  public var errorCorrelation: ErrorCorrelation { .seasonalRandomWalk(period: lastSeason.count) }
}
