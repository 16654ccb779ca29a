/// A method applied to classically deseasonalised data and reseasonalised afterwards: the
/// M3 recipe behind Naive2 and Theta.
///
/// Fitting: when `period` ≥ 2 and the M3 90 % autocorrelation test says the series is
/// seasonal, the series is divided by multiplicative classical-decomposition indices, `base`
/// is fitted to the adjusted series, and forecasts, interval bounds and sample paths are
/// multiplied by the index of their season. Otherwise `base` is fitted to the raw series.
/// Series with non-positive values are never adjusted (multiplicative indices need y > 0).
public struct SeasonallyAdjusted<Base: ForecastingMethod>: ForecastingMethod {
  /// The method fitted to the adjusted series.
  public var base: Base
  /// The output name.
  public var name: String

  /// Wraps `base`, naming the result `name` (defaults to the base name).
  public init(_ base: Base, name: String? = nil) {
    self.base = base
    self.name = name ?? base.name
  }

  /// Fits as described on the type. - Complexity: O(n·m) plus the base fit.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try SeriesChecks.validate(series, method: name, minimum: 1)
    if seasonLength >= 2, series.allSatisfy({ $0 > 0 }),
      SeasonalDecomposition.isSeasonal(series, period: seasonLength),
      let indices = SeasonalDecomposition.multiplicativeIndices(series, period: seasonLength)
    {
      var adjusted = series
      for t in adjusted.indices { adjusted[t] /= indices[t % seasonLength] }
      let inner = try base.fit(adjusted, seasonLength: 1)
      return ReseasonalizedForecaster(
        name: name, inner: inner, indices: indices, origin: series.count, series: series)
    }
    let inner = try base.fit(series, seasonLength: 1)
    return RenamedForecaster(name: name, inner: inner)
  }
}

/// A fitted model whose output is multiplied by seasonal indices (see `SeasonallyAdjusted`).
public struct ReseasonalizedForecaster: FittedForecaster {
  /// The output name.
  public let name: String
  /// The model fitted to the seasonally adjusted series.
  public let inner: any FittedForecaster
  /// Multiplicative indices; observation t (0-based) has index `indices[t % m]`.
  public let indices: [Double]
  /// Number of training observations (the forecast origin).
  public let origin: Int
  /// Reseasonalised fitted values.
  public let fittedValues: [Double]
  /// `y − fittedValues`.
  public let residuals: [Double]

  init(name: String, inner: any FittedForecaster, indices: [Double], origin: Int, series: [Double])
  {
    self.name = name
    self.inner = inner
    self.indices = indices
    self.origin = origin
    let m = indices.count
    let fitted = inner.fittedValues.enumerated().map { $0.element * indices[$0.offset % m] }
    self.fittedValues = fitted
    self.residuals = zip(series, fitted).map { $0 - $1 }
  }

  @inline(__always) func index(step h: Int) -> Double { indices[(origin + h - 1) % indices.count] }

  /// Inner point forecasts times the seasonal index of each step.
  public func pointForecast(horizon: Int) -> [Double] {
    inner.pointForecast(horizon: horizon).enumerated().map {
      $0.element * index(step: $0.offset + 1)
    }
  }

  /// Inner forecast with mean and bounds multiplied by the (positive) seasonal index.
  public func forecast(horizon: Int, levels: [Double]) -> Forecast {
    var f = inner.forecast(horizon: horizon, levels: levels)
    for t in f.mean.indices {
      let s = index(step: t + 1)
      f.mean[t] *= s
      for k in f.levels.indices {
        f.lower[k][t] *= s
        f.upper[k][t] *= s
      }
    }
    return f
  }

  /// Scratch of the inner model.
  public var scratchCount: Int { inner.scratchCount }

  /// An inner path times the seasonal indices. - Complexity: O(path.count), no allocation.
  public func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    inner.samplePath(shocks: shocks, into: path, scratch: scratch)
    for t in 0..<path.count { path[t] *= index(step: t + 1) }
  }
}

/// A fitted model reported under another name (e.g. `Naive2` when no adjustment was needed).
public struct RenamedForecaster: FittedForecaster {
  /// The output name.
  public let name: String
  /// The fitted model.
  public let inner: any FittedForecaster
  /// Creates a renamed view of `inner`.
  public init(name: String, inner: any FittedForecaster) {
    self.name = name
    self.inner = inner
  }
  /// Fitted values of `inner`.
  public var fittedValues: [Double] { inner.fittedValues }
  /// Residuals of `inner`.
  public var residuals: [Double] { inner.residuals }
  /// Point forecasts of `inner`.
  public func pointForecast(horizon: Int) -> [Double] { inner.pointForecast(horizon: horizon) }
  /// Forecast of `inner`.
  public func forecast(horizon: Int, levels: [Double]) -> Forecast {
    inner.forecast(horizon: horizon, levels: levels)
  }
  /// Scratch of `inner`.
  public var scratchCount: Int { inner.scratchCount }
  /// Paths of `inner`.
  public func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) { inner.samplePath(shocks: shocks, into: path, scratch: scratch) }
}
