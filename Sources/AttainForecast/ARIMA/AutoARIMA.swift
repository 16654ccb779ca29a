/// Placeholder, replaced by the stepwise search.
public struct AutoARIMA: ForecastingMethod {
  public var name: String { "AutoARIMA" }
  public init() {}
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try ARIMA(order: ARIMAOrder(p: 0, d: 1, q: 1)).fit(series, seasonLength: seasonLength)
  }
}
