/// Damped additive trend exponential smoothing (Gardner & McKenzie 1985), fitted by least
/// squares, applied to the M3-deseasonalised series like `Theta` (see `SeasonallyAdjusted`).
///
/// One-step forecast ℓₜ₋₁ + φbₜ₋₁, error eₜ; ℓₜ = ℓₜ₋₁ + φbₜ₋₁ + αeₜ, bₜ = φbₜ₋₁ + βeₜ;
/// ŷₙ₊ₕ = ℓₙ + (φ + … + φʰ)bₙ. This is ETS(A,Ad,N) in Hyndman et al. (2008); with additive errors
/// the likelihood is maximised by least squares. For fixed (α, β, φ) the errors are affine in the
/// initial state (ℓ₀, b₀), which is solved exactly; α ∈ [1e-4, 0.9999], β ∈ [1e-4, α],
/// φ ∈ [0.8, 0.98] are searched on a grid refined by coordinate-wise golden sections.
/// Forecast variance σ²(1 + Σ_{j<h} (α + βφ(1 − φʲ)/(1 − φ))²), σ² = SSE/(n − 5); sample paths run
/// the state equations. Kept small on purpose as an `AutoForecast` member; AutoETS (the full
/// ETS family) can be combined in its place.
/// References: Gardner & McKenzie (1985), Management Science 31(10); Hyndman, Koehler, Ord &
/// Snyder (2008), *Forecasting with Exponential Smoothing*, Table 6.1 (class 1 variances).
public struct DampedTrend: ForecastingMethod {
  /// `"DampedTrend"`.
  public var name: String { "DampedTrend" }
  /// Creates the method.
  public init() {}
  /// Fits in O(n) per parameter evaluation (~300 evaluations). Needs 6 observations.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try SeasonallyAdjusted(DampedTrendCore(), name: name).fit(series, seasonLength: seasonLength)
  }
}

/// The damped trend fitted to the series as given.
struct DampedTrendCore: ForecastingMethod {
  var name: String { "DampedTrend" }

  /// SSE and initial state for parameters p = (α, β, φ).
  static func profile(_ y: [Double], _ alpha: Double, _ beta: Double, _ phi: Double) -> (
    sse: Double, level0: Double, trend0: Double
  ) {
    // Three linear runs: data with zero initial state, and unit initial level / trend with zero data.
    var l = 0.0
    var b = 0.0  // data run
    var l1 = 1.0
    var b1 = 0.0  // response to ℓ₀ = 1
    var l2 = 0.0
    var b2 = 1.0  // response to b₀ = 1
    var srr = 0.0
    var sr1 = 0.0
    var sr2 = 0.0
    var s11 = 0.0
    var s12 = 0.0
    var s22 = 0.0
    for v in y {
      let r = v - (l + phi * b)
      let c1 = l1 + phi * b1  // coefficient of ℓ₀ in the forecast
      let c2 = l2 + phi * b2
      srr += r * r
      sr1 += r * c1
      sr2 += r * c2
      s11 += c1 * c1
      s12 += c1 * c2
      s22 += c2 * c2
      l = l + phi * b + alpha * r
      b = phi * b + beta * r
      // Homogeneous runs: the error is −c, so the states update with −α·c, −β·c.
      l1 = l1 + phi * b1 - alpha * c1
      b1 = phi * b1 - beta * c1
      l2 = l2 + phi * b2 - alpha * c2
      b2 = phi * b2 - beta * c2
    }
    let ridge = 1e-10 * (s11 + s22) + 1e-300
    let det = (s11 + ridge) * (s22 + ridge) - s12 * s12
    guard det > 0 else { return (.infinity, 0, 0) }
    let level0 = (sr1 * (s22 + ridge) - sr2 * s12) / det
    let trend0 = ((s11 + ridge) * sr2 - s12 * sr1) / det
    let sse = srr - level0 * sr1 - trend0 * sr2
    return (sse.isFinite ? max(sse, 0) : .infinity, level0, trend0)
  }

