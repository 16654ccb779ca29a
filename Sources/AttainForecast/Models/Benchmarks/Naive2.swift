/// The M3 benchmark Naive2: the naive forecast of the classically (multiplicatively)
/// deseasonalised series, reseasonalised, when the 90 % autocorrelation test says the series
/// is seasonal; plain `Naive` otherwise.
///
/// Reference: Makridakis & Hibon (2000), *The M3-Competition*, IJF 16(4); the test as in
/// `SeasonalDecomposition.isSeasonal`.
public struct Naive2: ForecastingMethod {
  /// `"Naive2"`.
  public var name: String { "Naive2" }
  /// Creates the method.
  public init() {}
  /// Fits in O(n·m).
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try SeasonallyAdjusted(Naive(), name: name).fit(series, seasonLength: seasonLength)
  }
}
