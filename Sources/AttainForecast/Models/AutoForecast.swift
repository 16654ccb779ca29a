import AttainData

/// The default model (`--model auto`): a combination of robust methods with optionally
/// calibrated intervals.
///
/// Point forecasts are the `combination` (median by default) of `members`; intervals and
/// sample paths come from the members' paths combined per path (see `Ensemble`). With a
/// `calibration` (see `calibrated(on:…)`), interval half-widths are rescaled by conformal factors
/// estimated from rolling-origin errors on the training data. Members are a parameter so that
/// other models (e.g. AutoETS) can join; the default set was chosen by rolling-origin
/// evaluation inside the M3 training data only (the last h points of each training series),
/// see `Tests/AttainForecastTests/M3Evaluation.swift` and the report in the README.
public struct AutoForecast: ForecastingMethod {
  /// The combined methods.
  public var members: [any ForecastingMethod]
  /// How they are combined.
  public var combination: Ensemble.Combination
  /// Interval rescaling, or nil for the members' own spread.
  public var calibration: IntervalCalibration?
  /// `"Auto"`.
  public var name: String
  /// Number of combined sample paths behind the intervals (see `Ensemble`).
  public var intervalPaths: Int

  /// The default members: `Theta`, `DynamicOptimizedTheta` and `DampedTrend` (each on
  /// M3-deseasonalised data), combined by their mean — the best of the candidates on the M3
  /// validation windows (last h points of each training series): sMAPE 13.21 (mean over series)
  /// against 13.33 for mean(Theta, DOTM), 13.39 for DOTM and 13.55 for Theta alone. Adding
  /// `AutoETS` ties on that window (13.21) at about twice the cost and replacing `DampedTrend`
  /// with it is worse (13.31), so it is not a default member.
  public static var defaultMembers: [any ForecastingMethod] {
    [Theta(), DynamicOptimizedTheta(), DampedTrend()]
  }

  /// Creates the method.
  public init(
    members: [any ForecastingMethod] = AutoForecast.defaultMembers,
    combination: Ensemble.Combination = .mean,
    calibration: IntervalCalibration? = nil, name: String = "Auto", intervalPaths: Int = 2000
  ) {
    self.intervalPaths = intervalPaths
    self.members = members
    self.combination = combination
    self.calibration = calibration
    self.name = name
  }

  /// Fits the members (those that cannot fit are left out); fails only if none fits. Series
  /// whose largest |value| lies outside 1e-100…1e100 are fitted rescaled (`ScaledForecaster`),
  /// so finite input never gives NaN or infinite forecasts; other series are fitted as they are.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    let ensemble = try ScaledForecaster.fit(
      Ensemble(members, combination: combination, name: name, intervalPaths: intervalPaths), series,
      seasonLength: seasonLength)
    guard let calibration else { return ensemble }
    return CalibratedForecaster(inner: ensemble, calibration: calibration)
  }

  /// This method with interval calibration estimated on the series of `panel` (training data only): each
  /// series is refitted without its last `horizon` points and scored on them.
  public func calibrated(
    on panel: Panel, seasonLength: Int, horizon: Int, levels: [Double] = [80, 95],
    threads: Int? = nil
  ) -> AutoForecast {
    var copy = self
    copy.calibration = nil
    copy.calibration = IntervalCalibration.estimate(
      method: copy, panel: panel, seasonLength: seasonLength, horizon: horizon, levels: levels,
      threads: threads)
    return copy
  }
}
