/// The aggregate–disaggregate intermittent demand approach (ADIDA).
///
/// The series is summed over non-overlapping buckets of k periods, k = the mean inter-demand
/// interval rounded half to even (the oldest n mod k periods are dropped so the last bucket ends
/// now); the bucket totals are smoothed by `IntermittentSmoothing` with α optimised in [0.1, 0.3]
/// (golden section, statsforecast `chunk_forecast`), and the forecast total is spread evenly:
/// rate = forecast/k. Aggregation turns most zero periods into non-zero buckets, which SES handles.
/// Paths: the occurrence indicator is aggregated and smoothed the same way with the same α,
/// p = its forecast/k (the forecast share of periods with demand), size mean rate/p (≥ 1 for unit
/// data). A series with no demand forecasts 0. Point forecasts match statsforecast `ADIDA`.
/// Reference: Nikolopoulos, Syntetos, Boylan, Petropoulos & Assimakopoulos (2011), *An
/// aggregate–disaggregate intermittent demand approach (ADIDA) to forecasting*, JORS 62(3).
public struct ADIDA: ForecastingMethod {
  /// Creates the method.
  public init() {}

  /// `"ADIDA"`.
  public var name: String { "ADIDA" }

  /// Fits in O(n) (about 60 passes over the buckets). Needs one observation; negative values
  /// are not applicable.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try fitADIDA(series)
  }

  /// The concrete fitted model.
  public func fitADIDA(_ series: [Double]) throws -> FittedIntermittentDemand {
    try IntermittentChecks.validate(series, method: name)
    guard series.contains(where: { $0 != 0 }) else {
      return IntermittentChecks.noDemand(name: name, series: series)
    }
    let level = IntermittentSmoothing.aggregationLevel(series)
    let bucket = IntermittentSmoothing.bucketForecast(series, level: level)
    let k = Double(level)
    return FittedIntermittentDemand(
      name: name, series: series,
      fitted: IntermittentSmoothing.bucketFittedRates(series, level: level, alpha: bucket.alpha),
      rate: bucket.demand / k, probability: bucket.occurrences / k)
  }
}
