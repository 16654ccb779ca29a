/// A model fitted to `series / scale`, reporting everything back in the units of `series`.
///
/// Every model of the catalog is scale-equivariant (fitting `c·y` gives `c·` the forecasts,
/// intervals and paths of fitting `y`), so fitting a rescaled series changes nothing but the
/// floating-point range: series near 1e300 would overflow to infinity in sums of squares
/// (variances, SSE, likelihoods) and series near 1e-300 would underflow to zero. Results are
/// clamped to ±`Double.greatestFiniteMagnitude` so a forecast never becomes infinite.
/// Used by `BatchForecaster` for series whose largest |value| is outside 1e-100…1e100.
struct ScaledForecaster: FittedForecaster {
  /// The model fitted to the rescaled series.
  let base: any FittedForecaster
  /// The factor the series was divided by (its largest absolute value).
  let scale: Double

  /// The fitted `method` on `series / scale`, or `series` itself when its range is ordinary.
  static func fit(
    _ method: any ForecastingMethod, _ series: [Double], seasonLength: Int
  ) throws -> any FittedForecaster {
    let scale = series.reduce(0) { max($0, abs($1)) }
    guard scale.isFinite, scale > 0, scale > 1e100 || scale < 1e-100 else {
      return try method.fit(series, seasonLength: seasonLength)
    }
    let model = try method.fit(series.map { $0 / scale }, seasonLength: seasonLength)
    return ScaledForecaster(base: model, scale: scale)
  }

  var name: String { base.name }
  var fittedValues: [Double] { base.fittedValues.map(unscaled) }
  var residuals: [Double] { base.residuals.map(unscaled) }
  var scratchCount: Int { base.scratchCount }

  func pointForecast(horizon: Int) -> [Double] { base.pointForecast(horizon: horizon).map(unscaled) }

  func forecast(horizon: Int, levels: [Double]) -> Forecast {
    let f = base.forecast(horizon: horizon, levels: levels)
    return Forecast(
      mean: f.mean.map(unscaled), levels: f.levels, lower: f.lower.map { $0.map(unscaled) },
      upper: f.upper.map { $0.map(unscaled) })
  }

  func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    base.samplePath(shocks: shocks, into: path, scratch: scratch)
    for t in path.indices { path[t] = unscaled(path[t]) }
  }

  /// `x · scale`, clamped to the finite range (NaN stays NaN so callers still see it).
  @inline(__always)
  private func unscaled(_ x: Double) -> Double {
    min(max(x * scale, -Double.greatestFiniteMagnitude), Double.greatestFiniteMagnitude)
  }
}
