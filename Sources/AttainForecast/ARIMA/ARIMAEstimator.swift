import Foundation

/// How the coefficients of an ARIMA model are estimated.
enum ARIMAEstimationMethod: Sendable {
  /// Conditional sum of squares for starting values, then exact maximum likelihood
  /// (R's default `"CSS-ML"`).
  case conditionalThenExact
  /// Conditional sum of squares only (R's `"CSS"`, used by the approximate search).
  case conditional
}

/// The result of estimating one ARIMA model, before it is wrapped as a `FittedARIMA`.
struct ARIMAEstimate {
  var order: ARIMAOrder
  var period: Int
  /// ar, ma, sar, sma, then intercept and/or drift (R's `coef` order).
  var coefficients: [Double]
  var hasIntercept: Bool
  var hasDrift: Bool
  /// ssq/n.used from the final filter (R's `stats::arima` σ²), or the CSS mean square.
  var innovationVariance: Double
  /// −2 log L + 2(k + 1) for the exact likelihood; nil for CSS fits.
  var aic: Double?
  /// Log-likelihood (exact, or the CSS-based value R reports).
  var logLikelihood: Double
  /// Standardized innovations (exact) or CSS residuals, one per observation.
  var residuals: [Double]
  /// Estimated parameter count (R's `sum(mask)`).
  var estimatedCount: Int
  /// The state space with the final filtered state (exact fits only).
  var stateSpace: ARIMAStateSpace?
  /// Number of observations n.
  var count: Int
}

/// Errors of ARIMA estimation (R stops with an error in the same situations).
enum ARIMAEstimationError: Error {
  case nonStationaryStart
  case nonFiniteObjective
  case tooFewObservations
}

/// Estimates ARIMA coefficients as R's `stats::arima` does: regression starting values and
/// scales for the mean or drift, CSS starting values, the partial-autocorrelation transform of
/// the AR parts, BFGS on the exact Gaussian likelihood from the Kalman filter, and the same
/// invertibility corrections, so that converged coefficients agree with R's.
/// Reference: R Core, `stats::arima` (Ripley 2002, *Time series in R 1.5.0*, R News 2(2)).
enum ARIMAEstimator {
  /// Estimates `order` on `y` with a mean (d + D = 0) or drift (d + D = 1) as asked.
  ///
  /// With `fast` (the automatic search), the model is fitted to the differenced series with the
  /// differenced regressor and the filter switches to its steady state when the state is known
  /// to 10⁻⁹: the likelihood of the differenced data, which R's diffuse prior (κ = 10⁶)
  /// approximates; criteria agree to ~10⁻⁶ and the chosen model is refitted exactly.
  static func estimate(
    _ y: [Double], order: ARIMAOrder, period: Int, includeMean: Bool, includeDrift: Bool,
    method: ARIMAEstimationMethod, fast: Bool = false
  ) throws -> ARIMAEstimate {
    let n = y.count
    let m = max(period, 1)
    let hasIntercept = includeMean && order.d + order.seasonalD == 0
    let hasDrift = includeDrift && !hasIntercept
    var regressor: [Double]? = nil
    if hasIntercept { regressor = [Double](repeating: 1, count: n) }
    if hasDrift { regressor = (1...max(n, 1)).map(Double.init) }
    guard fast, order.d + order.seasonalD > 0 else {
      var e = try core(y, order: order, period: m, regressor: regressor, method: method, steadyState: fast ? 1e-9 : nil)
      e.hasIntercept = hasIntercept
      e.hasDrift = hasDrift
      return e
    }
    func difference(_ v: [Double]) -> [Double] {
      var x = v
      for _ in 0..<order.d { x = x.count > 1 ? (1..<x.count).map { x[$0] - x[$0 - 1] } : [] }
      for _ in 0..<order.seasonalD { x = x.count > m ? (m..<x.count).map { x[$0] - x[$0 - m] } : [] }
      return x
    }
    var stationary = order
    stationary.d = 0
    stationary.seasonalD = 0
    var e = try core(
      difference(y), order: stationary, period: m, regressor: regressor.map(difference), method: method,
      steadyState: 1e-9)
    e.order = order
    e.hasIntercept = hasIntercept
    e.hasDrift = hasDrift
    e.count = n
    return e
  }

