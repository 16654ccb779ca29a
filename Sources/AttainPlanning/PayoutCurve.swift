/// An incentive payout curve: the fraction of a unit's target incentive paid at a given
/// attainment (actual / target).
///
///     payout(a) = 0                                           a < t
///               = p_t + (1 − p_t) · (a − t) / (1 − t)         t ≤ a ≤ 1
///               = 1 + s · (a − 1)                             a > 1
///     then capped: min(payout, cap)
///
/// with threshold `t` (no pay below it), payout `p_t` at the threshold, 100 % pay at 100 %
/// attainment, accelerator slope `s` above 100 % (s = 2: each point above target pays two
/// points), and the cap. With `t = 1` the middle piece is a single point (payout 1 at a = 1,
/// `p_t` is ignored). Typical plan: t = 0.8, p_t = 0.5, s = 2, cap = 2.
/// (WorldatWork, *Sales Compensation* fundamentals: threshold, target, excellence, cap.)
public struct PayoutCurve: Sendable, Hashable {
  /// Threshold attainment t in [0, 1].
  public let threshold: Double
  /// Payout fraction at the threshold, in [0, 1].
  public let payoutAtThreshold: Double
  /// Accelerator slope s ≥ 0 above 100 % attainment.
  public let acceleratorSlope: Double
  /// Maximum payout fraction (≥ 1; `.infinity` for uncapped).
  public let cap: Double
  /// Payout at the threshold as used by `payout` (1 when t = 1).
  @usableFromInline let start: Double
  /// Slope of the middle piece, `(1 − p_t) / (1 − t)` (0 when t = 1).
  @usableFromInline let middleSlope: Double

  /// A payout curve (see the type's formula).
  ///
  /// - Throws: `.invalidParameter` when a parameter is outside its domain.
  public init(threshold: Double = 0.8, payoutAtThreshold: Double = 0.5, acceleratorSlope: Double = 2, cap: Double = 2)
    throws(PlanningError)
  {
    guard threshold >= 0, threshold <= 1 else {
      throw .invalidParameter(name: "threshold", value: threshold, rule: "must be in [0, 1]")
    }
    guard payoutAtThreshold >= 0, payoutAtThreshold <= 1 else {
      throw .invalidParameter(name: "payoutAtThreshold", value: payoutAtThreshold, rule: "must be in [0, 1]")
    }
    guard acceleratorSlope >= 0, acceleratorSlope.isFinite else {
      throw .invalidParameter(name: "acceleratorSlope", value: acceleratorSlope, rule: "must be finite and ≥ 0")
    }
    guard cap >= 1 else { throw .invalidParameter(name: "cap", value: cap, rule: "must be ≥ 1") }
    self.threshold = threshold
    self.payoutAtThreshold = payoutAtThreshold
    self.acceleratorSlope = acceleratorSlope
    self.cap = cap
    self.start = threshold < 1 ? payoutAtThreshold : 1
    self.middleSlope = threshold < 1 ? (1 - payoutAtThreshold) / (1 - threshold) : 0
  }

  /// The payout fraction at attainment `a` (0 for NaN).
  ///
  /// - Complexity: O(1), no allocation.
  @inlinable @inline(__always)
  public func payout(_ a: Double) -> Double {
    // Both pieces computed and selected without branches (attainments of simulated paths
    // scatter around 100 %, so branches would mispredict).
    let middle = start + middleSlope * (a - threshold)
    let above = 1 + acceleratorSlope * (a - 1)
    let p = a <= 1 ? middle : above
    let capped = p < cap ? p : cap  // a NaN piece (∞ · 0) falls to the cap
    return a >= threshold ? capped : 0
  }

  /// Payouts of a vector of attainments, each times its unit's target incentive (nil = 1, i.e.
  /// payout fractions).
  ///
  /// - Throws: `.lengthMismatch` when `incentives` has another length.
  /// - Complexity: O(n).
  public func payouts(attainments: [Double], incentives: [Double]? = nil) throws(PlanningError) -> [Double] {
    if let inc = incentives, inc.count != attainments.count {
      throw .lengthMismatch(name: "incentives", expected: attainments.count, got: inc.count)
    }
    return attainments.indices.map { i in payout(attainments[i]) * (incentives?[i] ?? 1) }
  }
}
