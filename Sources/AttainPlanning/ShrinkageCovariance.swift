/// The Schäfer–Strimmer shrinkage estimate of a residual covariance matrix, as used by
/// MinT-shrink reconciliation.
///
/// With one-step in-sample residuals `e_t ∈ ℝ^p` (t = 1…n, assumed mean zero, so not centred):
///
///     Σ̂  = (1/n) Σ_t e_t e_tᵀ                     (sample covariance)
///     D  = diag(Σ̂)                                (target: the variances)
///     W  = λ D + (1 − λ) Σ̂
///     λ  = Σ_{i≠j} Var̂(r̂_ij) / Σ_{i≠j} r̂_ij²,  clamped to [0, 1]
///
/// where `r̂_ij` are the sample correlations, and with standardised residuals
/// `x_ti = e_ti / √Σ̂_ii`, `Var̂(r̂_ij) = [Σ_t x_ti² x_tj² − (1/n)(Σ_t x_ti x_tj)²] / (n(n−1))`.
///
/// This is the estimator of `hts::shrink.estim` (Hyndman et al., R package hts) used by
/// Wickramasuriya, Athanasopoulos & Hyndman (2019), *Optimal forecast reconciliation for
/// hierarchical and grouped time series through trace minimization*, JASA 114(526), §2.4;
/// shrinkage intensity from Schäfer & Strimmer (2005), *Stat. Appl. Genet. Mol. Biol.* 4(1):32.
///
/// Conventions beyond `hts` (which returns NaN there): a series with zero variance has zero
/// correlation with every other; if every off-diagonal correlation is zero, λ = 1 (W = D).
public struct ShrinkageCovariance: Sendable, Hashable {
  /// Number of series p.
  public let dimension: Int
  /// The shrunk covariance W (p × p, row-major, symmetric).
  public let covariance: [Double]
  /// The sample covariance Σ̂ (p × p, row-major).
  public let sampleCovariance: [Double]
  /// The shrinkage intensity λ ∈ [0, 1].
  public let lambda: Double

  /// Estimates W from residuals stored series-major: `residuals[i·n + t]` for series `i`
  /// (p series) at time `t` (n ≥ 2 observations).
  ///
  /// - Throws: `.lengthMismatch` when `residuals.count != p·n`; `.invalidParameter` for n < 2,
  ///   p < 1 or a non-finite residual.
  /// - Complexity: O(p² · n) time, O(p² + p·n) memory.
  public init(residuals: [Double], series p: Int, observations n: Int) throws(PlanningError) {
    guard p >= 1 else { throw .invalidParameter(name: "series", value: Double(p), rule: "must be ≥ 1") }
    guard n >= 2 else { throw .invalidParameter(name: "observations", value: Double(n), rule: "must be ≥ 2") }
    try requireCount("residuals", residuals.count, rows: p, columns: n)
    if let bad = residuals.first(where: { !$0.isFinite }) {
      throw .invalidParameter(name: "residual", value: bad, rule: "must be finite")
    }
    let nd = Double(n)
    var cov = [Double](repeating: 0, count: p * p)
    for i in 0..<p {
      for j in i..<p {
        var s = 0.0
        for t in 0..<n { s += residuals[i * n + t] * residuals[j * n + t] }
        cov[i * p + j] = s / nd
        cov[j * p + i] = s / nd
      }
    }
    // Standardised residuals (zero-variance series stay zero).
    var x = [Double](repeating: 0, count: p * n)
    for i in 0..<p {
      let sd = cov[i * p + i].squareRoot()
      if sd > 0 { for t in 0..<n { x[i * n + t] = residuals[i * n + t] / sd } }
    }
    var sumVar = 0.0
    var sumSq = 0.0
    for i in 0..<p {
      for j in (i + 1)..<max(p, i + 1) {
        var s2 = 0.0
        var s1 = 0.0
        for t in 0..<n {
          let a = x[i * n + t]
          let b = x[j * n + t]
          s2 += a * a * b * b
          s1 += a * b
        }
        sumVar += 2 * (s2 - s1 * s1 / nd) / (nd * (nd - 1))
        let r = s1 / nd  // sample correlation
        sumSq += 2 * r * r
      }
    }
    let lambda = sumSq > 0 ? min(max(sumVar / sumSq, 0), 1) : 1
    var w = cov
    for i in 0..<p {
      for j in 0..<p where i != j { w[i * p + j] = (1 - lambda) * cov[i * p + j] }
    }
    dimension = p
    covariance = w
    sampleCovariance = cov
    self.lambda = lambda
  }
}
