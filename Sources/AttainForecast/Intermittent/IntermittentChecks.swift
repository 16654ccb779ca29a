/// Input checks of the intermittent-demand models.
enum IntermittentChecks {
  /// Throws for non-finite values, an empty series, or a negative value (demand models describe
  /// quantities sold, ≥ 0; a series with returns falls back to another model).
  static func validate(_ series: [Double], method: String) throws {
    try SeriesChecks.validate(series, method: method, minimum: 1)
    if series.contains(where: { $0 < 0 }) {
      throw ForecastError.notApplicable(method: method, reason: "the series has negative values")
    }
  }

  /// A series with no demand: rate 0, fitted 0, every path 0.
  static func noDemand(name: String, series: [Double]) -> FittedIntermittentDemand {
    FittedIntermittentDemand(
      name: name, series: series, fitted: [Double](repeating: 0, count: series.count), rate: 0,
      probability: 0)
  }
}
