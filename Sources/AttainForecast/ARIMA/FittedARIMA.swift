import Foundation

/// A fitted seasonal ARIMA model: coefficients, information criteria, and its forecast
/// distribution from the Kalman filter's final state.
///
/// Point forecasts and variances follow R's `predict.Arima`: the state (ARMA block plus lagged
/// levels) is propagated by its transition T with covariance Pₜ₊₁ = T Pₜ Tᵀ + R Rᵀ, the
/// forecast is Zᵀaₜ plus the intercept or drift, its variance σ²·ZᵀPₜZ. σ² is forecast's
/// `Σ eₜ² / (n − d − mD − k)` over the standardized innovations (k = estimated coefficients),
/// the value `forecast::Arima` reports. Intervals are normal. Sample paths accumulate the
/// shocks through the ψ-weights of the integrated ARMA filter, scaled so each step has exactly
/// the analytic marginal distribution.
public struct FittedARIMA: FittedForecaster {
  /// Output column name.
  public let name: String
  /// The orders and season length m.
  public let order: ARIMAOrder
  /// The season length m used for the seasonal lags.
  public let period: Int
  /// Coefficients in R's order: ar₁…, ma₁…, sar₁…, sma₁…, then `intercept` or `drift`.
  public let coefficients: [Double]
  /// Whether the model has an intercept (d + D = 0) or a drift (d + D = 1).
  public let hasIntercept: Bool
  /// See `hasIntercept`.
  public let hasDrift: Bool
  /// Innovation variance σ² used for intervals (units of the series squared).
  public let sigma2: Double
  /// Exact log-likelihood.
  public let logLikelihood: Double
  /// Akaike information criterion −2 log L + 2(k + 1).
  public let aic: Double
  /// AIC corrected for small samples: AIC + 2(k+1)(k+2)/(n − d − mD − k − 2).
  public let aicc: Double
  /// Schwarz criterion AIC + (k + 1)(log(n − d − mD) − 2).
  public let bic: Double
  /// y − fitted (the Kalman one-step innovations, unstandardized in the series' units).
  public let residuals: [Double]
  /// One-step-ahead in-sample forecasts.
  public let fittedValues: [Double]

  // Forecast state.
  let phi: [Double]
  let theta: [Double]
  let delta: [Double]
  let r: Int
  let finalState: [Double]
  let finalCovariance: [Double]
  /// Coefficients of φ(B)·Δ(B) = 1 − Σ φ*ᵢ Bⁱ, for the ψ-weights of sample paths.
  let integratedAR: [Double]
  /// Training length n (drift continues at n + h).
  let count: Int

  init(estimate e: ARIMAEstimate, series y: [Double], name: String) {
    self.name = name
    order = e.order
    period = e.period
    coefficients = e.coefficients
    hasIntercept = e.hasIntercept
    hasDrift = e.hasDrift
    let n = y.count
    count = n
    let k = e.estimatedCount + 1
    let nstar = Double(n - e.order.d - e.period * e.order.seasonalD)
    var sumSquares = 0.0
    for v in e.residuals where !v.isNaN { sumSquares += v * v }
    sigma2 = sumSquares / (nstar - Double(k) + 1)
    logLikelihood = e.logLikelihood
    let aicValue = e.aic ?? .nan
    aic = aicValue
    aicc = aicValue + 2 * Double(k) * Double(k + 1) / (nstar - Double(k) - 1)
    bic = aicValue + Double(k) * (log(nstar) - 2)
    let ss = e.stateSpace
    phi = ss.map { Array($0.phi.prefix($0.arCount)) } ?? []
    theta = ss.map { Array($0.theta.prefix($0.r - 1)) } ?? []
    delta = ss.map { Array($0.delta.prefix($0.differenceCount)) } ?? []
    r = ss?.r ?? 1
    let rd = r + delta.count
    finalState = ss.map { Array($0.a.prefix(rd)) } ?? [Double](repeating: 0, count: rd)
    finalCovariance = ss.map { Array($0.P.prefix(rd * rd)) } ?? [Double](repeating: 0, count: rd * rd)
    // φ(B)Δ(B): both as 1 − Σ c Bⁱ.
    var a = [1.0] + phi.map { -$0 }
    let b = [1.0] + delta.map { -$0 }
    var prod = [Double](repeating: 0, count: a.count + b.count - 1)
    for i in 0..<a.count { for j in 0..<b.count { prod[i + j] += a[i] * b[j] } }
    a = prod
    integratedAR = a.dropFirst().map { -$0 }
    // Fitted values: y − unstandardized innovation. R's `fitted` is y − residuals where the
    // residuals are the standardized innovations, which is what forecast reports; we follow it.
    residuals = e.residuals
    fittedValues = zip(y, e.residuals).map { $0 - $1 }
  }

  var stateSize: Int { r + delta.count }

  /// The regression part at step h ahead (intercept, or drift·(n + h)).
  @inline(__always)
  func regression(step h: Int) -> Double {
    let narma = order.p + order.q + order.seasonalP + order.seasonalQ
    if hasIntercept { return coefficients[narma] }
    if hasDrift { return coefficients[narma] * Double(count + h) }
    return 0
  }

  /// out = T x for the ARIMA transition (structured, O(r + d)).
  @inline(__always)
  func transition(
    _ x: UnsafePointer<Double>, stride: Int, into out: UnsafeMutablePointer<Double>, outStride: Int
  ) {
    let p = phi.count
    let d = delta.count
    let x0 = x[0]
    for i in 0..<r {
      var v = i < r - 1 ? x[(i + 1) * stride] : 0
      if i < p { v += phi[i] * x0 }
      out[i * outStride] = v
    }
    if d > 0 {
      var v = x0
      for k in 0..<d { v += delta[k] * x[(r + k) * stride] }
      out[r * outStride] = v
      var i = r + 1
      while i < r + d {
        out[i * outStride] = x[(i - 1) * stride]
        i += 1
      }
    }
  }

