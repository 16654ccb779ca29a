/// The Teunter–Syntetos–Babai method: smoothed demand probability times smoothed demand size.
///
/// The occurrence indicator dₜ (1 when yₜ ≠ 0) is smoothed every period with α_p, the positive
/// sizes with α_d, both by `IntermittentSmoothing` (ℓ₁ = first value): forecast p̂·ẑ. Unlike
/// Croston the probability decays through periods without demand, so obsolescence shows.
/// Given α's match statsforecast `TSB(alpha_d, alpha_p)`; a nil α is chosen in [0.1, 0.3] by
/// statsforecast's golden section on that component's one-step SSE (as CrostonOptimized does).
/// Paths: occurrence probability p̂, size mean ẑ. A series with no demand forecasts 0.
/// Reference: Teunter, Syntetos & Babai (2011), *Intermittent demand: linking forecasting to
/// inventory obsolescence*, EJOR 214(3).
public struct TSB: ForecastingMethod {
  /// Smoothing parameter of the sizes in (0, 1]; nil = optimised.
  public var sizeAlpha: Double?
  /// Smoothing parameter of the occurrence probability in (0, 1]; nil = optimised.
  public var probabilityAlpha: Double?

  /// Creates the method. Default: both α optimised, because statsforecast has no default and a
  /// fixed value suits either fast or slow obsolescence, not both.
  public init(sizeAlpha: Double? = nil, probabilityAlpha: Double? = nil) {
    self.sizeAlpha = sizeAlpha
    self.probabilityAlpha = probabilityAlpha
  }

  /// `"TSB"`.
  public var name: String { "TSB" }

  /// Fits in O(n) (about 60 passes per optimised α). Needs one observation; negative values are
  /// not applicable; an α outside (0, 1] is an invalid parameter.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try fitTSB(series)
  }

  /// The concrete fitted model.
  public func fitTSB(_ series: [Double]) throws -> FittedIntermittentDemand {
    for (label, value) in [("alpha_d", sizeAlpha), ("alpha_p", probabilityAlpha)] {
      if let a = value, !(a > 0 && a <= 1) {
        throw ForecastError.invalidParameter(name: label, value: a, reason: "must be in (0, 1]")
      }
    }
    try IntermittentChecks.validate(series, method: name)
    let sizes = IntermittentSmoothing.sizes(series)
    guard !sizes.isEmpty else { return IntermittentChecks.noDemand(name: name, series: series) }
    let occurrence = IntermittentSmoothing.occurrence(series)
    let alphaD = sizeAlpha ?? IntermittentSmoothing.optimalAlpha(sizes)
    let alphaP = probabilityAlpha ?? IntermittentSmoothing.optimalAlpha(occurrence)
    let probabilityFit = IntermittentSmoothing.fittedAndForecast(occurrence, alpha: alphaP)
    let sizeFit = IntermittentSmoothing.fittedAndForecast(sizes, alpha: alphaD)
    let probability = probabilityFit[series.count]
    let size = sizeFit[sizes.count]
    let expanded = IntermittentSmoothing.expandedRates(series, sizeFit: sizeFit, intervalFit: [])
    let fitted = series.indices.map { probabilityFit[$0] * expanded[$0] }
    return FittedIntermittentDemand(
      name: name, series: series, fitted: fitted, rate: probability * size, probability: probability
    )
  }
}
