/// Croston's method for intermittent demand and its two statsforecast variants.
///
/// The positive demand sizes z and the intervals x between non-zero periods (the first counted
/// from the start) are each smoothed by `IntermittentSmoothing` (ℓ₁ = first value); the rate
/// forecast is ẑ/x̂ for every future period:
/// - `.classic` (`CrostonClassic`): α = 0.1 for both, Croston (1972).
/// - `.sba` (`CrostonSBA`): (1 − α/2)·ẑ/x̂ = 0.95·ẑ/x̂, the Syntetos–Boylan approximation
///   removing the bias of ẑ/x̂ (Syntetos & Boylan 2005, IJF 21(2)).
/// - `.optimized` (`CrostonOptimized`): each α chosen in [0.1, 0.3] by golden section on its own
///   one-step SSE (statsforecast's definition).
/// Paths: occurrence probability 1/x̂ (SBA: 0.95/x̂, the correction applied to the occurrence so
/// sizes keep mean ẑ ≥ 1 for unit data), size mean ẑ (`IntermittentDemandDistribution`).
/// A series with no demand forecasts 0. Point forecasts match statsforecast 2.1.1.
public struct Croston: ForecastingMethod {
  /// Which Croston variant.
  public enum Variant: Sendable, Equatable {
    /// α = 0.1 for sizes and intervals.
    case classic
    /// Classic times 1 − α/2 (Syntetos–Boylan approximation).
    case sba
    /// α of sizes and intervals each optimised in [0.1, 0.3].
    case optimized
  }

  /// The variant.
  public var variant: Variant

  /// The smoothing parameter of `.classic` and `.sba`: 0.1, Croston's and statsforecast's value
  /// (low, because each smoothed value moves only when an order arrives).
  public static let classicAlpha = 0.1

  /// Creates the method (default: classic).
  public init(variant: Variant = .classic) { self.variant = variant }

  /// `"CrostonClassic"`, `"CrostonSBA"` or `"CrostonOptimized"`.
  public var name: String {
    switch variant {
    case .classic: "CrostonClassic"
    case .sba: "CrostonSBA"
    case .optimized: "CrostonOptimized"
    }
  }

  /// Fits in O(n) (optimised: about 60 passes over the sizes and intervals). Needs one
  /// observation; negative values are not applicable.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try fitCroston(series)
  }

  /// The concrete fitted model.
  public func fitCroston(_ series: [Double]) throws -> FittedIntermittentDemand {
    try IntermittentChecks.validate(series, method: name)
    let sizes = IntermittentSmoothing.sizes(series)
    guard !sizes.isEmpty else { return IntermittentChecks.noDemand(name: name, series: series) }
    let intervals = IntermittentSmoothing.intervals(series)
    let sizeAlpha: Double
    let intervalAlpha: Double
    switch variant {
    case .classic, .sba:
      sizeAlpha = Self.classicAlpha
      intervalAlpha = Self.classicAlpha
    case .optimized:
      sizeAlpha = IntermittentSmoothing.optimalAlpha(sizes)
      intervalAlpha = IntermittentSmoothing.optimalAlpha(intervals)
    }
    let sizeFit = IntermittentSmoothing.fittedAndForecast(sizes, alpha: sizeAlpha)
    let intervalFit = IntermittentSmoothing.fittedAndForecast(intervals, alpha: intervalAlpha)
    let size = sizeFit[sizes.count]
    let interval = intervalFit[intervals.count]
    let factor = variant == .sba ? 1 - Self.classicAlpha / 2 : 1
    var rate = interval != 0 ? size / interval : size
    var fitted = IntermittentSmoothing.expandedRates(
      series, sizeFit: sizeFit, intervalFit: intervalFit)
    if variant == .sba {
      rate *= factor
      for t in fitted.indices { fitted[t] *= factor }
    }
    return FittedIntermittentDemand(
      name: name, series: series, fitted: fitted, rate: rate, probability: factor / max(interval, 1)
    )
  }
}
