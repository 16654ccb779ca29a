#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fitted ETS model: its form, parameters, states and in-sample statistics, with point
/// forecasts, prediction intervals and sample paths of its future.
///
/// Statistics follow R forecast's `ets`: `logLikelihood = −½ (n log Σε² + 2 Σ log|μ_t|)` (the
/// Gaussian likelihood concentrated over σ² without constant terms; the last sum only for
/// multiplicative errors), `aic = −2 logL + 2k`, `aicc = aic + 2k(k+1)/(n−k−1)`,
/// `bic = −2 logL + k log n`, with k = estimated parameters + estimated initial states + 1, and
/// `sigma2 = Σε² / (n − p)` with p = smoothing parameters + free initial states.
/// Reference: Hyndman et al. (2008), *Forecasting with Exponential Smoothing*, ch. 5–6.
public struct FittedETS: FittedForecaster, Sendable {
  /// Output column name (e.g. `"AutoETS"`).
  public let name: String
  /// The model form, e.g. ETS(M,Ad,M).
  public let form: ETSForm
  /// Seasonal period used by the model (1 without season).
  public let seasonLength: Int
  /// Smoothing parameters (β = 0, γ = 0, φ = 1 where the component is absent).
  public let parameters: ETSParameters
  /// Initial states in R's layout `[ℓ0, b0?, s_0 … s_{m−1}]` (s_0 the newest seasonal index).
  public let initialState: [Double]
  /// States after the last observation, same layout.
  public let finalState: [Double]
  /// One-step-ahead fitted values μ_t.
  public let fittedValues: [Double]
  /// `y − fitted`, units of the series.
  public let residuals: [Double]
  /// Model innovations ε_t: equal to `residuals` for additive errors, relative errors
  /// `(y − μ)/μ` for multiplicative errors.
  public let innovations: [Double]
  /// Log-likelihood without constants (R's `loglik`).
  public let logLikelihood: Double
  /// Akaike information criterion.
  public let aic: Double
  /// AIC corrected for small samples (the selection criterion of `AutoETS`).
  public let aicc: Double
  /// Bayesian information criterion.
  public let bic: Double
  /// Innovation variance estimate σ² (units² for additive, relative² for multiplicative errors).
  public let sigma2: Double
  /// Number of parameters k counted by the information criteria (including σ²).
  public let parameterCount: Int
  /// Number of observations the model was fitted to.
  public let observationCount: Int
  /// Nelder–Mead diagnostics (iterations 0 when nothing was estimated).
  public let optimizerIterations: Int

  init(
    name: String, series y: [Double], form: ETSForm, seasonLength m: Int, parameters: ETSParameters,
    initialState: [Double], estimatedCount: Int, smoothingParameterCount: Int,
    optimizer: NelderMeadResult?
  ) {
    self.name = name
    self.form = form
    self.seasonLength = m
    var p = parameters
    if !form.hasTrend { p.beta = 0 }
    if !form.hasSeason { p.gamma = 0 }
    if form.trend != .damped { p.phi = 1 }
    self.parameters = p
    self.initialState = initialState
    let recursion = ETSRecursion(form: form, m: m)
    var fitted: [Double] = []
    var innovations: [Double] = []
    var final: [Double] = []
    let (sse, logSum) = recursion.filter(
      y: y, parameters: p, initial: initialState, fitted: &fitted, innovations: &innovations,
      finalState: &final)
    let n = y.count
    self.fittedValues = fitted
    self.innovations = innovations
    self.residuals = (0..<n).map { y[$0] - fitted[$0] }
    self.finalState = final
    var criterion = Double(n) * log(sse)
    if form.error == .multiplicative { criterion += 2 * logSum }
    if criterion.isNaN { criterion = .infinity }
    criterion = max(criterion, -1e10)
    let k = estimatedCount + 1
    self.parameterCount = k
    self.observationCount = n
    self.logLikelihood = -0.5 * criterion
    self.aic = criterion + 2 * Double(k)
    self.bic = criterion + log(Double(n)) * Double(k)
    let denominator = Double(n - k - 1)
    self.aicc = denominator > 0 ? aic + 2 * Double(k) * Double(k + 1) / denominator : .infinity
    let smoothingInModel =
      1 + (form.hasTrend ? 1 : 0) + (form.hasSeason ? 1 : 0) + (form.trend == .damped ? 1 : 0)
    let freeStates = initialState.count - (form.hasSeason ? 1 : 0)
    let dof = n - smoothingInModel - freeStates
    self.sigma2 = dof > 0 ? sse / Double(dof) : sse / Double(max(n, 1))
    self.optimizerIterations = optimizer?.iterations ?? 0
  }

  /// ETS model class of Hyndman et al. (2008) ch. 6: 1 = linear homoscedastic (A,·,N/A),
  /// 2 = multiplicative error with additive season (M,·,N/A), 3 = (M,·,M).
  public var modelClass: Int {
    switch (form.error, form.season) {
    case (.additive, _): 1
    case (.multiplicative, .multiplicative): 3
    case (.multiplicative, _): 2
    }
  }

  // MARK: Point forecasts

