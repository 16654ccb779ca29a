import Foundation

/// Student's t distribution with `degreesOfFreedom` ν > 0 (ν need not be an integer).
///
/// The CDF is `F(t) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½)` for `t ≥ 0` (and symmetric), through
/// `regularizedIncompleteBeta`, so tail probabilities such as two-sided p-values of 1e-15 keep
/// their relative precision. Reference: Abramowitz & Stegun 26.7.1 and 26.5.27.
public struct StudentT: Sendable, Equatable {
  /// Degrees of freedom ν > 0.
  public let degreesOfFreedom: Double

  /// A t distribution; `nil` unless `degreesOfFreedom > 0` and finite.
  public init?(degreesOfFreedom: Double) {
    guard degreesOfFreedom > 0, degreesOfFreedom.isFinite else { return nil }
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// `P(T ≤ t)`.
  public func cdf(_ t: Double) -> Double {
    if t.isNaN { return .nan }
    let tail = upperTail(abs(t))
    return t < 0 ? tail : 1 - tail
  }

  /// `P(T > t)`, accurate in relative terms for large `t`.
  public func survival(_ t: Double) -> Double { cdf(-t) }

  /// The two-sided p-value `P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½)`.
  public func twoSidedPValue(_ t: Double) -> Double {
    if t.isNaN { return .nan }
    return min(1, 2 * upperTail(abs(t)))
  }

  /// The density `Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2)`.
  public func density(_ t: Double) -> Double {
    let v = degreesOfFreedom
    let logDensity =
      lgamma((v + 1) / 2) - lgamma(v / 2) - 0.5 * log(v * Double.pi) - (v + 1) / 2
      * log1p(t * t / v)
    return exp(logDensity)
  }

  /// The quantile `F⁻¹(p)` for `p` in (0, 1): ±infinity at 0 and 1, NaN outside.
  ///
  /// Solved by bisection on `log |t|` to full double precision (monotone and bracketed, so it
  /// cannot fail), which handles the Cauchy-like tails of small ν. Closed forms are used for
  /// ν = 1 and ν = 2.
  /// - Complexity: about 100 evaluations of the incomplete beta function.
  public func quantile(_ p: Double) -> Double {
    guard p >= 0, p <= 1 else { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    let v = degreesOfFreedom
    // ν = 1 (Cauchy): −cot(πp), written without the cancellation of tan(π(p − ½)).
    if v == 1 { return p < 0.5 ? -1 / tan(Double.pi * p) : 1 / tan(Double.pi * (1 - p)) }
    if v == 2 { return (2 * p - 1) / (2 * p * (1 - p)).squareRoot() }
    let q = min(p, 1 - p)  // the upper-tail probability of |t|
    // Bracket log s with upperTail(s) = q; upperTail decreases in s.
    var lo = -40.0
    var hi = 2.0
    while upperTail(exp(hi)) > q && hi < 700 { hi *= 2 }
    while upperTail(exp(lo)) < q && lo > -700 { lo *= 2 }
    for _ in 0..<200 {
      let mid = 0.5 * (lo + hi)
      if mid == lo || mid == hi { break }
      if upperTail(exp(mid)) > q { lo = mid } else { hi = mid }
    }
    let s = exp(0.5 * (lo + hi))
    return p < 0.5 ? -s : s
  }

  /// `P(T > s)` for `s ≥ 0`, computed as `½ I_{ν/(ν+s²)}(ν/2, ½)` without cancellation.
  private func upperTail(_ s: Double) -> Double {
    if s == .infinity { return 0 }
    let v = degreesOfFreedom
    let r = s / v.squareRoot()
    let x: Double
    let complement: Double
    if r > 1e150 {
      (x, complement) = (1 / r / r, 1)
    } else {
      let d = 1 + r * r
      (x, complement) = (1 / d, r * r / d)
    }
    let (lower, _) = regularizedIncompleteBeta(x, a: v / 2, b: 0.5, complementOfX: complement)
    return 0.5 * lower
  }
}
