#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// The distribution of one demand size (the amount sold in a period, given that something is
/// sold), with a prescribed mean and a spread taken from the history's non-zero sizes.
///
/// - Integer histories (units): `shiftedNegativeBinomial`, size = 1 + X with X negative
///   binomial of mean m − 1 and variance s² (the sample variance of the non-zero sizes), or
///   Poisson when s² ≤ m − 1 (the negative binomial's limit; under-dispersion cannot be
///   matched). Sizes are then on {1, 2, …}: a zero is a non-occurrence, never a size. The
///   negative binomial is the standard over-dispersed count model for order quantities and
///   keeps the model's mean m exactly, which the empirical sizes cannot (their mean is the
///   plain average, not the smoothed size, and resampling them never gives an unseen size).
/// - Continuous histories: `lognormal` with mean m and the squared coefficient of variation
///   of the non-zero sizes, σ² = log(1 + CV²), μ = log m − σ²/2: positive, right-skewed, with
///   a closed-form quantile.
/// - Integer histories whose mean size exceeds 501 units use the lognormal rounded to the
///   nearest integer ≥ 1 (`roundedLognormal`): inverting a count distribution costs O(size)
///   per draw and its P(0) = e^{−mean} would underflow near 700. Rounding a density whose spread
///   exceeds a unit moves its mean by a negligible amount (well below 1e−6 relative); with
///   identical sizes (no spread) it moves it by at most 0.5 units, under 0.1 %.
/// Reference: Syntetos, Babai & Gardner (2015), *Forecasting intermittent inventory demands:
/// simple parametric methods vs. bootstrapping*, J. Business Research 68(8).
public enum DemandSizeDistribution: Sendable, Equatable {
  /// A size that is always `value`.
  case constant(value: Double)
  /// 1 + Poisson(mean) (integer sizes, at most Poisson spread).
  case shiftedPoisson(mean: Double)
  /// 1 + NB(r, q): P(X = k) = Γ(k + r)/(Γ(r) k!) (1 − q)ʳ qᵏ, mean rq/(1 − q).
  case shiftedNegativeBinomial(r: Double, q: Double)
  /// exp(μ + σZ) with Z standard normal.
  case lognormal(mu: Double, sigma: Double)
  /// max(1, round(exp(μ + σZ))): integer sizes of large mean.
  case roundedLognormal(mu: Double, sigma: Double)

  /// The largest mean of the count part (size − 1) inverted exactly (see the type's notes):
  /// e^{−500} ≈ 7e−218 keeps P(0) a normal double with room for the recurrence.
  static let largestCountMean = 500.0

  /// The size distribution with mean `mean` (> 0, units per occurrence) whose spread matches
  /// `sizes` (the non-zero history values): integer-valued when `integer` is true.
  /// `mean` below 1 with integer sizes is not possible; callers scale the occurrence instead.
  public init(mean: Double, sizes: [Double], integer: Bool) {
    let n = Double(sizes.count)
    let average = sizes.isEmpty ? mean : sizes.reduce(0, +) / n
    var variance = 0.0
    if sizes.count > 1 {
      for s in sizes { variance += (s - average) * (s - average) }
      variance /= n - 1
    }
    if integer {
      let excess = mean - 1
      if excess <= 1e-12 {
        self = .constant(value: 1)
      } else if excess > Self.largestCountMean {
        let sigma2 = log(1 + variance / (mean * mean))
        self = .roundedLognormal(mu: log(mean) - sigma2 / 2, sigma: sigma2.squareRoot())
      } else if variance <= excess * (1 + 1e-9) {
        self = .shiftedPoisson(mean: excess)
      } else {
        let r = excess * excess / (variance - excess)
        self = .shiftedNegativeBinomial(r: r, q: excess / (excess + r))
      }
    } else {
      let cv2 = average > 0 ? variance / (average * average) : 0
      if cv2 <= 0 {
        self = .constant(value: mean)
      } else {
        let sigma2 = log(1 + cv2)
        self = .lognormal(mu: log(mean) - sigma2 / 2, sigma: sigma2.squareRoot())
      }
    }
  }

  /// The mean size, units per occurrence.
  public var mean: Double {
    switch self {
    case .constant(let v): v
    case .shiftedPoisson(let m): 1 + m
    case .shiftedNegativeBinomial(let r, let q): 1 + r * q / (1 - q)
    case .lognormal(let mu, let sigma), .roundedLognormal(let mu, let sigma):
      exp(mu + sigma * sigma / 2)
    }
  }

  /// The size at upper-tail probability `w` ∈ (0, 1]: the smallest s with P(size > s) ≤ w
  /// (counts), or the (1 − w)-quantile (continuous). Taking the upper tail keeps precision for
  /// the largest sizes. - Complexity: O(1), or O(size) for the count distributions; no allocation.
  public func size(upperTail tail: Double) -> Double {
    // Clamped so the continuous quantiles stay finite for shocks beyond ±37.
    let w = min(max(tail, Double.leastNormalMagnitude), 1)
    switch self {
    case .constant(let v):
      return v
    case .lognormal(let mu, let sigma):
      return exp(mu - sigma * StandardNormal.quantile(w))
    case .roundedLognormal(let mu, let sigma):
      return max(1, exp(mu - sigma * StandardNormal.quantile(w)).rounded())
    case .shiftedPoisson(let m):
      return 1
        + Self.countQuantile(probability: 1 - w, p0: exp(-m), mean: m) { k in m / Double(k + 1) }
    case .shiftedNegativeBinomial(let r, let q):
      let p0 = exp(r * log1p(-q))
      return 1
        + Self.countQuantile(probability: 1 - w, p0: p0, mean: r * q / (1 - q)) { k in
          (Double(k) + r) / Double(k + 1) * q
        }
    }
  }

  /// The smallest k with P(X ≤ k) ≥ `probability` for a count distribution given by P(0) and the
  /// ratio P(k + 1)/P(k); stops once the remaining mass is below double precision.
  @inline(__always)
  static func countQuantile(probability v: Double, p0: Double, mean: Double, ratio: (Int) -> Double)
    -> Double
  {
    var k = 0
    var pk = p0
    var cdf = p0
    while cdf < v {
      pk *= ratio(k)
      k += 1
      cdf += pk
      if Double(k) > mean && pk <= 1e-17 * cdf { break }
      if k >= 100_000_000 { break }
    }
    return Double(k)
  }
}
