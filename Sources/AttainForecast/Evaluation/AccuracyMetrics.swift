/// Point and interval accuracy of a forecast against actuals.
///
/// All functions take equal-length arrays (extra elements of the longer one are ignored) and
/// are O(n). References: Hyndman & Koehler (2006), *Another look at measures of forecast
/// accuracy*, IJF 22(4); Makridakis & Hibon (2000) for the M3 sMAPE; Gneiting & Raftery (2007)
/// for the pinball (quantile) loss.
public enum AccuracyMetrics {
  /// Mean absolute error, units of the series.
  public static func meanAbsoluteError(actual: [Double], forecast: [Double]) -> Double {
    mean(zip(actual, forecast).map { abs($0 - $1) })
  }

  /// Root mean squared error, units of the series.
  public static func rootMeanSquaredError(actual: [Double], forecast: [Double]) -> Double {
    mean(zip(actual, forecast).map { ($0 - $1) * ($0 - $1) }).squareRoot()
  }

  /// The M3 symmetric MAPE in percent: mean of 200·|y − f|/(|y| + |f|); a term with
  /// |y| + |f| = 0 counts as 0 (both exactly right).
  public static func symmetricMeanAbsolutePercentageError(actual: [Double], forecast: [Double])
    -> Double
  {
    mean(
      zip(actual, forecast).map { y, f in
        let d = abs(y) + abs(f)
        return d > 0 ? 200 * abs(y - f) / d : 0
      })
  }

  /// The in-sample seasonal-naive MAE: mean |yₜ − yₜ₋ₘ| over t ≥ m (the MASE scale). NaN when
  /// the training series has at most m values.
  public static func seasonalNaiveScale(training: [Double], seasonLength m: Int) -> Double {
    let lag = max(m, 1)
    guard training.count > lag else { return .nan }
    var sum = 0.0
    for t in lag..<training.count { sum += abs(training[t] - training[t - lag]) }
    return sum / Double(training.count - lag)
  }

  /// Mean absolute scaled error: MAE divided by the in-sample seasonal-naive MAE with lag m
  /// (Hyndman & Koehler 2006). NaN when the scale is 0 or undefined.
  public static func meanAbsoluteScaledError(
    actual: [Double], forecast: [Double], training: [Double], seasonLength: Int
  ) -> Double {
    let scale = seasonalNaiveScale(training: training, seasonLength: seasonLength)
    return scale > 0 ? meanAbsoluteError(actual: actual, forecast: forecast) / scale : .nan
  }

  /// Weighted absolute percentage error in percent: 100·Σ|y − f|/Σ|y|. NaN when Σ|y| = 0.
  public static func weightedAbsolutePercentageError(actual: [Double], forecast: [Double]) -> Double
  {
    var num = 0.0
    var den = 0.0
    for (y, f) in zip(actual, forecast) {
      num += abs(y - f)
      den += abs(y)
    }
    return den > 0 ? 100 * num / den : .nan
  }

  /// Mean error f − y (positive = over-forecast), units of the series.
  public static func bias(actual: [Double], forecast: [Double]) -> Double {
    mean(zip(actual, forecast).map { $1 - $0 })
  }

  /// Percent of actuals inside [lower, upper] (bounds inclusive).
  public static func coverage(actual: [Double], lower: [Double], upper: [Double]) -> Double {
    let n = min(actual.count, lower.count, upper.count)
    guard n > 0 else { return .nan }
    var inside = 0
    for t in 0..<n where actual[t] >= lower[t] && actual[t] <= upper[t] { inside += 1 }
    return 100 * Double(inside) / Double(n)
  }

  /// Mean pinball loss of quantile forecasts q at probability τ ∈ (0, 1):
  /// mean of max(τ(y − q), (τ − 1)(y − q)), units of the series.
  public static func pinballLoss(actual: [Double], quantile: [Double], probability tau: Double)
    -> Double
  {
    mean(
      zip(actual, quantile).map { y, q in
        let d = y - q
        return d >= 0 ? tau * d : (tau - 1) * d
      })
  }

