import AttainData
import AttainForecast

/// The model part of a plan operation: which method, how far ahead, the season, interval levels
/// and threads, with the defaults every command shares.
public struct ModelSettings: Sendable {
  /// The method as named (`ModelCatalog`), before any calibration.
  public var method: any ForecastingMethod
  /// Periods ahead.
  public var horizon: Int
  /// Season length in periods.
  public var seasonLength: Int
  /// Prediction-interval levels in percent, ascending and distinct.
  public var levels: [Double]
  /// Worker threads (nil = all processors; results do not depend on it).
  public var threads: Int?

  /// Settings for series of `frequency`: `horizon` defaults to one season for sub-yearly
  /// frequencies and 6 otherwise (one plan year, or six periods when there is no season), and
  /// `seasonLength` to the frequency's (`Frequency.defaultSeasonLength`); `levels` are sorted and
  /// de-duplicated.
  public init(
    method: any ForecastingMethod, frequency: Frequency, horizon: Int? = nil, seasonLength: Int? = nil,
    levels: [Double] = [80, 95], threads: Int? = nil
  ) {
    self.method = method
    self.horizon = horizon ?? Self.defaultHorizon(for: frequency)
    self.seasonLength = seasonLength ?? frequency.defaultSeasonLength
    self.levels = Array(Set(levels)).sorted()
    self.threads = threads
  }

  /// One season for sub-yearly frequencies, 6 periods otherwise.
  public static func defaultHorizon(for frequency: Frequency) -> Int {
    let m = frequency.defaultSeasonLength
    return m > 1 ? m : 6
  }

  /// The method fitted by the operations on `panel`: `AutoForecast` gets its interval calibration
  /// estimated on `panel` (rolling origin inside the input history: one fit per series on its
  /// first n − h points, never on future data); other methods are used as they are.
  /// - Complexity: one prefix fit per series for `AutoForecast`, O(1) otherwise.
  public func calibratedMethod(on panel: Panel) -> any ForecastingMethod {
    guard let auto = method as? AutoForecast else { return method }
    return auto.calibrated(on: panel, seasonLength: seasonLength, horizon: horizon, levels: levels, threads: threads)
  }

  /// A batch forecaster with the default fallbacks for `method`.
  public func batchForecaster(method: any ForecastingMethod) -> BatchForecaster {
    BatchForecaster(method: method, seasonLength: seasonLength, threads: threads)
  }
}
