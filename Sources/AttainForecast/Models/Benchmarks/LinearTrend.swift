/// Least-squares regression on time, optionally with one dummy per season.
///
/// Model yₜ = b·t + s₍ₜ mod m₎ + eₜ (t = 1…n; without seasons a single intercept, m = 1),
/// fitted in closed form by the Frisch–Waugh–Lovell theorem: b = Σ(t − t̄ⱼ)(yₜ − ȳⱼ)/Σ(t − t̄ⱼ)²
/// with means t̄ⱼ, ȳⱼ within season j, and sⱼ = ȳⱼ − b·t̄ⱼ. σ² = SSE/(n − p), p = m + 1.
/// The prediction standard deviation includes parameter uncertainty:
/// sdₕ = σ√(1 + 1/nⱼ + (t − t̄ⱼ)²/S), S = Σ(t − t̄ⱼ)² (exact, since ȳⱼ and b are uncorrelated).
/// Matches R `forecast::tslm(y ~ trend [+ season])` point forecasts and normal-quantile intervals.
/// Reference: Hyndman & Athanasopoulos, *FPP3*, §7.4, §7.6.
public struct LinearTrend: ForecastingMethod {
  /// Whether to add seasonal dummies (ignored when the season length is 1).
  public var seasonal: Bool
  /// `"LinearTrend"`.
  public var name: String { "LinearTrend" }
  /// Creates the method; `seasonal` adds one dummy per season position.
  public init(seasonal: Bool = false) { self.seasonal = seasonal }

  /// Fits in O(n). Needs p + 1 observations (p = 2, or m + 1 with seasons) covering every season.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    let m = seasonal ? max(seasonLength, 1) : 1
    try SeriesChecks.validate(series, method: name, minimum: max(m + 2, 3))
    let n = series.count
    var tMean = [Double](repeating: 0, count: m)
    var yMean = [Double](repeating: 0, count: m)
    var counts = [Double](repeating: 0, count: m)
    for t in 0..<n {
      tMean[t % m] += Double(t + 1)
      yMean[t % m] += series[t]
      counts[t % m] += 1
    }
    for j in 0..<m {
      tMean[j] /= counts[j]
      yMean[j] /= counts[j]
    }
    var sxy = 0.0
    var sxx = 0.0
    for t in 0..<n {
      let dt = Double(t + 1) - tMean[t % m]
      sxy += dt * (series[t] - yMean[t % m])
      sxx += dt * dt
    }
    let slope = sxx > 0 ? sxy / sxx : 0
    let intercepts = (0..<m).map { yMean[$0] - slope * tMean[$0] }
    let fitted = (0..<n).map { intercepts[$0 % m] + slope * Double($0 + 1) }
    let residuals = zip(series, fitted).map { $0 - $1 }
    let sigma = SeriesChecks.rootMeanSquare(residuals, dof: m + 1)
    return FittedLinearTrend(
      name: name, fittedValues: fitted, residuals: residuals, slope: slope, intercepts: intercepts,
      seasonCounts: counts, seasonTimeMeans: tMean, timeSpread: sxx, sigma: sigma, count: n)
  }
}

/// A fitted linear trend (see `LinearTrend`).
public struct FittedLinearTrend: GaussianForecaster {
  /// Output name.
  public let name: String
  /// sⱼ + b·t.
  public let fittedValues: [Double]
  /// y − fitted.
  public let residuals: [Double]
  /// The slope b per period.
  public let slope: Double
  /// The intercept of each season position (one entry without seasons).
  public let intercepts: [Double]
  /// Observations per season position nⱼ.
  public let seasonCounts: [Double]
  /// Mean time index t̄ⱼ per season position.
  public let seasonTimeMeans: [Double]
  /// S = Σ(t − t̄ⱼ)².
  public let timeSpread: Double
  /// Residual standard deviation σ.
  public let sigma: Double
  /// Number of training observations n.
  public let count: Int

  /// s₍ₙ₊ₕ₋₁ mod m₎ + b·(n + h).
  public func mean(step h: Int) -> Double {
    let t = count + h
    return intercepts[(t - 1) % intercepts.count] + slope * Double(t)
  }
  /// σ√(1 + 1/nⱼ + (t − t̄ⱼ)²/S).
  public func standardDeviation(step h: Int) -> Double {
    let t = count + h
    let j = (t - 1) % intercepts.count
    let dt = Double(t) - seasonTimeMeans[j]
    let leverage = 1 / seasonCounts[j] + (timeSpread > 0 ? dt * dt / timeSpread : 0)
    return sigma * (1 + leverage).squareRoot()
  }
  /// Independent errors.
  public var errorCorrelation: ErrorCorrelation { .independent }
}
