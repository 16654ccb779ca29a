/// The random walk with drift: the naive forecast plus the average historical change.
///
/// b = (yₙ − y₁)/(n − 1); ŷₙ₊ₕ = yₙ + h·b; σ² = Σ(Δyₜ − b)²/(n − 2) (the regression of the
/// differences on a constant); sdₕ = σ√(h(1 + h/(n − 1))), which includes the uncertainty of b.
/// Matches R `forecast::rwf(drift = TRUE)`.
/// Reference: Hyndman & Athanasopoulos, *FPP3*, §5.2, §5.5, Table 5.2.
public struct RandomWalkWithDrift: ForecastingMethod {
  /// `"RWD"`.
  public var name: String { "RWD" }
  /// Creates the method.
  public init() {}

  /// Fits in O(n). Needs two observations.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try fitDrift(series)
  }

  /// The concrete fitted model.
  public func fitDrift(_ series: [Double]) throws -> FittedRandomWalkWithDrift {
    try SeriesChecks.validate(series, method: name, minimum: 2)
    let n = series.count
    let drift = (series[n - 1] - series[0]) / Double(n - 1)
    var fitted = [Double](repeating: .nan, count: n)
    for t in 1..<n { fitted[t] = series[t - 1] + drift }
    let residuals = zip(series, fitted).map { $0 - $1 }
    return FittedRandomWalkWithDrift(
      name: name, fittedValues: fitted, residuals: residuals, last: series[n - 1], drift: drift,
      sigma: SeriesChecks.rootMeanSquare(residuals, dof: 1), count: n)
  }
}

/// A fitted random walk with drift (see `RandomWalkWithDrift`).
public struct FittedRandomWalkWithDrift: GaussianForecaster {
  /// Output name.
  public let name: String
  /// yₜ₋₁ + b (NaN at t = 0).
  public let fittedValues: [Double]
  /// yₜ − yₜ₋₁ − b.
  public let residuals: [Double]
  /// The last observation.
  public let last: Double
  /// The drift b per period.
  public let drift: Double
  /// Residual standard deviation σ.
  public let sigma: Double
  /// Number of training observations n.
  public let count: Int
  /// yₙ + h·b.
  public func mean(step h: Int) -> Double { last + Double(h) * drift }
  /// σ√(h(1 + h/(n − 1))).
  public func standardDeviation(step h: Int) -> Double {
    let hh = Double(h)
    return sigma * (hh * (1 + hh / Double(count - 1))).squareRoot()
  }
  /// A random walk (the drift-uncertainty part is folded into the marginal scale).
  public var errorCorrelation: ErrorCorrelation { .exponentialSmoothing(alpha: 1) }
}