  /// The estimation proper, with an optional regressor column (its coefficient last).
  private static func core(
    _ y: [Double], order: ARIMAOrder, period: Int, regressor: [Double]?, method: ARIMAEstimationMethod,
    steadyState: Double?
  ) throws -> ARIMAEstimate {
    let n = y.count
    let m = max(period, 1)
    let p = order.p
    let q = order.q
    let sp = order.seasonalP
    let sq = order.seasonalQ
    let narma = p + q + sp + sq
    let differences = order.d + m * order.seasonalD
    let hasIntercept = false
    let hasDrift = false
    let nUsed = n - differences
    guard nUsed > 0 else { throw ARIMAEstimationError.tooFewObservations }

    var initial = [Double](repeating: 0, count: narma)
    var scale = [Double](repeating: 1, count: narma)
    if let z = regressor {
      // OLS of the differenced series on the differenced regressor, for a start and a scale.
      var dx = y
      var dz = z
      func difference(_ v: inout [Double], lag: Int) {
        guard v.count > lag else {
          v = []
          return
        }
        v = (lag..<v.count).map { v[$0] - v[$0 - lag] }
      }
      for _ in 0..<order.d {
        difference(&dx, lag: 1)
        difference(&dz, lag: 1)
      }
      for _ in 0..<order.seasonalD {
        difference(&dx, lag: m)
        difference(&dz, lag: m)
      }
      var szz = 0.0
      for v in dz { szz += v * v }
      if !(dx.count > 1 && szz > 0) {
        dx = y
        dz = z
        szz = z.reduce(0) { $0 + $1 * $1 }
      }
      var szx = 0.0
      for i in 0..<dx.count { szx += dz[i] * dx[i] }
      let beta = szx / szz
      var rss = 0.0
      for i in 0..<dx.count {
        let e = dx[i] - beta * dz[i]
        rss += e * e
      }
      let se = (rss / Double(max(dx.count - 1, 1)) / szz).squareRoot()
      initial.append(beta)
      scale.append(se > 0 ? 10 * se : 1)
    }
    let parameterCount = initial.count

    // Scratch for the objective functions.
    let arCount = p + m * sp
    let maCount = q + m * sq
    var phi = [Double](repeating: 0, count: arCount)
    var theta = [Double](repeating: 0, count: maCount)
    var work = [Double](repeating: 0, count: n)
    var cssResiduals = [Double](repeating: 0, count: n)
    var transformed = [Double](repeating: 0, count: parameterCount)
    let conditioning = differences + p + m * sp

    func loadResponse(_ params: [Double]) {
      if let z = regressor {
        let beta = params[narma]
        for i in 0..<n { work[i] = y[i] - beta * z[i] }
      } else {
        for i in 0..<n { work[i] = y[i] }
      }
    }
    func expand(_ params: [Double]) {
      params.withUnsafeBufferPointer { pp in
        phi.withUnsafeMutableBufferPointer { ph in
          theta.withUnsafeMutableBufferPointer { th in
            ARIMAPolynomials.expand(pp, order: order, period: m, phi: ph, theta: th)
          }
        }
      }
    }
    func cssObjective(_ params: [Double]) -> Double {
      expand(params)
      loadResponse(params)
      let ms = work.withUnsafeMutableBufferPointer { w in
        cssResiduals.withUnsafeMutableBufferPointer { r in
          phi.withUnsafeBufferPointer { ph in
            theta.withUnsafeBufferPointer { th in
              ConditionalSumOfSquares.meanSquare(
                work: w, residuals: r, order: order, period: m, phi: ph, theta: th,
                conditioning: conditioning)
            }
          }
        }
      }
      return 0.5 * log(ms)
    }

    let optimizer = BFGS()
    var start = initial
    if narma + (regressor == nil ? 0 : 1) > 0 {
      if let css = try optimizer.minimize(start: initial, scale: scale, cssObjective) {
        if method == .conditional {
          return finishConditional(
            y, css.point, css.value, order: order, period: m, hasIntercept: hasIntercept, hasDrift: hasDrift,
            nUsed: nUsed, cssObjective: cssObjective, residuals: { cssResiduals }, conditioning: conditioning,
            parameterCount: parameterCount)
        }
        if !css.hitIterationLimit { start = css.point }
      } else if method == .conditional {
        throw ARIMAEstimationError.nonFiniteObjective
      }
    } else if method == .conditional {
      let value = cssObjective(initial)
      return finishConditional(
        y, initial, value, order: order, period: m, hasIntercept: hasIntercept, hasDrift: hasDrift,
        nUsed: nUsed, cssObjective: cssObjective, residuals: { cssResiduals }, conditioning: conditioning,
        parameterCount: parameterCount)
    }
    if p > 0 && !ARIMAPolynomials.isStationary(start[0..<p]) {
      throw ARIMAEstimationError.nonStationaryStart
    }
    if sp > 0 && !ARIMAPolynomials.isStationary(start[(p + q)..<(p + q + sp)]) {
      throw ARIMAEstimationError.nonStationaryStart
    }
    // Exact likelihood on transformed AR parameters.
    ARIMAPolynomials.untransformAR(&start, order: order)
    if q > 0 {
      let inv = ARIMAPolynomials.invertMA(Array(start[p..<(p + q)]))
      for i in 0..<q { start[p + i] = inv[i] }
    }
    if sq > 0 {
      let o = p + q + sp
      let inv = ARIMAPolynomials.invertMA(Array(start[o..<(o + sq)]))
      for i in 0..<sq { start[o + i] = inv[i] }
    }
    let stateSpace = ARIMAStateSpace(order: order, period: m)
    func exactObjective(_ params: [Double]) -> Double {
      for i in 0..<parameterCount { transformed[i] = params[i] }
      ARIMAPolynomials.transformAR(&transformed, order: order)
      expand(transformed)
      phi.withUnsafeBufferPointer { ph in
        theta.withUnsafeBufferPointer { th in stateSpace.setCoefficients(phi: ph, theta: th) }
      }
      loadResponse(params)
      guard
        let sums = work.withUnsafeBufferPointer({ stateSpace.filter($0, steadyState: steadyState) })
      else { return Double.greatestFiniteMagnitude }
      let nu = Double(sums.used)
      return 0.5 * (log(sums.ssq / nu) + sums.sumLog / nu)
    }
    var coefficients = start
    var value: Double
    if parameterCount > 0 {
      guard let ml = try optimizer.minimize(start: start, scale: scale, exactObjective) else {
        throw ARIMAEstimationError.nonFiniteObjective
      }
      coefficients = ml.point
      value = ml.value
      var changed = false
      if q > 0 {
        let inv = ARIMAPolynomials.invertMA(Array(coefficients[p..<(p + q)]))
        for i in 0..<q where coefficients[p + i] != inv[i] {
          coefficients[p + i] = inv[i]
          changed = true
        }
      }
      if sq > 0 {
        let o = p + q + sp
        let inv = ARIMAPolynomials.invertMA(Array(coefficients[o..<(o + sq)]))
        for i in 0..<sq where coefficients[o + i] != inv[i] {
          coefficients[o + i] = inv[i]
          changed = true
        }
      }
      if changed { value = exactObjective(coefficients) }
      ARIMAPolynomials.transformAR(&coefficients, order: order)
    } else {
      value = exactObjective(start)
    }
    // Final filter with the estimated coefficients (no transform), keeping residuals and state.
    expand(coefficients)
    phi.withUnsafeBufferPointer { ph in
      theta.withUnsafeBufferPointer { th in stateSpace.setCoefficients(phi: ph, theta: th) }
    }
    loadResponse(coefficients)
    var residuals = [Double](repeating: 0, count: n)
    guard
      let sums = work.withUnsafeBufferPointer({ w in
        residuals.withUnsafeMutableBufferPointer { stateSpace.filter(w, residuals: $0) }
      })
    else { throw ARIMAEstimationError.nonFiniteObjective }
    let sigma2 = sums.ssq / Double(nUsed)
    let nu = Double(nUsed)
    let minus2LogL = 2 * nu * value + nu + nu * log(2 * Double.pi)
    guard minus2LogL.isFinite else { throw ARIMAEstimationError.nonFiniteObjective }
    return ARIMAEstimate(
      order: order, period: m, coefficients: coefficients, hasIntercept: hasIntercept, hasDrift: hasDrift,
      innovationVariance: sigma2, aic: minus2LogL + 2 * Double(parameterCount) + 2,
      logLikelihood: -0.5 * minus2LogL, residuals: residuals, estimatedCount: parameterCount,
      stateSpace: stateSpace, count: n)
  }

  /// Completes a CSS-only fit (R's method "CSS"): σ² is the CSS mean square.
  private static func finishConditional(
    _ y: [Double], _ coefficients: [Double], _ value: Double, order: ARIMAOrder, period m: Int,
    hasIntercept: Bool, hasDrift: Bool, nUsed: Int, cssObjective: ([Double]) -> Double,
    residuals: () -> [Double], conditioning: Int, parameterCount: Int
  ) -> ARIMAEstimate {
    let v = cssObjective(coefficients)
    let sigma2 = exp(2 * v)
    let nu = Double(nUsed)
    let minus2LogL = 2 * nu * value + nu + nu * log(2 * Double.pi)
    return ARIMAEstimate(
      order: order, period: m, coefficients: coefficients, hasIntercept: hasIntercept, hasDrift: hasDrift,
      innovationVariance: sigma2, aic: nil, logLikelihood: -0.5 * minus2LogL, residuals: residuals(),
      estimatedCount: parameterCount, stateSpace: nil, count: y.count)
  }
}
