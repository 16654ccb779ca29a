/// The window average: every future value equals the mean of the last `window` observations.
///
/// Fitted value at t ≥ k is the mean of yₜ₋ₖ…yₜ₋₁; σ is the root mean square of those
/// one-step errors (with n = k: the window's sample standard deviation times √(1 + 1/k));
/// errors independent with constant sdₕ = σ. Point forecast as statsforecast `WindowAverage`.
public struct WindowAverage: ForecastingMethod {
  /// Number of most recent observations averaged (k ≥ 1).
  public var window: Int
  /// `"WindowAverage"`.
  public var name: String { "WindowAverage" }
  /// Creates the method averaging the last `window` observations.
  public init(window: Int) { self.window = window }

  /// Fits in O(n). Needs `window` observations.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    guard window >= 1 else {
      throw ForecastError.invalidParameter(
        name: "window", value: Double(window), reason: "must be at least 1")
    }
    try SeriesChecks.validate(series, method: name, minimum: window)
    let n = series.count
    let k = Double(window)
    var fitted = [Double](repeating: .nan, count: n)
    var sum = series[0..<window].reduce(0, +)
    for t in window..<max(n, window) {
      fitted[t] = sum / k
      sum += series[t] - series[t - window]
    }
    let residuals = zip(series, fitted).map { $0 - $1 }
    let level = series[(n - window)...].reduce(0, +) / k
    let sd: Double
    if n > window {
      sd = SeriesChecks.rootMeanSquare(residuals)
    } else {
      let spread = SeriesChecks.rootMeanSquare(series.map { $0 - level }, dof: 1)
      sd = spread * (1 + 1 / k).squareRoot()
    }
    return FittedMeanModel(
      name: name, fittedValues: fitted, residuals: residuals, level: level, standardDeviation: sd)
  }
}
