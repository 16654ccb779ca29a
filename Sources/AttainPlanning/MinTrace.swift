/// The error covariance `W` that minimum-trace reconciliation weights the base forecasts by.
///
/// (Wickramasuriya, Athanasopoulos & Hyndman 2019, §2.4; names as in R's hts/fable.)
public enum MinTCovariance: Sendable, Hashable {
  /// `W = I`: ordinary least squares reconciliation (Hyndman et al. 2011).
  case identity
  /// `W = diag(S·1)`: each node weighted by the number of bottom series under it
  /// (structural scaling, for when no residuals are available).
  case structural
  /// `W = diag(Σ̂)`: the one-step residual variances (WLS variance scaling).
  /// Residuals are node-major: `residuals[i·observations + t]`.
  case varianceScaling(residuals: [Double], observations: Int)
  /// `W = λ·diag(Σ̂) + (1 − λ)·Σ̂`, the Schäfer–Strimmer shrinkage estimate (MinT-shrink,
  /// see `ShrinkageCovariance`). Residuals are node-major: `residuals[i·observations + t]`.
  case shrink(residuals: [Double], observations: Int)
}

extension Reconciliation {
  /// Minimum-trace (MinT) reconciliation:
  ///
  ///     ỹ = S · (Sᵀ W⁻¹ S)⁻¹ · Sᵀ W⁻¹ · ŷ
  ///
  /// the coherent forecasts with minimum total error variance among unbiased reconciliations
  /// when `W` is the covariance of the base forecast errors (Wickramasuriya, Athanasopoulos &
  /// Hyndman 2019, *JASA* 114(526):804–819, Theorem 1). Coherent base forecasts are returned
  /// unchanged.
  ///
  /// Computed with two Cholesky solves: `W·[X | Z] = [S | ŷ]`, then
  /// `(SᵀX)·b = SᵀZ`, `ỹ = S·b`.
  ///
  /// - Parameters:
  ///   - base: base forecasts of all nodes (n × h, node-major). The h columns can be any set of
  ///     forecasts sharing W — e.g. every (path, step) of simulated sample paths, to reconcile
  ///     a whole simulation with one factorisation.
  ///   - covariance: how `W` is formed (`.shrink` for MinT-shrink).
  /// - Returns: reconciled forecasts (n × h, node-major) and the shrinkage λ (nil unless
  ///   `.shrink`).
  /// - Throws: `.lengthMismatch`; `.invalidParameter` when `W` (e.g. a residual variance of 0)
  ///   or `SᵀW⁻¹S` is not positive definite; the errors of `ShrinkageCovariance`.
  /// - Complexity: O(n³ + n²(m + h) + m³) time, O(n²) memory, for n nodes and m bottom series;
  ///   a diagonal `W` skips the n³ factorisation.
  public static func minTrace(
    _ base: [Double], hierarchy: Hierarchy, horizon h: Int, covariance: MinTCovariance
  ) throws(PlanningError) -> (forecasts: [Double], lambda: Double?) {
    let n = hierarchy.count
    let m = hierarchy.bottom.count
    try requireCount("base forecasts", base.count, rows: n, columns: h)
    guard h > 0 else { throw .invalidParameter(name: "horizon", value: Double(h), rule: "must be > 0") }
    let s = hierarchy.summingMatrix
    let k = m + h
    // Right-hand sides [S | ŷ], n × (m + h).
    var rhs = [Double](repeating: 0, count: n * k)
    for i in 0..<n {
      for j in 0..<m { rhs[i * k + j] = s[i * m + j] }
      for t in 0..<h { rhs[i * k + m + t] = base[i * h + t] }
    }
    var lambda: Double? = nil
    var diagonal: [Double]? = nil
    switch covariance {
    case .identity:
      diagonal = [Double](repeating: 1, count: n)
    case .structural:
      diagonal = (0..<n).map { Double(hierarchy.leafOffsets[$0 + 1] - hierarchy.leafOffsets[$0]) }
    case .varianceScaling(let residuals, let observations):
      let est = try ShrinkageCovariance(residuals: residuals, series: n, observations: observations)
      diagonal = (0..<n).map { est.sampleCovariance[$0 * n + $0] }
    case .shrink(let residuals, let observations):
      let est = try ShrinkageCovariance(residuals: residuals, series: n, observations: observations)
      lambda = est.lambda
      var w = est.covariance
      try solvePositiveDefinite(&w, n: n, &rhs, columns: k)
    }
    if let d = diagonal {
      for i in 0..<n {
        guard d[i] > 0 else {
          throw .invalidParameter(name: "variance of \(hierarchy.ids[i])", value: d[i], rule: "must be > 0")
        }
        for c in 0..<k { rhs[i * k + c] /= d[i] }
      }
    }
    // SᵀX (m × m) and SᵀZ (m × h): row i of X/Z is added to every bottom series under node i.
    var normal = [Double](repeating: 0, count: m * m)
    var right = [Double](repeating: 0, count: m * h)
    for i in 0..<n {
      for q in hierarchy.leafOffsets[i]..<hierarchy.leafOffsets[i + 1] {
        let j = hierarchy.leafIndices[q]
        for c in 0..<m { normal[j * m + c] += rhs[i * k + c] }
        for t in 0..<h { right[j * h + t] += rhs[i * k + m + t] }
      }
    }
    try solvePositiveDefinite(&normal, n: m, &right, columns: h)
    return (try hierarchy.aggregate(bottom: right, horizon: h), lambda)
  }
}
