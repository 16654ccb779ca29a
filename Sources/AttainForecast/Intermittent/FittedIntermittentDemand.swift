import AttainRandom

/// A fitted intermittent-demand model (`Croston`, `TSB`, `ADIDA`, `IMAPA`): a flat point
/// forecast that is a demand rate, and a forecast distribution per period that draws occurrence
/// and size separately (`IntermittentDemandDistribution`), independent across periods.
///
/// Sample paths map each shock through that distribution, so they are ≥ 0, integer-valued for
/// integer histories, have mean `rate` and P(zero) = 1 − `distribution.occurrenceProbability`.
/// Intervals are quantiles of `intervalPaths` such paths from a fixed seed (deterministic; the
/// same distribution the simulation engine samples), read as the inverted empirical CDF (a
/// value of the sample, so integer paths give integer bounds). They are not widened to reach
/// the point forecast: with P(zero) above the upper tail the honest bound is 0 even though the
/// mean rate is positive.
public struct FittedIntermittentDemand: FittedForecaster {
  /// Output name, e.g. `"CrostonSBA"`.
  public let name: String
  /// In-sample one-step rates (NaN where the method has none yet).
  public let fittedValues: [Double]
  /// `y − fittedValues`.
  public let residuals: [Double]
  /// The point forecast of every future period, units per period, as the method defines it.
  public let rate: Double
  /// The forecast distribution of every future period.
  public let distribution: IntermittentDemandDistribution

  /// Paths behind the intervals: 2000 puts the 2.5 % quantile of a ±1-unit count at most a few
  /// paths off (binomial standard error √(2000·0.025) ≈ 7 paths), at a cost of 2000·h draws.
  public static let intervalPaths = 2000
  /// The fixed seed of the interval paths.
  static let intervalSeed: UInt64 = 0x1A7E_2217_C0DE_5EED

  /// Creates the fitted model.
  public init(
    name: String, fittedValues: [Double], residuals: [Double], rate: Double,
    distribution: IntermittentDemandDistribution
  ) {
    self.name = name
    self.fittedValues = fittedValues
    self.residuals = residuals
    self.rate = rate
    self.distribution = distribution
  }

  /// The model for `series` with point forecast `rate`, occurrence probability `probability`
  /// and in-sample `fitted` rates.
  init(name: String, series: [Double], fitted: [Double], rate: Double, probability: Double) {
    self.init(
      name: name, fittedValues: fitted, residuals: zip(series, fitted).map { $0 - $1 }, rate: rate,
      distribution: IntermittentDemandDistribution(
        rate: rate, probability: probability, history: series))
  }

  /// `rate` repeated. - Complexity: O(horizon).
  public func pointForecast(horizon: Int) -> [Double] {
    [Double](repeating: rate, count: max(horizon, 0))
  }

  /// Point forecasts with intervals from `intervalPaths` sample paths.
  ///
  /// The paths are those `PathQuantiles.simulate` draws from the interval seed (shocks path by
  /// path, step by step). A period's demand is a non-decreasing function of its shock, so the
  /// r-th smallest simulated demand is the demand at the r-th smallest shock, and every shock at
  /// or below the largest one with zero demand gives zero: per step the shocks are split at the
  /// zero-demand threshold and only the part above it is sorted (`splitAtZeroDemand`). The numbers
  /// are those of sorting all simulated demands.
  /// - Complexity: O(intervalPaths · horizon · (1 + p·log intervalPaths)).
  public func forecast(horizon: Int, levels: [Double]) -> Forecast {
    let h = max(horizon, 0)
    let n = Self.intervalPaths
    var rng = Xoshiro256PlusPlus(seed: Self.intervalSeed)
    var shocks = [Double](repeating: 0, count: h * n)  // step-major: shocks[t·n + p]
    for p in 0..<n {
      for t in 0..<h { shocks[t * n + p] = rng.nextNormal() }
    }
    let sortedLevels = levels.sorted()
    var ranks: [Int] = []
    for level in sortedLevels {
      let tail = (1 - level / 100) / 2
      ranks.append(Self.invertedCDFRank(count: n, probability: tail))
      ranks.append(Self.invertedCDFRank(count: n, probability: 1 - tail))
    }
    // values[t][k]: the demand at rank ranks[k] of step t.
    var values = [[Double]](repeating: [Double](repeating: 0, count: ranks.count), count: h)
    let d = distribution
    shocks.withUnsafeMutableBufferPointer { all in
      for t in 0..<h {
        let column = UnsafeMutableBufferPointer(rebasing: all[(t * n)..<((t + 1) * n)])
        let zeros = Self.splitAtZeroDemand(column, distribution: d)
        for (k, r) in ranks.enumerated() {
          values[t][k] = r < zeros ? 0 : d.value(shock: column[r])
        }
      }
    }
    var lower: [[Double]] = []
    var upper: [[Double]] = []
    for k in sortedLevels.indices {
      lower.append((0..<h).map { values[$0][2 * k] })
      upper.append((0..<h).map { values[$0][2 * k + 1] })
    }
    return Forecast(
      mean: pointForecast(horizon: h), levels: sortedLevels, lower: lower, upper: upper)
  }

  /// Reorders `column` so that its first c shocks all give zero demand and the rest are sorted
  /// ascending and are the c-th, (c+1)-th, … smallest shocks; returns c. Shocks at or below
  /// z₀ = −Φ⁻¹(p) give zero demand; the split is checked with `value(shock:)` on the largest
  /// shock below it, and the whole column is sorted (c = 0) if rounding disagrees.
  /// - Complexity: O(n + m log m), m = shocks above z₀; no allocation.
  static func splitAtZeroDemand(
    _ column: UnsafeMutableBufferPointer<Double>, distribution: IntermittentDemandDistribution
  ) -> Int {
    var all = column
    let p = distribution.occurrenceProbability
    guard p > 0 else { return column.count }
    guard p < 1 else {
      all.sort()
      return 0
    }
    let threshold = -StandardNormal.quantile(p)
    var zeros = 0
    var largestZero = -Double.infinity
    for i in 0..<column.count where column[i] <= threshold {
      largestZero = max(largestZero, column[i])
      column.swapAt(i, zeros)
      zeros += 1
    }
    guard zeros == 0 || distribution.value(shock: largestZero) == 0 else {
      all.sort()
      return 0
    }
    var rest = UnsafeMutableBufferPointer(rebasing: column[zeros...])
    rest.sort()
    return zeros
  }

  /// The 0-based rank of the smallest of `count` sorted values whose empirical CDF reaches `p`
  /// (Hyndman & Fan type 1, the inverted empirical CDF: always a sample value).
  static func invertedCDFRank(count: Int, probability p: Double) -> Int {
    let rank = Int((min(max(p, 0), 1) * Double(count)).rounded(.up))
    return min(max(rank - 1, 0), max(count - 1, 0))
  }

  /// No scratch.
  public var scratchCount: Int { 0 }

  /// path[t] = the period's demand at shock t (`IntermittentDemandDistribution.value(shock:)`).
  /// - Complexity: O(path.count), no allocation.
  public func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let d = distribution
    for t in 0..<min(path.count, shocks.count) { path[t] = d.value(shock: shocks[t]) }
  }
}
