/// How the Gaussian forecast errors of a model are correlated across the horizon.
///
/// Marginal standard deviations come from the model (`GaussianForecaster.standardDeviation`);
/// this only fixes the dependence between steps, so sample paths reproduce the analytic
/// intervals exactly at every step (intervals and Monte Carlo share one distribution).
public enum ErrorCorrelation: Sendable, Equatable {
  /// Independent errors across steps (mean models, regression on time).
  case independent
  /// Errors of simple exponential smoothing with smoothing parameter α:
  /// eₕ + α·Σ_{j<h} eⱼ. α = 1 is a random walk, α = 0 is independent.
  case exponentialSmoothing(alpha: Double)
  /// A seasonal random walk of period m: the sum of the shocks at steps h, h−m, h−2m, …
  case seasonalRandomWalk(period: Int)

  /// Variance of the accumulated unit shocks at step `h` (1-based).
  @inlinable
  func accumulatedVariance(step h: Int) -> Double {
    switch self {
    case .independent: 1
    case .exponentialSmoothing(let alpha): 1 + Double(h - 1) * alpha * alpha
    case .seasonalRandomWalk(let m): Double((h - 1) / max(m, 1) + 1)
    }
  }
}

/// A fitted model whose forecast distribution at each step is normal with a closed-form
/// mean and standard deviation (Naive, SeasonalNaive, drift, mean and trend models, Theta).
///
/// Conforming types provide `mean(step:)`, `standardDeviation(step:)` and `errorCorrelation`;
/// point forecasts, intervals and allocation-free sample paths follow from this extension.
public protocol GaussianForecaster: FittedForecaster {
  /// The point forecast (distribution mean) `h` periods ahead, h ≥ 1. Units of the series.
  func mean(step h: Int) -> Double
  /// The standard deviation of the forecast error `h` periods ahead, h ≥ 1.
  func standardDeviation(step h: Int) -> Double
  /// The dependence of the errors across steps, used by sample paths.
  var errorCorrelation: ErrorCorrelation { get }
}

extension GaussianForecaster {
  /// Point forecasts 1…`horizon`. - Complexity: O(horizon).
  public func pointForecast(horizon: Int) -> [Double] {
    guard horizon > 0 else { return [] }
    return (1...horizon).map { mean(step: $0) }
  }

  /// Normal intervals mean ± z·sd with z = Φ⁻¹(0.5 + level/200).
  public func forecast(horizon: Int, levels: [Double]) -> Forecast {
    let h = max(horizon, 0)
    let means = pointForecast(horizon: h)
    let sds = h > 0 ? (1...h).map { standardDeviation(step: $0) } : []
    return Forecast(normalMean: means, standardDeviation: sds, levels: levels)
  }

  /// No scratch: the accumulated shocks are kept in `path` itself.
  public var scratchCount: Int { 0 }

  /// path[h] = mean(h) + sd(h)·Aₕ/√Var(Aₕ) where Aₕ accumulates the shocks as
  /// `errorCorrelation` says. Each step has exactly the analytic marginal distribution.
  /// - Complexity: O(path.count), no allocation.
  public func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let count = min(path.count, shocks.count)
    let correlation = errorCorrelation
    // Pass 1: raw accumulated shocks.
    switch correlation {
    case .independent:
      for t in 0..<count { path[t] = shocks[t] }
    case .exponentialSmoothing(let alpha):
      var sum = 0.0
      for t in 0..<count {
        path[t] = shocks[t] + alpha * sum
        sum += shocks[t]
      }
    case .seasonalRandomWalk(let m):
      let period = max(m, 1)
      for t in 0..<count { path[t] = shocks[t] + (t >= period ? path[t - period] : 0) }
    }
    // Pass 2: scale to the marginal standard deviation and add the mean. Steps are
    // processed backwards because the seasonal pass reads earlier raw values.
    var t = count - 1
    while t >= 0 {
      let h = t + 1
      let scale = standardDeviation(step: h) / correlation.accumulatedVariance(step: h).squareRoot()
      path[t] = mean(step: h) + scale * path[t]
      t -= 1
    }
  }
}

extension Forecast {
  /// Central normal intervals `mean ± z·sd` at each of `levels` (percent), z = Φ⁻¹(0.5 + L/200).
  /// Levels are sorted ascending. - Complexity: O(levels × horizon).
  public init(normalMean mean: [Double], standardDeviation sd: [Double], levels: [Double]) {
    let sorted = levels.sorted()
    var lower: [[Double]] = []
    var upper: [[Double]] = []
    lower.reserveCapacity(sorted.count)
    upper.reserveCapacity(sorted.count)
    for level in sorted {
      let z = StandardNormal.centralMultiplier(level: level)
      lower.append(zip(mean, sd).map { $0 - z * $1 })
      upper.append(zip(mean, sd).map { $0 + z * $1 })
    }
    self.init(mean: mean, levels: sorted, lower: lower, upper: upper)
  }
}
