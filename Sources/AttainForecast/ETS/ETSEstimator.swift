#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maximum-likelihood estimation of one ETS form: smoothing parameters and initial states
/// together, by Nelder–Mead on −2 log L (R forecast `etsmodel`, statsforecast `etsmodel`).
///
/// Starting values follow R's `initparam` (α = l + 0.2(u − l)/m, β = 10 % of its range below α,
/// γ = 5 % of its range below 1 − α, φ = 0.9782) and `initstate`; parameters outside the usual or
/// admissible region, and multiplicative seasonal states below 0, get an infinite criterion.
/// Perfect fits are floored at −1e10 as in R.
/// - Complexity: O(iterations × n); no allocation per likelihood evaluation.
enum ETSEstimator {

  /// Fits `form` to `y`; returns nil when there are not more observations than parameters + 1
  /// (R's "not enough data" rule). Throws for fixed parameters outside the region.
  static func fit(
    _ y: [Double], form: ETSForm, seasonLength: Int, fixed spec: ETSSpec,
    bounds inputBounds: ETSParameterBounds = ETSParameterBounds(),
    optimizer: NelderMead = ETS.defaultOptimizer, restart: Bool = true, name: String
  ) throws -> FittedETS? {
    let n = y.count
    let m = form.hasSeason ? seasonLength : 1
    var adjusted = inputBounds
    let fixedAlpha = spec.alpha
    let fixedBeta = form.hasTrend ? spec.beta : nil
    let fixedGamma = form.hasSeason ? spec.gamma : nil
    let fixedPhi = form.trend == .damped ? spec.phi : nil
    if let a = fixedAlpha {
      adjusted.upper.beta = min(a, adjusted.upper.beta)
      adjusted.upper.gamma = min(1 - a, adjusted.upper.gamma)
    }
    if let b = fixedBeta { adjusted.lower.alpha = max(b, adjusted.lower.alpha) }
    if let g = fixedGamma { adjusted.upper.alpha = min(1 - g, adjusted.upper.alpha) }
    // A constant from here on: the objective's nested functions capture it, and a captured `var`
    // would be boxed and checked for exclusive access on every evaluation.
    let bounds = adjusted

    // Starting values (R initparam).
    let dm = Double(m)
    var alpha =
      fixedAlpha ?? (bounds.lower.alpha + 0.2 * (bounds.upper.alpha - bounds.lower.alpha) / dm)
    if fixedAlpha == nil && (alpha > 1 || alpha < 0) { alpha = bounds.lower.alpha + 2e-3 }
    var beta = 0.0
    if form.hasTrend {
      if let b = fixedBeta {
        beta = b
      } else {
        let upperBeta = min(bounds.upper.beta, alpha)
        beta = bounds.lower.beta + 0.1 * (upperBeta - bounds.lower.beta)
        if beta < 0 || beta > alpha { beta = alpha - 1e-3 }
      }
    }
    var gamma = 0.0
    if form.hasSeason {
      if let g = fixedGamma {
        gamma = g
      } else {
        let upperGamma = min(bounds.upper.gamma, 1 - alpha)
        gamma = bounds.lower.gamma + 0.05 * (upperGamma - bounds.lower.gamma)
        if gamma < 0 || gamma > 1 - alpha { gamma = 1 - alpha - 1e-3 }
      }
    }
    var phi = 1.0
    if form.trend == .damped {
      if let f = fixedPhi {
        phi = f
      } else {
        phi = bounds.lower.phi + 0.99 * (bounds.upper.phi - bounds.lower.phi)
        if phi < 0 || phi > 1 { phi = bounds.upper.phi - 1e-3 }
      }
    }
    let start = ETSParameters(alpha: alpha, beta: beta, gamma: gamma, phi: phi)
    var admissibilityScratch = [Double](repeating: 0, count: 2 * (m + 3))
    let startOK = admissibilityScratch.withUnsafeMutableBufferPointer {
      bounds.accepts(start, form: form, m: m, scratch: $0.baseAddress!)
    }
    if !startOK {
      throw ForecastError.invalidParameter(
        name: "ETS parameters", value: alpha,
        reason:
          "\(form) parameters out of range (alpha \(alpha), beta \(beta), gamma \(gamma), phi \(phi))"
      )
    }

    // Free vector: estimated smoothing parameters, then free initial states.
    let estimateAlpha = fixedAlpha == nil
    let estimateBeta = form.hasTrend && fixedBeta == nil
    let estimateGamma = form.hasSeason && fixedGamma == nil
    let estimatePhi = form.trend == .damped && fixedPhi == nil
    var x0: [Double] = []
    var lower: [Double] = []
    var upper: [Double] = []
    if estimateAlpha {
      x0.append(alpha)
      lower.append(bounds.lower.alpha)
      upper.append(bounds.upper.alpha)
    }
    // β and γ are optimised as fractions of their α-dependent ranges,
    //   β = lβ + u (min(α, uβ) − lβ),  γ = lγ + v (min(1 − α, uγ) − lγ),  u, v ∈ [0, 1],
    // so the usual region is a box that Nelder–Mead clamps to (corners such as β = α are reachable)
    // and only admissibility needs a penalty.
    func betaRange(_ a: Double) -> (Double, Double) {
      (bounds.lower.beta, min(a, bounds.upper.beta))
    }
    func gammaRange(_ a: Double) -> (Double, Double) {
      (bounds.lower.gamma, min(1 - a, bounds.upper.gamma))
    }
    func fraction(_ value: Double, _ range: (Double, Double)) -> Double {
      range.1 > range.0 ? min(max((value - range.0) / (range.1 - range.0), 0), 1) : 0
    }
    if estimateBeta {
      x0.append(fraction(beta, betaRange(alpha)))
      lower.append(0)
      upper.append(1)
    }
    if estimateGamma {
      x0.append(fraction(gamma, gammaRange(alpha)))
      lower.append(0)
      upper.append(1)
    }
    if estimatePhi {
      x0.append(phi)
      lower.append(bounds.lower.phi)
      upper.append(bounds.upper.phi)
    }
    let smoothingCount = x0.count
    let freeStates = ETSInitialState.estimate(y, form: form, m: m)
    x0.append(contentsOf: freeStates)
    lower.append(contentsOf: [Double](repeating: -.infinity, count: freeStates.count))
    upper.append(contentsOf: [Double](repeating: .infinity, count: freeStates.count))
    if x0.count >= n - 1 { return nil }

    let recursion = ETSRecursion(form: form, m: m)
    let stateCount = recursion.stateCount
    let seasonStart = form.hasTrend ? 2 : 1
    let seasonTotal = form.season == .multiplicative ? dm : 0
    // Scratch: full initial state, seasonal ring, admissibility work.
    var scratch = [Double](repeating: 0, count: stateCount + m + 2 * (m + 3))

    func unpack(_ v: UnsafeBufferPointer<Double>) -> ETSParameters {
      var k = 0
      var p = start
      if estimateAlpha {
        p.alpha = v[k]
        k += 1
      }
      if estimateBeta {
        let (lo, hi) = betaRange(p.alpha)
        p.beta = lo + v[k] * (hi - lo)
        k += 1
      }
      if estimateGamma {
        let (lo, hi) = gammaRange(p.alpha)
        p.gamma = lo + v[k] * (hi - lo)
        k += 1
      }
      if estimatePhi { p.phi = v[k] }
      return p
    }

    var result = y.withUnsafeBufferPointer { yb in
      scratch.withUnsafeMutableBufferPointer { sb in
        let state = sb.baseAddress!
        let ring = state + stateCount
        let work = ring + m
        return optimizer.minimize(start: x0, lower: lower, upper: upper) { v, cutoff in
          objective(v, cutoff, yb, state, ring, work)
        }
      }
    }
    // One restart from the best point when the simplex collapsed early (a cheap guard against
    // Nelder–Mead's premature convergence).
    if result.converged && restart {
      let second = y.withUnsafeBufferPointer { yb in
        scratch.withUnsafeMutableBufferPointer { sb in
          let state = sb.baseAddress!
          let ring = state + stateCount
          let work = ring + m
          return optimizer.minimize(start: result.point, lower: lower, upper: upper) { v, cutoff in
            objective(v, cutoff, yb, state, ring, work)
          }
        }
      }
      if second.value < result.value {
        let iterations = result.iterations + second.iterations
        result = second
        result.iterations = iterations
      } else {
        result.iterations += second.iterations
      }
    }

    /// The penalised criterion; the admissibility root test runs only for values below `cutoff`
    /// (above it the value is irrelevant to the simplex, see `NelderMead`).
    @inline(__always) func objective(
      _ v: UnsafeBufferPointer<Double>, _ cutoff: Double, _ yb: UnsafeBufferPointer<Double>,
      _ state: UnsafeMutablePointer<Double>,
      _ ring: UnsafeMutablePointer<Double>, _ work: UnsafeMutablePointer<Double>
    ) -> Double {
      let p = unpack(v)
      if !bounds.inUsualRegion(p, form: form) { return .infinity }
      var sum = 0.0
      for k in 0..<(stateCount - (form.hasSeason ? 1 : 0)) {
        let value = v[smoothingCount + k]
        state[k] = value
        if k >= seasonStart { sum += value }
      }
      if form.hasSeason {
        state[stateCount - 1] = seasonTotal - sum
        if form.season == .multiplicative {
          for k in seasonStart..<stateCount where state[k] < 0 { return .infinity }
        }
      }
      let value = recursion.criterion(
        y: yb, parameters: p, initial: state, ring: ring, cutoff: cutoff)
      if value.isNaN { return .infinity }
      if value >= cutoff { return value }
      if !ETSParameterBounds.admissible(p, form: form, m: m, scratch: work) { return .infinity }
      return max(value, -1e10)
    }

    let parameters = result.point.withUnsafeBufferPointer { unpack($0) }
    var initial = Array(result.point[smoothingCount...])
    if form.hasSeason {
      initial.append(seasonTotal - initial[seasonStart...].reduce(0, +))
    }
    return FittedETS(
      name: name, series: y, form: form, seasonLength: m, parameters: parameters,
      initialState: initial, estimatedCount: x0.count, smoothingParameterCount: smoothingCount,
      optimizer: result)
  }
}