  /// The point recursion μ_{n+h|n} = (ℓ + φ_h b) (+|×) s_{n+h−m(k+1)}, φ_h = φ + … + φ^h.
  /// - Complexity: O(h).
  public func pointRecursion(horizon h: Int) -> [Double] {
    guard h > 0 else { return [] }
    let level = finalState[0]
    let slope = form.hasTrend ? finalState[1] : 0
    let phi = parameters.phi
    let offset = form.hasTrend ? 2 : 1
    var out = [Double](repeating: 0, count: h)
    var phiSum = form.hasTrend ? phi : 0
    var phiPower = phi
    for i in 0..<h {
      var f = level + phiSum * slope
      if form.hasSeason {
        var j = seasonLength - 1 - i
        while j < 0 { j += seasonLength }
        let s = finalState[offset + j]
        f = form.season == .additive ? f + s : f * s
      }
      out[i] = f
      if form.hasTrend {
        phiPower *= phi
        phiSum += phiPower
      }
    }
    return out
  }

  /// Forecast means: the point recursion for classes 1–2 (where it is the mean) and the exact
  /// mean of Hyndman et al. (2008) §6.4 for class 3, as R forecast's `forecast.ets`.
  public func pointForecast(horizon: Int) -> [Double] {
    guard horizon > 0 else { return [] }
    if modelClass == 3 { return ETSForecastVariance.class3(self, horizon: horizon).mean }
    return pointRecursion(horizon: horizon)
  }

  /// Forecast variances at 1…h (analytic; Hyndman et al. 2008 ch. 6, R `class1/2/3`).
  public func forecastVariance(horizon: Int) -> [Double] {
    guard horizon > 0 else { return [] }
    switch modelClass {
    case 1: return ETSForecastVariance.class1(self, horizon: horizon)
    case 2: return ETSForecastVariance.class2(self, mean: pointRecursion(horizon: horizon))
    default: return ETSForecastVariance.class3(self, horizon: horizon).variance
    }
  }

  /// Means and central Gaussian intervals `mean ± z_{(1+L)/2} √var` at `levels` percent
  /// (R's `forecast.ets` with `simulate = FALSE`). Levels are sorted ascending.
  public func forecast(horizon: Int, levels: [Double]) -> Forecast {
    let sorted = levels.sorted()
    guard horizon > 0 else {
      return Forecast(
        mean: [], levels: sorted, lower: sorted.map { _ in [] }, upper: sorted.map { _ in [] })
    }
    let mean = pointForecast(horizon: horizon)
    let variance = forecastVariance(horizon: horizon)
    var lower: [[Double]] = []
    var upper: [[Double]] = []
    for level in sorted {
      let z = ETSNormal.quantile(0.5 + level / 200)
      lower.append((0..<horizon).map { mean[$0] - z * max(variance[$0], 0).squareRoot() })
      upper.append((0..<horizon).map { mean[$0] + z * max(variance[$0], 0).squareRoot() })
    }
    return Forecast(mean: mean, levels: sorted, lower: lower, upper: upper)
  }

  // MARK: Sample paths

  /// The seasonal ring: m doubles (1 without season).
  public var scratchCount: Int { max(seasonLength, 1) }

  /// Simulates the state equations forward: y = μ + σz (additive) or μ(1 + σz) (multiplicative)
  /// with z the given shocks and σ = √sigma2, then updates the states with y. Needs
  /// `scratchCount` doubles of scratch (the path is NaN otherwise).
  /// - Complexity: O(h); no allocation.
  public func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let h = min(path.count, shocks.count)
    let m = seasonLength
    let ring = scratch
    if form.hasSeason && scratch.count < m {
      // Not enough scratch for the seasonal states: no path can be drawn.
      for t in 0..<path.count { path[t] = .nan }
      return
    }
    let offset = form.hasTrend ? 2 : 1
    if form.hasSeason { for k in 0..<m { ring[k] = finalState[offset + m - 1 - k] } }
    var level = finalState[0]
    var slope = form.hasTrend ? finalState[1] : 0
    let sigma = max(sigma2, 0).squareRoot()
    let p = parameters
    let betaRatio = form.hasTrend ? p.beta / p.alpha : 0
    var j = 0
    for t in 0..<h {
      let phib = form.hasTrend ? p.phi * slope : 0
      let q = level + phib
      let s = form.hasSeason ? ring[j] : 0
      let mu: Double
      switch form.season {
      case .none: mu = q
      case .additive: mu = q + s
      case .multiplicative: mu = q * s
      }
      let e = sigma * shocks[t]
      let yt = form.error == .additive ? mu + e : mu * (1 + e)
      path[t] = yt
      let deseasonalised: Double
      switch form.season {
      case .none: deseasonalised = yt
      case .additive: deseasonalised = yt - s
      case .multiplicative: deseasonalised = abs(s) < 1e-10 ? 1e10 : yt / s
      }
      let newLevel = q + p.alpha * (deseasonalised - q)
      if form.hasTrend { slope = phib + betaRatio * (newLevel - level - phib) }
      if form.hasSeason {
        ring[j] = form.season.updatedState(s, observation: yt, levelForecast: q, gamma: p.gamma)
        j = j + 1 == m ? 0 : j + 1
      }
      level = newLevel
    }
  }
}
