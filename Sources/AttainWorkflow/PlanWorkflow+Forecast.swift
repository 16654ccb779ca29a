import AttainData
import AttainForecast

/// The outcome of `PlanWorkflow.forecast`.
public struct ForecastOutcome: Sendable {
  /// Point forecasts and intervals of every series, in panel order.
  public var forecast: BatchForecast
  /// The name of the requested method (`Auto`, `Theta`, …).
  public var methodName: String
}

extension PlanWorkflow {
  /// Fits every series once and forecasts `model.horizon` periods with intervals at
  /// `model.levels`, advancing `progress` per chunk of series.
  /// - Complexity: one full-history fit per series (plus the prefix fit of `auto`'s calibration).
  public static func forecast(
    _ panel: Panel, model: ModelSettings, progress: any ProgressSink = NoProgress()
  ) -> ForecastOutcome {
    let fitted = fit(panel, model: model, progress: progress)
    let result = fitted.fit.forecast(horizon: model.horizon, levels: model.levels, threads: fitted.forecaster.threads)
    return ForecastOutcome(forecast: result, methodName: fitted.forecaster.method.name)
  }

  /// Rolling-origin evaluation of `model` on `panel`: `windows` origins `step` apart (default:
  /// the horizon), each window refitted from scratch, advancing `progress` per chunk of series.
  /// - Complexity: one fit per series and window (plus the prefix fit of `auto`'s calibration).
  public static func backtest(
    _ panel: Panel, model: ModelSettings, windows: Int, step: Int? = nil, progress: any ProgressSink = NoProgress()
  ) -> PanelBacktest {
    let backtest = Backtest(
      method: model.calibratedMethod(on: panel), horizon: model.horizon, windows: windows, step: step,
      seasonLength: model.seasonLength, levels: model.levels)
    return SeriesChunks.backtest(panel, with: backtest, threads: model.threads, progress: progress)
  }

  /// `model` fitted on `history` and scored on the hold-out `actuals` (the series of `history`
  /// continued), with `lineOfSeries` locating a series of `actualsFile` for errors.
  /// - Throws: `DataError` for actuals that do not continue the history.
  public static func holdout(
    history: Panel, actuals: Panel, actualsFile: String, model: ModelSettings,
    lineOfSeries: (Int) -> Int
  ) throws -> HoldoutEvaluation.Result {
    try HoldoutEvaluation.run(
      batch: model.batchForecaster(method: model.calibratedMethod(on: history)), history: history, actuals: actuals,
      actualsFile: actualsFile, levels: model.levels, lineOfSeries: lineOfSeries)
  }
}
