/// The standard Theta method of the M3 competition.
///
/// If the series is seasonal by the M3 90 % autocorrelation test it is deseasonalised with
/// classical multiplicative indices (see `SeasonallyAdjusted`). The adjusted series x is then
/// forecast by simple exponential smoothing with drift half the least-squares slope b of x on
/// time (Hyndman & Billah 2003):
///
///   ŷₙ₊ₕ = ℓₙ + (b/2)·(h − 1 + (1 − (1 − α)ⁿ)/α),
///
/// with α and ℓ₀ of SES fitted by least squares. Errors follow SES: sdₕ = σ√(1 + (h − 1)α²),
/// σ² = SSE/(n − 2); intervals and sample paths are multiplied by the seasonal index (R's
/// `thetaf` leaves its standard errors unseasonalised; point forecasts agree with it).
/// References: Assimakopoulos & Nikolopoulos (2000), IJF 16(4) 521–530; Hyndman & Billah (2003),
/// IJF 19(2) 287–290; R `forecast::thetaf`.
public struct Theta: ForecastingMethod {
  /// `"Theta"`.
  public var name: String { "Theta" }
  /// Creates the method.
  public init() {}
  /// Fits in O(n·m) plus the SES search (~70 passes over the series). Needs 3 observations.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try SeasonallyAdjusted(SimpleExponentialSmoothingWithDrift(driftFactor: 0.5), name: name)
      .fit(series, seasonLength: seasonLength)
  }
}

/// Simple exponential smoothing plus `driftFactor` times the least-squares slope of the series
/// on time, extrapolated as in the Theta method (`Theta` uses factor ½; factor 0 is plain SES).
/// Applied to the series as given (no seasonal adjustment).
public struct SimpleExponentialSmoothingWithDrift: ForecastingMethod {
  /// Multiplier of the OLS slope (½ for Theta).
  public var driftFactor: Double
  /// `"SES"` for factor 0, `"SESDrift"` otherwise.
  public var name: String { driftFactor == 0 ? "SES" : "SESDrift" }
  /// Creates the method.
  public init(driftFactor: Double) { self.driftFactor = driftFactor }

  /// Fits in O(n) per SES evaluation. Needs 3 observations.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try SeriesChecks.validate(series, method: name, minimum: 3)
    let n = series.count
    let ses = ExponentialSmoothingCore.fit(series)
    // OLS slope of y on t = 0…n−1.
    let tMean = Double(n - 1) / 2
    let yMean = series.reduce(0, +) / Double(n)
    var sxy = 0.0
    var sxx = 0.0
    for t in 0..<n {
      let dt = Double(t) - tMean
      sxy += dt * (series[t] - yMean)
      sxx += dt * dt
    }
    let drift = driftFactor * sxy / sxx
    let alpha = max(ses.alpha, 1e-10)
    // In-sample one-step forecasts from origin t use the same drift term with t observations.
    var fitted = ses.fittedValues
    for t in 1..<n { fitted[t] += drift * (1 - pow(1 - alpha, Double(t))) / alpha }
    let residuals = zip(series, fitted).map { $0 - $1 }
    let sigma = (ses.sse / Double(max(n - 2, 1))).squareRoot()
    return FittedSESWithDrift(
      name: name, fittedValues: fitted, residuals: residuals, alpha: alpha,
      lastLevel: ses.lastLevel,
      drift: drift, sigma: sigma, count: n)
  }
}

/// A fitted SES-with-drift model (see `Theta`).
public struct FittedSESWithDrift: GaussianForecaster {
  /// Output name.
  public let name: String
  /// One-step in-sample forecasts.
  public let fittedValues: [Double]
  /// y − fitted.
  public let residuals: [Double]
  /// SES smoothing parameter α.
  public let alpha: Double
  /// Final SES level ℓₙ.
  public let lastLevel: Double
  /// The drift (b/2 for Theta) per period.
  public let drift: Double
  /// SES residual standard deviation σ.
  public let sigma: Double
  /// Number of training observations n.
  public let count: Int
  /// The one-step forecast ℓₙ + drift·(1 − (1 − α)ⁿ)/α, precomputed for allocation-free paths.
  let levelAtFirstStep: Double

  init(
    name: String, fittedValues: [Double], residuals: [Double], alpha: Double, lastLevel: Double,
    drift: Double, sigma: Double, count: Int
  ) {
    self.name = name
    self.fittedValues = fittedValues
    self.residuals = residuals
    self.alpha = alpha
    self.lastLevel = lastLevel
    self.drift = drift
    self.sigma = sigma
    self.count = count
    self.levelAtFirstStep = lastLevel + drift * (1 - pow(1 - alpha, Double(count))) / alpha
  }

  /// ℓₙ + drift·(h − 1 + (1 − (1 − α)ⁿ)/α).
  public func mean(step h: Int) -> Double { levelAtFirstStep + drift * Double(h - 1) }

  /// σ√(1 + (h − 1)α²).
  public func standardDeviation(step h: Int) -> Double {
    sigma * (1 + Double(h - 1) * alpha * alpha).squareRoot()
  }
  /// SES errors.
  public var errorCorrelation: ErrorCorrelation { .exponentialSmoothing(alpha: alpha) }
}
