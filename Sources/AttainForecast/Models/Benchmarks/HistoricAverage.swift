/// The historic average: every future value equals the mean of the series.
///
/// ŷₙ₊ₕ = ȳ; σ = sample standard deviation of y (n − 1 denominator); sdₕ = σ√(1 + 1/n),
/// normal quantiles (statsforecast `HistoricAverage`; R `meanf` uses Student t quantiles).
/// Reference: Hyndman & Athanasopoulos, *FPP3*, §5.2, §5.5.
public struct HistoricAverage: ForecastingMethod {
  /// `"HistoricAverage"`.
  public var name: String { "HistoricAverage" }
  /// Creates the method.
  public init() {}
  /// Fits in O(n). Needs one observation.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try SeriesChecks.validate(series, method: name, minimum: 1)
    let n = series.count
    let mean = series.reduce(0, +) / Double(n)
    let residuals = series.map { $0 - mean }
    let sigma = SeriesChecks.rootMeanSquare(residuals, dof: 1)
    return FittedMeanModel(
      name: name, fittedValues: [Double](repeating: mean, count: n), residuals: residuals,
      level: mean, standardDeviation: sigma * (1 + 1 / Double(n)).squareRoot())
  }
}

/// A fitted model with a constant forecast and independent errors of constant spread
/// (`HistoricAverage`, `WindowAverage`).
public struct FittedMeanModel: GaussianForecaster {
  /// Output name.
  public let name: String
  /// In-sample fitted values.
  public let fittedValues: [Double]
  /// `y − fittedValues`.
  public let residuals: [Double]
  /// The constant point forecast.
  public let level: Double
  /// The forecast standard deviation at every step.
  public let standardDeviation: Double
  /// The level.
  public func mean(step h: Int) -> Double { level }
  /// The constant standard deviation.
  public func standardDeviation(step h: Int) -> Double { standardDeviation }
  /// Independent errors.
  public var errorCorrelation: ErrorCorrelation { .independent }
}
