import AttainData
import AttainParallel

/// Conformal-style rescaling of prediction intervals, estimated from rolling-origin errors.
///
/// For each level L and step h, the factor c is the finite-sample conformal quantile
/// (rank ⌈(N + 1)·L/100⌉ of N) of the scores |y − ŷ|/w over held-out windows, where w is the
/// model's half-width on the side of y. Multiplying both half-widths by c makes about L % of
/// those held-out actuals fall inside. Scores are pooled over the series of a panel; windows
/// come only from the training data (the last `horizon` points of each series by default).
/// Reference: Vovk, Gammerman & Shafer (2005), *Algorithmic Learning in a Random World*
/// (split conformal prediction); Stankeviciute et al. (2021) for per-step factors.
public struct IntervalCalibration: Sendable, Equatable {
  /// Levels in percent, ascending.
  public var levels: [Double]
  /// `factors[k][t]`: multiplier of the half-widths at `levels[k]`, step t + 1 (the last
  /// entry applies to longer horizons).
  public var factors: [[Double]]
  /// Number of held-out forecasts behind each factor.
  public var sampleSize: Int

  /// Creates a calibration from its parts.
  public init(levels: [Double], factors: [[Double]], sampleSize: Int) {
    self.levels = levels
    self.factors = factors
    self.sampleSize = sampleSize
  }

  /// The factor for `level` at step `h` (1-based): the factor of the nearest calibrated level.
  public func factor(level: Double, step h: Int) -> Double {
    guard let k = levels.indices.min(by: { abs(levels[$0] - level) < abs(levels[$1] - level) }),
      let last = factors[k].indices.last
    else { return 1 }
    return factors[k][min(h - 1, last)]
  }

  /// `forecast` with every half-width multiplied by its factor (mean unchanged). Intervals stay
  /// nested around the mean (`Forecast.withNestedIntervals`): a wider level never ends up inside
  /// a narrower one (its bounds are widened to the narrower level's where the factors would cross
  /// them), and a bound on the wrong side of the mean is moved to the mean.
  public func apply(to forecast: Forecast) -> Forecast {
    var f = forecast
    for k in f.levels.indices {
      for t in f.mean.indices {
        let c = factor(level: f.levels[k], step: t + 1)
        f.lower[k][t] = f.mean[t] - c * (f.mean[t] - f.lower[k][t])
        f.upper[k][t] = f.mean[t] + c * (f.upper[k][t] - f.mean[t])
      }
    }
    return f.withNestedIntervals()
  }

  /// Estimates factors for `method` from one rolling-origin window per series (the last
  /// `horizon` observations of each training series, `windows` windows `horizon` apart).
  /// Series too short or failing to fit are skipped. Parallel; identical for any `threads`.
  /// - Complexity: one fit per series and window.
  public static func estimate(
    method: any ForecastingMethod, panel: Panel, seasonLength: Int, horizon: Int,
    levels: [Double] = [80, 95], windows: Int = 1, threads: Int? = nil
  ) -> IntervalCalibration {
    let sortedLevels = levels.sorted()
    let backtest = Backtest(
      method: method, horizon: horizon, windows: windows, seasonLength: seasonLength,
      levels: sortedLevels)
    let perSeries = ParallelChunks.map(count: panel.count, initial: [], threads: threads, chunkSize: 8) { i in
      (try? backtest.run(Array(panel.values(of: i)))) ?? []
    }
    // scores[k][t]: all scores at level k, step t.
    var scores = [[[Double]]](
      repeating: [[Double]](repeating: [], count: horizon), count: sortedLevels.count)
    for windows in perSeries {
      for window in windows {
        let f = window.forecast
        for k in sortedLevels.indices {
          for t in 0..<horizon {
            let y = window.actual[t]
            let width = y >= f.mean[t] ? f.upper[k][t] - f.mean[t] : f.mean[t] - f.lower[k][t]
            guard width > 1e-12 * max(1, abs(f.mean[t])), y.isFinite else { continue }
            scores[k][t].append(abs(y - f.mean[t]) / width)
          }
        }
      }
    }
    let factors = sortedLevels.indices.map { k in
      let pooled = conformalQuantile(scores[k].flatMap { $0 }, level: sortedLevels[k])
      return (0..<horizon).map { t -> Double in
        conformalQuantile(scores[k][t], level: sortedLevels[k]) ?? pooled ?? 1
      }
    }
    return IntervalCalibration(
      levels: sortedLevels, factors: factors, sampleSize: scores.first?.first?.count ?? 0)
  }

  /// Fewest scores behind a factor: with fewer, a step uses the factor pooled over all steps,
  /// and a level with fewer in total is left uncalibrated (factor 1). At 40 scores the
  /// conformal rank of a 95 % interval is the 39th of 40, still inside the sample.
  public static let minimumScores = 40

  /// The finite-sample conformal quantile (rank ⌈(N + 1)·L/100⌉ of N, at most 20) of
  /// `scores`, or nil when there are fewer than `minimumScores`.
  static func conformalQuantile(_ scores: [Double], level: Double) -> Double? {
    guard scores.count >= minimumScores else { return nil }
    let s = scores.sorted()
    let rank = Int((Double(s.count + 1) * level / 100).rounded(.up))
    return min(s[min(max(rank, 1), s.count) - 1], 20)
  }
}

/// A fitted model whose intervals and sample paths are rescaled by an `IntervalCalibration`.
///
/// Paths are scaled about the point forecast by the geometric mean of the level factors at each
/// step, so a path's spread matches the calibrated intervals on average over the levels.
public struct CalibratedForecaster: FittedForecaster {
  /// The uncalibrated model.
  public let inner: any FittedForecaster
  /// The calibration applied.
  public let calibration: IntervalCalibration
  /// Point forecasts precomputed for paths up to `means.count` steps.
  let means: [Double]
  let pathFactors: [Double]

  /// Wraps `inner`; paths longer than `maximumHorizon` are not rescaled beyond it.
  public init(
    inner: any FittedForecaster, calibration: IntervalCalibration, maximumHorizon: Int = 128
  ) {
    self.inner = inner
    self.calibration = calibration
    self.means = inner.pointForecast(horizon: maximumHorizon)
    self.pathFactors = (1...max(maximumHorizon, 1)).map { h in
      let logs = calibration.levels.map { log(max(calibration.factor(level: $0, step: h), 1e-6)) }
      return logs.isEmpty ? 1 : exp(logs.reduce(0, +) / Double(logs.count))
    }
  }

  /// The inner name.
  public var name: String { inner.name }
  /// Inner fitted values.
  public var fittedValues: [Double] { inner.fittedValues }
  /// Inner residuals.
  public var residuals: [Double] { inner.residuals }
  /// Inner point forecasts.
  public func pointForecast(horizon: Int) -> [Double] { inner.pointForecast(horizon: horizon) }
  /// Inner forecast with calibrated intervals.
  public func forecast(horizon: Int, levels: [Double]) -> Forecast {
    calibration.apply(to: inner.forecast(horizon: horizon, levels: levels))
  }
  /// Inner scratch.
  public var scratchCount: Int { inner.scratchCount }
  /// An inner path with its deviations from the point forecast rescaled.
  public func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    inner.samplePath(shocks: shocks, into: path, scratch: scratch)
    for t in 0..<min(path.count, means.count) {
      path[t] = means[t] + pathFactors[t] * (path[t] - means[t])
    }
  }
}
