import AttainData
import AttainParallel

/// Rolling-origin evaluation (time-series cross-validation).
///
/// With n observations, horizon h, `windows` W and `step` s (default h), window w = 0…W−1 trains
/// on the first oᵥ = n − h − (W − 1 − w)·s observations and is scored on the next h. Each window
/// is refitted from scratch. Reference: Tashman (2000), *Out-of-sample tests of forecasting
/// accuracy*, IJF 16(4); Hyndman & Athanasopoulos, *FPP3*, §5.10.
public struct Backtest: Sendable {
  /// The evaluated method.
  public var method: any ForecastingMethod
  /// Steps ahead scored in each window.
  public var horizon: Int
  /// Number of forecast origins.
  public var windows: Int
  /// Distance between consecutive origins (default: the horizon).
  public var step: Int
  /// Season length for fitting and for the MASE scale.
  public var seasonLength: Int
  /// Interval levels (percent) scored for coverage and pinball loss.
  public var levels: [Double]

  /// Creates a backtest; `step` defaults to `horizon`.
  public init(
    method: any ForecastingMethod, horizon: Int, windows: Int = 1, step: Int? = nil,
    seasonLength: Int = 1,
    levels: [Double] = [80, 95]
  ) {
    self.method = method
    self.horizon = horizon
    self.windows = windows
    self.step = step ?? horizon
    self.seasonLength = seasonLength
    self.levels = levels.sorted()
  }

  /// The training lengths (forecast origins) for a series of `n` observations; origins with
  /// fewer than one training observation are dropped.
  public func origins(count n: Int) -> [Int] {
    (0..<max(windows, 0)).map { n - horizon - (windows - 1 - $0) * step }.filter { $0 >= 1 }
  }

  /// Evaluates one series: one entry per window. Throws the fit error of a window.
  public func run(_ series: [Double]) throws -> [BacktestWindow] {
    try origins(count: series.count).map { origin in
      let training = Array(series[0..<origin])
      let actual = Array(series[origin..<(origin + horizon)])
      let forecast = try ScaledForecaster.fit(method, training, seasonLength: seasonLength).forecast(horizon: horizon, levels: levels)
      return BacktestWindow(
        origin: origin, actual: actual, forecast: forecast,
        accuracy: AccuracySummary(
          actual: actual, forecast: forecast, training: training, seasonLength: seasonLength))
    }
  }

  /// Evaluates every series of `panel` in parallel (identical results for any `threads`).
  /// Series whose fit fails, or too short for any window, are listed in `failures`.
  public func run(_ panel: Panel, threads: Int? = nil) -> PanelBacktest {
    let count = panel.count
    var results = [[BacktestWindow]?](repeating: nil, count: count)
    var errors = [String?](repeating: nil, count: count)
    results.withParallelAccess { out in
      errors.withParallelAccess { err in
        ParallelChunks.run(count: count, threads: threads, chunkSize: 8) { range in
          for i in range {
            do {
              let windows = try run(Array(panel.values(of: i)))
              if windows.isEmpty {
                err[i] = "too short for a \(horizon)-step window"
              } else {
                out[i] = windows
              }
            } catch {
              err[i] = "\(error)"
            }
          }
        }
      }
    }
    var perSeries: [SeriesBacktest] = []
    var failures: [BatchWarning] = []
    for i in 0..<count {
      if let windows = results[i] {
        perSeries.append(
          SeriesBacktest(
            id: panel.ids[i], windows: windows, accuracy: .average(windows.map(\.accuracy))))
      } else {
        failures.append(
          BatchWarning(id: panel.ids[i], requested: method.name, used: nil, reason: errors[i] ?? "")
        )
      }
    }
    return PanelBacktest(
      method: method.name, series: perSeries, accuracy: .average(perSeries.map(\.accuracy)),
      failures: failures)
  }
}

/// One rolling-origin window of one series.
public struct BacktestWindow: Sendable, Equatable {
  /// Training length (the forecast origin).
  public var origin: Int
  /// The held-out actuals.
  public var actual: [Double]
  /// The forecast made at the origin.
  public var forecast: Forecast
  /// Its accuracy.
  public var accuracy: AccuracySummary
}

/// The backtest of one series: its windows and their average accuracy.
public struct SeriesBacktest: Sendable, Equatable {
  /// The series `unique_id`.
  public var id: String
  /// Windows in origin order.
  public var windows: [BacktestWindow]
  /// Mean accuracy over the windows.
  public var accuracy: AccuracySummary
}

/// The backtest of a panel: per-series results and their average.
public struct PanelBacktest: Sendable, Equatable {
  /// The evaluated method name.
  public var method: String
  /// Per-series results, panel order (failed series omitted).
  public var series: [SeriesBacktest]
  /// Mean over series of the per-series accuracy.
  public var accuracy: AccuracySummary
  /// Series that could not be evaluated, with the reason.
  public var failures: [BatchWarning]
}
