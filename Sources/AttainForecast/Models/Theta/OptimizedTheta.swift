/// statsforecast's `OptimizedTheta`: the optimised Theta model (OTM) of Fiorucci et al. (2016) on
/// the series deseasonalised as in M3 (see `SeasonallyAdjusted`, `ThetaStateSpace`).
public struct OptimizedTheta: ForecastingMethod {
  /// `"OptimizedTheta"`.
  public var name: String { "OptimizedTheta" }
  /// Creates the method.
  public init() {}
  /// Fits; needs 5 observations.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try SeasonallyAdjusted(ThetaStateSpace(.optimized), name: name).fit(
      series, seasonLength: seasonLength)
  }
}

/// statsforecast's `DynamicOptimizedTheta`: the dynamic optimised Theta model (DOTM) of Fiorucci
/// et al. (2016) on the series deseasonalised as in M3.
public struct DynamicOptimizedTheta: ForecastingMethod {
  /// `"DynamicOptimizedTheta"`.
  public var name: String { "DynamicOptimizedTheta" }
  /// Creates the method.
  public init() {}
  /// Fits; needs 5 observations.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try SeasonallyAdjusted(ThetaStateSpace(.dynamicOptimized), name: name)
      .fit(series, seasonLength: seasonLength)
  }
}

/// statsforecast's `DynamicTheta`: the dynamic standard Theta model (DSTM, θ = 2) on the series
/// deseasonalised as in M3.
public struct DynamicTheta: ForecastingMethod {
  /// `"DynamicTheta"`.
  public var name: String { "DynamicTheta" }
  /// Creates the method.
  public init() {}
  /// Fits; needs 5 observations.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try SeasonallyAdjusted(ThetaStateSpace(.dynamicStandard), name: name)
      .fit(series, seasonLength: seasonLength)
  }
}

/// statsforecast's `AutoTheta`: fits STM, OTM, DSTM and DOTM to the (M3-deseasonalised) series
/// and keeps the one with the smallest in-sample criterion (mean squared one-step error after the
/// first three observations, over mean |y|).
public struct AutoTheta: ForecastingMethod {
  /// `"AutoTheta"`.
  public var name: String { "AutoTheta" }
  /// Creates the method.
  public init() {}
  /// Fits four models; needs 5 observations.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try SeasonallyAdjusted(BestThetaStateSpace(), name: name).fit(
      series, seasonLength: seasonLength)
  }
}

/// The best of the four Theta state-space variants by in-sample criterion (no deseasonalising).
struct BestThetaStateSpace: ForecastingMethod {
  var name: String { "AutoTheta" }
  func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    var best: FittedThetaStateSpace?
    for variant in ThetaStateSpace.Variant.allCases {
      let fitted = try ThetaStateSpace(variant, name: name).fitModel(series)
      if fitted.objective.isFinite, fitted.objective < (best?.objective ?? .infinity) {
        best = fitted
      }
    }
    guard let best else {
      throw ForecastError.notApplicable(method: name, reason: "no Theta model could be fitted")
    }
    return best
  }
}
