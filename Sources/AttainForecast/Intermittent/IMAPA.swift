/// The intermittent multiple aggregation prediction algorithm (IMAPA).
///
/// ADIDA at every aggregation level k = 1…K, K = the mean inter-demand interval rounded half to
/// even, each with its own α optimised in [0.1, 0.3]; the rate is the mean of the K per-period
/// rates forecast(k)/k. Several levels average away the choice of one bucket size.
/// Paths: the occurrence indicator goes through the same levels with the same α's, p = the mean of
/// its per-period forecasts, size mean rate/p (≥ 1 for unit data). A series with no demand
/// forecasts 0. Point forecasts match statsforecast `IMAPA`.
/// Reference: Petropoulos & Kourentzes (2015), *Forecast combinations for intermittent demand*,
/// JORS 66(6).
public struct IMAPA: ForecastingMethod {
  /// Creates the method.
  public init() {}

  /// `"IMAPA"`.
  public var name: String { "IMAPA" }

  /// Fits in O(n·K) (about 60 passes over the buckets of each level). Needs one observation;
  /// negative values are not applicable.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try fitIMAPA(series)
  }

  /// The concrete fitted model.
  public func fitIMAPA(_ series: [Double]) throws -> FittedIntermittentDemand {
    try IntermittentChecks.validate(series, method: name)
    guard series.contains(where: { $0 != 0 }) else {
      return IntermittentChecks.noDemand(name: name, series: series)
    }
    let largest = IntermittentSmoothing.aggregationLevel(series)
    var rate = 0.0
    var probability = 0.0
    var fittedSum = [Double](repeating: 0, count: series.count)
    var fittedCount = [Int](repeating: 0, count: series.count)
    for level in 1...largest {
      let bucket = IntermittentSmoothing.bucketForecast(series, level: level)
      rate += bucket.demand / Double(level)
      probability += bucket.occurrences / Double(level)
      let fitted = IntermittentSmoothing.bucketFittedRates(
        series, level: level, alpha: bucket.alpha)
      for t in fitted.indices where fitted[t].isFinite {
        fittedSum[t] += fitted[t]
        fittedCount[t] += 1
      }
    }
    let k = Double(largest)
    let fitted = series.indices.map {
      fittedCount[$0] > 0 ? fittedSum[$0] / Double(fittedCount[$0]) : .nan
    }
    return FittedIntermittentDemand(
      name: name, series: series, fitted: fitted, rate: rate / k, probability: probability / k)
  }
}