  /// Scratch doubles for `propagate`: state, covariance and a temporary of rd + 2rd².
  var forecastScratchCount: Int { 2 * stateSize + 2 * stateSize * stateSize }

  /// Runs the forecast recursion for `horizon` steps, calling `body(h, mean, variance/σ²)`.
  /// - Complexity: O(h·rd²·(p + d)), no allocation beyond `scratch`.
  func propagate(
    horizon: Int, scratch: UnsafeMutablePointer<Double>, _ body: (Int, Double, Double) -> Void
  ) {
    let rd = stateSize
    let state = scratch
    let next = scratch + rd
    let cov = scratch + 2 * rd
    let tmp = cov + rd * rd
    for i in 0..<rd { state[i] = finalState[i] }
    for i in 0..<(rd * rd) { cov[i] = finalCovariance[i] }
    let d = delta.count
    for h in 1...max(horizon, 1) where h <= horizon {
      transition(state, stride: 1, into: next, outStride: 1)
      var mean = next[0]
      for k in 0..<d { mean += delta[k] * next[r + k] }
      for i in 0..<rd { state[i] = next[i] }
      // tmp = (T P)ᵀ: row j of tmp is T applied to column j of P.
      for j in 0..<rd { transition(cov + rd * j, stride: 1, into: tmp + j, outStride: rd) }
      // cov = T tmp + R Rᵀ
      for j in 0..<rd { transition(tmp + rd * j, stride: 1, into: cov + rd * j, outStride: 1) }
      for j in 0..<r {
        let rj = j == 0 ? 1 : theta[j - 1]
        for i in 0..<r { cov[i + rd * j] += (i == 0 ? 1 : theta[i - 1]) * rj }
      }
      // Zᵀ cov Z, Z = (1, 0…, δ).
      var v = 0.0
      for j in 0..<rd {
        let zj = j == 0 ? 1 : (j >= r ? delta[j - r] : 0)
        if zj == 0 { continue }
        for i in 0..<rd {
          let zi = i == 0 ? 1 : (i >= r ? delta[i - r] : 0)
          if zi != 0 { v += zi * zj * cov[i + rd * j] }
        }
      }
      body(h, mean + regression(step: h), v)
    }
  }

  /// Point forecasts 1…horizon. - Complexity: see `propagate`.
  public func pointForecast(horizon: Int) -> [Double] {
    forecastMoments(horizon: horizon).mean
  }

  func forecastMoments(horizon: Int) -> (mean: [Double], sd: [Double]) {
    var means: [Double] = []
    var sds: [Double] = []
    means.reserveCapacity(max(horizon, 0))
    sds.reserveCapacity(max(horizon, 0))
    let s2 = sigma2
    withUnsafeTemporaryAllocation(of: Double.self, capacity: forecastScratchCount) { buffer in
      guard let base = buffer.baseAddress else { return }
      propagate(horizon: horizon, scratch: base) { _, mean, variance in
        means.append(mean)
        sds.append((max(variance, 0) * s2).squareRoot())
      }
    }
    return (means, sds)
  }

  /// Normal intervals mean ± z·σ√(ZᵀPZ).
  public func forecast(horizon: Int, levels: [Double]) -> Forecast {
    let m = forecastMoments(horizon: max(horizon, 0))
    return Forecast(normalMean: m.mean, standardDeviation: m.sd, levels: levels)
  }

  /// Forecast scratch plus the ψ-weight history.
  public var scratchCount: Int { forecastScratchCount + integratedAR.count + 1 }

  /// path[h] = mean(h) + sd(h)·uₕ/√Var(uₕ), where uₜ = Σφ*ᵢuₜ₋ᵢ + εₜ + Σθⱼεₜ₋ⱼ runs the
  /// integrated ARMA filter over the shocks from zero pre-sample values and Var(uₕ) = Σ_{j<h}ψⱼ².
  /// - Complexity: O(h·(rd²(p + d) + p* + q)), no allocation.
  public func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let count = min(path.count, shocks.count)
    guard count > 0, let base = scratch.baseAddress else { return }
    let ar = integratedAR
    let pa = ar.count
    let q = theta.count
    // Pass 1: u into path.
    for t in 0..<count {
      var u = shocks[t]
      var j = 1
      while j <= q && j <= t {
        u += theta[j - 1] * shocks[t - j]
        j += 1
      }
      var i = 1
      while i <= pa && i <= t {
        u += ar[i - 1] * path[t - i]
        i += 1
      }
      path[t] = u
    }
    // Pass 2: ψ-weights (ring of the last pa values) and the scaling to the analytic moments.
    let psi = base + forecastScratchCount
    let ring = pa + 1
    var variance = 0.0
    propagate(horizon: count, scratch: base) { h, mean, v in
      let k = h - 1
      var w = k == 0 ? 1 : (k <= q ? theta[k - 1] : 0)
      var i = 1
      while i <= pa && i <= k {
        w += ar[i - 1] * psi[(k - i) % ring]
        i += 1
      }
      psi[k % ring] = w
      variance += w * w
      let sd = (max(v, 0) * sigma2).squareRoot()
      path[k] = mean + sd * path[k] / variance.squareRoot()
    }
  }
}