  /// The part of `training` from its first non-zero value on: M5 scales by the periods in which
  /// an item is actively sold, so leading zeros (before launch) do not shrink the scale.
  static func activeTraining(_ training: [Double]) -> ArraySlice<Double> {
    training[(training.firstIndex { $0 != 0 } ?? training.count)...]
  }

  /// The M5 RMSSE scale: the mean squared one-step naive difference
  /// (1/(n − 1)) Σₜ₌₂ⁿ (yₜ − yₜ₋₁)² over the training series from its first non-zero value on,
  /// squared units of the series. NaN with fewer than two such values.
  public static func meanSquaredNaiveDifference(training: [Double]) -> Double {
    let y = activeTraining(training)
    guard y.count > 1 else { return .nan }
    var sum = 0.0
    for t in (y.startIndex + 1)..<y.endIndex { sum += (y[t] - y[t - 1]) * (y[t] - y[t - 1]) }
    return sum / Double(y.count - 1)
  }

  /// The M5 scaled-pinball scale: the mean absolute one-step naive difference
  /// (1/(n − 1)) Σₜ₌₂ⁿ |yₜ − yₜ₋₁| over the training series from its first non-zero value on,
  /// units of the series. NaN with fewer than two such values.
  public static func meanAbsoluteNaiveDifference(training: [Double]) -> Double {
    let y = activeTraining(training)
    guard y.count > 1 else { return .nan }
    var sum = 0.0
    for t in (y.startIndex + 1)..<y.endIndex { sum += abs(y[t] - y[t - 1]) }
    return sum / Double(y.count - 1)
  }

  /// Root mean squared scaled error (M5 accuracy): √(MSE / `meanSquaredNaiveDifference`),
  /// dimensionless; 1 means as good in squared error as the in-sample naive forecast. NaN when the
  /// scale is 0 or undefined. Reference: Makridakis, Spiliotis & Assimakopoulos (2022), *M5
  /// accuracy competition: results, findings, and conclusions*, IJF 38(4), §3.
  public static func rootMeanSquaredScaledError(
    actual: [Double], forecast: [Double], training: [Double]
  ) -> Double {
    let scale = meanSquaredNaiveDifference(training: training)
    guard scale > 0 else { return .nan }
    let mse = mean(zip(actual, forecast).map { ($0 - $1) * ($0 - $1) })
    return (mse / scale).squareRoot()
  }

  /// Scaled pinball loss of quantile forecasts q at probability τ (M5 uncertainty): `pinballLoss`
  /// divided by `meanAbsoluteNaiveDifference`, dimensionless. NaN when the scale is 0 or undefined.
  /// Reference: Makridakis, Spiliotis, Assimakopoulos, Chen, Gaba, Tsetlin & Winkler (2022),
  /// *The M5 uncertainty competition: results, findings and conclusions*, IJF 38(4), §3.
  public static func scaledPinballLoss(
    actual: [Double], quantile: [Double], probability tau: Double, training: [Double]
  ) -> Double {
    let scale = meanAbsoluteNaiveDifference(training: training)
    guard scale > 0 else { return .nan }
    return pinballLoss(actual: actual, quantile: quantile, probability: tau) / scale
  }

  /// The scaled pinball loss averaged over the quantiles `forecast`'s intervals give: the lower
  /// and upper bound of each level L at τ = (1 − L/100)/2 and 1 − τ (M5 averages its nine levels
  /// the same way, with equal weights). NaN without intervals or when the scale is 0 or undefined.
  public static func scaledPinballLoss(
    actual: [Double], forecast: Forecast, training: [Double]
  ) -> Double {
    let scale = meanAbsoluteNaiveDifference(training: training)
    guard scale > 0, !forecast.levels.isEmpty else { return .nan }
    var sum = 0.0
    for (k, level) in forecast.levels.enumerated() {
      let tau = (1 - level / 100) / 2
      sum += pinballLoss(actual: actual, quantile: forecast.lower[k], probability: tau)
      sum += pinballLoss(actual: actual, quantile: forecast.upper[k], probability: 1 - tau)
    }
    return sum / Double(2 * forecast.levels.count) / scale
  }

