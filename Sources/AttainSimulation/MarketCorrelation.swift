/// Estimation of the market correlation ρ used by `SimulationPlan.marketCorrelation`.
public enum MarketCorrelation {
  /// The mean pairwise Pearson correlation of the units' one-step residuals over their common
  /// final window, clamped to [0, `maximum`].
  ///
  /// Under the one-factor model εᵤₜ = √ρ·mₜ + √(1−ρ)·eᵤₜ every pair has correlation ρ, so the
  /// mean of the N(N−1)/2 pairwise correlations estimates ρ. With residuals standardised over
  /// the window (sᵤₜ, mean 0 and Σₜ sᵤₜ² = T) and Sₜ = Σᵤ sᵤₜ, the sum over ordered pairs u ≠ v of
  /// corr(u, v) is Σₜ Sₜ²/T − N, so the mean is computed in O(N·T) rather than O(N²·T).
  /// Series are aligned at their ends (all residual series end in the same period); the window
  /// is the shortest length; constant series are skipped. A negative mean (no common factor
  /// can produce it) gives 0.
  /// - Parameters:
  ///   - residuals: one array per unit, in time order, ending in the same period.
  ///   - maximum: the largest value returned (default 0.99, keeping √(1−ρ) > 0).
  /// - Throws: `SimulationError.insufficientResiduals` with fewer than 2 usable series or a
  ///   window shorter than 3.
  /// - Complexity: O(N·T).
  public static func estimate(residuals: [[Double]], maximum: Double = 0.99) throws(SimulationError)
    -> Double
  {
    let window = residuals.map(\.count).min() ?? 0
    if window < 3 { throw .insufficientResiduals(needed: 3, got: window) }
    var columnSums = [Double](repeating: 0, count: window)
    var used = 0
    for series in residuals {
      let tail = series[(series.count - window)...]
      let mean = tail.reduce(0, +) / Double(window)
      let squares = tail.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      guard squares > 0, squares.isFinite else { continue }
      let scale = (Double(window) / squares).squareRoot()
      for (t, value) in tail.enumerated() { columnSums[t] += (value - mean) * scale }
      used += 1
    }
    if used < 2 { throw .insufficientResiduals(needed: 2, got: used) }
    let n = Double(used)
    let pairSum = columnSums.reduce(0) { $0 + $1 * $1 } / Double(window) - n
    let mean = pairSum / (n * (n - 1))
    return min(max(mean, 0), maximum)
  }
}
