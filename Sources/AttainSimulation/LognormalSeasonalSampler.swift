import AttainForecast

/// A lognormal model with a fixed seasonal profile: period h (1-based) of a path is
/// yₕ = L·s₍ₕ₋₁₎ mod m·exp(σzₕ − σ²/2), so E[yₕ] = L·sₕ (the −σ²/2 makes the multiplicative
/// noise mean-one). It is the model of `attain bench monte-carlo` and a simple exact model for
/// tests: each period is independent and lognormal.
/// - Complexity: O(H) per path, no allocation.
public struct LognormalSeasonalSampler: BatchPathSampler {
  /// The level L (series units per period).
  public let level: Double
  /// The seasonal factors s₁ … sₘ (dimensionless, period 1 first).
  public let seasonal: [Double]
  /// The log-scale standard deviation σ.
  public let sigma: Double
  /// L·sₖ, the mean of each seasonal period.
  let scaledSeasonal: [Double]

  /// A sampler with level `level`, seasonal factors `seasonal` (non-empty; repeated past
  /// its length) and log-scale volatility `sigma`.
  public init(level: Double, seasonal: [Double], sigma: Double) {
    self.level = level
    self.seasonal = seasonal.isEmpty ? [1] : seasonal
    self.sigma = sigma
    scaledSeasonal = self.seasonal.map { level * $0 }
  }

  /// No scratch needed.
  public var scratchCount: Int { 0 }

  /// Writes L·s·exp(σz − σ²/2) for each shock z.
  public func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let n = min(shocks.count, path.count)
    samplePaths(
      shocks: UnsafeBufferPointer(rebasing: shocks[0..<n]),
      into: UnsafeMutableBufferPointer(rebasing: path[0..<n]),
      horizon: n, scratch: scratch)
  }

  /// Writes L·sₕ·exp(σz − σ²/2) for each shock z of each row of `horizon` periods.
  public func samplePaths(
    shocks: UnsafeBufferPointer<Double>, into paths: UnsafeMutableBufferPointer<Double>,
    horizon: Int,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let n = min(shocks.count, paths.count)
    guard n > 0, horizon > 0, let z = shocks.baseAddress, let y = paths.baseAddress else { return }
    let input = UnsafeBufferPointer(start: z, count: n)
    let output = UnsafeMutableBufferPointer(start: y, count: n)
    let offset = -0.5 * sigma * sigma
    scaledSeasonal.withUnsafeBufferPointer { factors in
      guard let f = factors.baseAddress else { return }
      let m = factors.count
      if horizon <= m {
        // The common case: row period h uses factor h, fused into the exponential.
        VectorExp.exponentiate(
          input, scale: sigma, offset: offset,
          weights: UnsafeBufferPointer(start: f, count: horizon), into: output)
        return
      }
      VectorExp.exponentiate(input, scale: sigma, offset: offset, into: output)
      var rowStart = 0
      while rowStart < n {
        let rowEnd = min(n, rowStart + horizon)
        var start = rowStart
        while start < rowEnd {
          let run = min(m, rowEnd - start)
          for j in 0..<run { y[start + j] *= f[j] }
          start += run
        }
        rowStart = rowEnd
      }
    }
  }

  /// Writes Σₕ wₕ·L·sₕ·exp(σzₕ − σ²/2) for each row of `horizon` shocks: the seasonal means and
  /// the weights are multiplied once into one weight per period (kept in the first `horizon`
  /// doubles of `paths`), and the exponentials are summed as they are computed
  /// (`VectorExp.weightedRowSums`); the paths themselves are never stored.
  public func samplePathTotals(
    shocks: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>?,
    into totals: UnsafeMutableBufferPointer<Double>, horizon: Int,
    paths: UnsafeMutableBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let rows = min(shocks.count / max(horizon, 1), totals.count)
    guard horizon > 0, rows > 0, paths.count >= horizon, let c = paths.baseAddress else { return }
    let offset = -0.5 * sigma * sigma
    scaledSeasonal.withUnsafeBufferPointer { factors in
      guard let f = factors.baseAddress else { return }
      let m = factors.count
      var season = 0
      for h in 0..<horizon {
        c[h] = f[season] * (weights.map { $0[h] } ?? 1)
        season = season + 1 == m ? 0 : season + 1
      }
    }
    VectorExp.weightedRowSums(
      UnsafeBufferPointer(rebasing: shocks[0..<(rows * horizon)]), scale: sigma,
      offset: offset, weights: UnsafeBufferPointer(start: c, count: horizon),
      into: UnsafeMutableBufferPointer(rebasing: totals[0..<rows]))
  }
}