  static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
  }
}

/// The accuracy of one forecast (one series, one origin) on every metric of `AccuracyMetrics`.
public struct AccuracySummary: Sendable, Equatable {
  /// Mean absolute error.
  public var mae: Double
  /// Root mean squared error.
  public var rmse: Double
  /// M3 sMAPE, percent.
  public var smape: Double
  /// MASE (seasonal-naive scaled); NaN when the scale is 0 or undefined.
  public var mase: Double
  /// WAPE, percent; NaN when the actuals are all 0.
  public var wape: Double
  /// Mean error f − y.
  public var bias: Double
  /// Interval levels (percent) of `coverage` and `pinball`.
  public var levels: [Double]
  /// Percent of actuals inside the interval at each level.
  public var coverage: [Double]
  /// Mean pinball loss of the two interval bounds (quantiles (1 ∓ L/100)/2) at each level.
  public var pinball: [Double]

  /// Evaluates `forecast` against `actual`, scaling MASE by `training` at lag `seasonLength`.
  public init(actual: [Double], forecast: Forecast, training: [Double], seasonLength: Int) {
    let f = forecast.mean
    mae = AccuracyMetrics.meanAbsoluteError(actual: actual, forecast: f)
    rmse = AccuracyMetrics.rootMeanSquaredError(actual: actual, forecast: f)
    smape = AccuracyMetrics.symmetricMeanAbsolutePercentageError(actual: actual, forecast: f)
    mase = AccuracyMetrics.meanAbsoluteScaledError(
      actual: actual, forecast: f, training: training, seasonLength: seasonLength)
    wape = AccuracyMetrics.weightedAbsolutePercentageError(actual: actual, forecast: f)
    bias = AccuracyMetrics.bias(actual: actual, forecast: f)
    levels = forecast.levels
    coverage = forecast.levels.indices.map {
      AccuracyMetrics.coverage(actual: actual, lower: forecast.lower[$0], upper: forecast.upper[$0])
    }
    pinball = forecast.levels.enumerated().map { k, level in
      let tau = (1 - level / 100) / 2
      return 0.5
        * (AccuracyMetrics.pinballLoss(
          actual: actual, quantile: forecast.lower[k], probability: tau)
          + AccuracyMetrics.pinballLoss(
            actual: actual, quantile: forecast.upper[k], probability: 1 - tau))
    }
  }

  /// Creates a summary from its parts.
  public init(
    mae: Double, rmse: Double, smape: Double, mase: Double, wape: Double, bias: Double,
    levels: [Double],
    coverage: [Double], pinball: [Double]
  ) {
    self.mae = mae
    self.rmse = rmse
    self.smape = smape
    self.mase = mase
    self.wape = wape
    self.bias = bias
    self.levels = levels
    self.coverage = coverage
    self.pinball = pinball
  }

  /// The mean of each metric over `summaries`, skipping non-finite values per metric (e.g. MASE
  /// of a constant training series). All summaries must share `levels`.
  public static func average(_ summaries: [AccuracySummary]) -> AccuracySummary {
    func avg(_ pick: (AccuracySummary) -> Double) -> Double {
      let values = summaries.map(pick).filter { $0.isFinite }
      return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
    let levels = summaries.first?.levels ?? []
    return AccuracySummary(
      mae: avg { $0.mae }, rmse: avg { $0.rmse }, smape: avg { $0.smape }, mase: avg { $0.mase },
      wape: avg { $0.wape }, bias: avg { $0.bias }, levels: levels,
      coverage: levels.indices.map { k in avg { $0.coverage[k] } },
      pinball: levels.indices.map { k in avg { $0.pinball[k] } })
  }
}