  func fit(_ y: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try SeriesChecks.validate(y, method: name, minimum: 6)
    func objective(_ a: Double, _ bFraction: Double, _ phi: Double) -> Double {
      Self.profile(y, a, max(1e-4, bFraction * a), phi).sse
    }
    // Grid, then two rounds of coordinate-wise golden sections. β is searched as a fraction of α.
    var best = (a: 0.5, f: 0.1, phi: 0.9, value: Double.infinity)
    for a in [0.05, 0.15, 0.3, 0.5, 0.7, 0.9, 0.9999] {
      for f in [0.0, 0.05, 0.2, 0.5, 1.0] {
        for phi in [0.8, 0.9, 0.98] {
          let v = objective(a, f, phi)
          if v < best.value { best = (a, f, phi, v) }
        }
      }
    }
    for _ in 0..<2 {
      let fa = best.f
      let p = best.phi
      best.a =
        ScalarMinimizer.minimize(lower: 1e-4, upper: 0.9999, gridPoints: 9, tolerance: 1e-5) {
          objective($0, fa, p)
        }.x
      let a = best.a
      best.f =
        ScalarMinimizer.minimize(lower: 0, upper: 1, gridPoints: 9, tolerance: 1e-5) {
          objective(a, $0, p)
        }.x
      let f = best.f
      best.phi =
        ScalarMinimizer.minimize(lower: 0.8, upper: 0.98, gridPoints: 7, tolerance: 1e-5) {
          objective(a, f, $0)
        }.x
    }
    let alpha = best.a
    let beta = max(1e-4, best.f * alpha)
    let phi = best.phi
    let solution = Self.profile(y, alpha, beta, phi)
    var level = solution.level0
    var trend = solution.trend0
    var fitted = [Double](repeating: 0, count: y.count)
    for t in y.indices {
      fitted[t] = level + phi * trend
      let e = y[t] - fitted[t]
      level = level + phi * trend + alpha * e
      trend = phi * trend + beta * e
    }
    let residuals = zip(y, fitted).map { $0 - $1 }
    let sse = residuals.reduce(0) { $0 + $1 * $1 }
    return FittedDampedTrend(
      name: name, fittedValues: fitted, residuals: residuals, alpha: alpha, beta: beta, phi: phi,
      level: level,
      trend: trend, sigma: (sse / Double(max(y.count - 5, 1))).squareRoot())
  }
}

/// A fitted damped trend model (see `DampedTrend`).
public struct FittedDampedTrend: FittedForecaster {
  /// Output name.
  public let name: String
  /// One-step in-sample forecasts.
  public let fittedValues: [Double]
  /// y − fitted.
  public let residuals: [Double]
  /// Level smoothing α.
  public let alpha: Double
  /// Trend smoothing β.
  public let beta: Double
  /// Damping φ.
  public let phi: Double
  /// Final level ℓₙ.
  public let level: Double
  /// Final trend bₙ.
  public let trend: Double
  /// Residual standard deviation σ.
  public let sigma: Double

  /// ℓₙ + (φ + … + φʰ)bₙ.
  public func pointForecast(horizon: Int) -> [Double] {
    var out = [Double](repeating: 0, count: max(horizon, 0))
    var damp = 0.0
    var power = 1.0
    for h in 0..<out.count {
      power *= phi
      damp += power
      out[h] = level + damp * trend
    }
    return out
  }

  /// Normal intervals with variance σ²(1 + Σ_{j<h} cⱼ²), cⱼ = α + βφ(1 − φʲ)/(1 − φ).
  public func forecast(horizon: Int, levels: [Double]) -> Forecast {
    let mean = pointForecast(horizon: horizon)
    var sd = [Double](repeating: 0, count: mean.count)
    var sum = 0.0
    var power = 1.0
    for h in 0..<mean.count {
      if h > 0 {
        power *= phi
        let c = alpha + beta * phi * (1 - power) / (1 - phi)
        sum += c * c
      }
      sd[h] = sigma * (1 + sum).squareRoot()
    }
    return Forecast(normalMean: mean, standardDeviation: sd, levels: levels)
  }

  /// No scratch.
  public var scratchCount: Int { 0 }

  /// Runs the state equations with errors σ·shock. - Complexity: O(path.count), no allocation.
  public func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    var l = level
    var b = trend
    for t in 0..<min(path.count, shocks.count) {
      let e = sigma * shocks[t]
      path[t] = l + phi * b + e
      l = l + phi * b + alpha * e
      b = phi * b + beta * e
    }
  }
}
