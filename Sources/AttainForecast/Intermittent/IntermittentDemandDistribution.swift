/// The forecast distribution of one future period of an intermittent series: demand occurs with
/// probability p and then has a size drawn from `size`; otherwise the period sells nothing.
///
/// Mean p·E[size] (the model's rate), P(zero) = 1 − p exactly, never negative, integer-valued
/// when the sizes are. Sample values are the quantile function of this mixture at Φ(z) for a
/// standard normal shock z: demand occurs when the upper tail Φ(−z) is below p, and the size is
/// then the size quantile at upper tail Φ(−z)/p, which is uniform given occurrence. The map is
/// monotone in z, so correlated shocks (a market factor) give correlated demand — a Gaussian
/// copula, as for the bootstrap models.
public struct IntermittentDemandDistribution: Sendable, Equatable {
  /// Probability that a period has demand, in [0, 1].
  public var occurrenceProbability: Double
  /// The size given demand.
  public var size: DemandSizeDistribution

  /// Creates the distribution.
  public init(occurrenceProbability: Double, size: DemandSizeDistribution) {
    self.occurrenceProbability = min(max(occurrenceProbability, 0), 1)
    self.size = size
  }

  /// The distribution with occurrence probability `probability` and mean `rate` (units per
  /// period), sizes fitted to the non-zero values of `history`; integer sizes when every value
  /// of `history` is an integer. When integer sizes cannot have mean rate/p (it is below 1), the
  /// occurrence probability is lowered to `rate` and the size is 1, keeping the mean.
  init(rate: Double, probability: Double, history: [Double]) {
    let integer = history.allSatisfy { $0 == $0.rounded() }
    let sizes = IntermittentSmoothing.sizes(history)
    guard rate > 0, probability > 0 else {
      self.init(occurrenceProbability: 0, size: .constant(value: 0))
      return
    }
    let p = min(probability, 1)
    let mean = rate / p
    if integer && mean < 1 {
      self.init(occurrenceProbability: rate, size: .constant(value: 1))
    } else {
      self.init(
        occurrenceProbability: p,
        size: DemandSizeDistribution(mean: mean, sizes: sizes, integer: integer))
    }
  }

  /// The mean demand per period, p·E[size].
  public var mean: Double { occurrenceProbability * size.mean }

  /// The demand at standard normal shock `z` (the mixture's quantile at Φ(z)). - Complexity: O(1)
  /// (O(size) for count sizes), no allocation.
  @inline(__always)
  public func value(shock z: Double) -> Double {
    let p = occurrenceProbability
    let tail = StandardNormal.cdf(-z)
    guard tail < p else { return 0 }
    return size.size(upperTail: tail / p)
  }
}
