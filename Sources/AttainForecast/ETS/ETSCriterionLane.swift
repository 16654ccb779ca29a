#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The running state of one evaluation of the ETS likelihood criterion (`ETSRecursion`): level,
/// slope, seasonal ring, Σε² and Σ log|μ_t|. `step` advances it by one observation; the loops
/// of `ETSRecursion.criterion` and `criterionPair` are made of it, so a pair of evaluations
/// computes exactly what each would alone.
struct CriterionLane {
  var level: Double
  var slope: Double
  var sse = 0.0
  /// Σ log|μ_t| as the log of running products, renormalised rarely (no log per step).
  var product = 1.0
  var logSum = 0.0
  /// Set when the running product became 0, ∞ or NaN (the criterion is then +∞).
  var failed = false
  let alpha: Double
  /// 1 − α.
  let keep: Double
  let beta: Double
  let gamma: Double
  /// φ, or 1 for an undamped trend (the same multiply-add as the damped one).
  let phi: Double
  let ring: UnsafeMutablePointer<Double>
  /// With additive errors n log Σε² only grows: once Σε² ≥ exp(cutoff / n) the value is ≥ cutoff.
  let sseLimit: Double

  /// The state before the first observation, from initial states `x` (R layout; the seasonal
  /// part is copied into `ring`).
  @inline(__always)
  init(
    _ recursion: ETSRecursion, _ p: ETSParameters, _ x: UnsafePointer<Double>,
    _ ring: UnsafeMutablePointer<Double>, cutoff: Double, count n: Int, additiveError: Bool,
    hasTrend: Bool, season: ETSSeason
  ) {
    sseLimit = additiveError && cutoff < .infinity ? exp(cutoff / Double(n)) : .infinity
    level = x[0]
    slope = hasTrend ? x[1] : 0
    if season != .none { recursion.loadRing(from: x, into: ring) }
    self.ring = ring
    alpha = p.alpha
    keep = 1 - p.alpha
    beta = hasTrend ? p.beta : 0
    gamma = p.gamma
    phi = recursion.form.trend == .damped ? p.phi : 1
  }

  /// Advances by observation `yt`, whose seasonal state is `ring[j]`.
  @inline(__always)
  mutating func step(
    _ yt: Double, _ j: Int, additiveError: Bool, hasTrend: Bool, season: ETSSeason
  ) {
    let q = hasTrend ? multiplyAdd(phi, slope, level) : level
    var s = 0.0
    let mu: Double
    let deseasonalised: Double
    // y/q, needed by the multiplicative seasonal update (one reciprocal serves it and ε).
    var ratio = 0.0
    var inverseQ = 0.0
    switch season {
    case .none:
      mu = q
      deseasonalised = yt
    case .additive:
      s = ring[j]
      mu = q + s
      deseasonalised = yt - s
    case .multiplicative:
      s = ring[j]
      mu = q * s
      deseasonalised = abs(s) < 1e-10 ? 1e10 : yt / s
      inverseQ = 1 / q
      ratio = abs(q) < 1e-10 ? 1e10 : yt * inverseQ
    }
    let e: Double
    if additiveError {
      e = yt - mu
    } else {
      // (y − qs)/(qs) = (y/s)/q − 1 with multiplicative seasons: no third division.
      e =
        season == .multiplicative && abs(s) >= 1e-10
        ? deseasonalised * inverseQ - 1 : (yt - mu) / mu
      product *= abs(mu)
      if !(product > 1e-150 && product < 1e150) {
        if !(product > 0) || !product.isFinite {
          failed = true
        } else {
          logSum += log(product)
        }
        product = 1
      }
    }
    sse += e * e
    // ℓ_t = (1 − α) q + α p_t and b_t = φ b − β q + β p_t with p_t the deseasonalised
    // observation: algebraically R's ℓ_t = q + α(p_t − q) and b_t = φb + (β/α)(ℓ_t − ℓ_{t−1} − φb),
    // but the serial chain from (ℓ_{t−1}, b_{t−1}) to (ℓ_t, b_t) is two multiply-adds
    // (q, then ℓ_t or b_t); the terms in p_t are computed beside it.
    level = multiplyAdd(keep, q, alpha * deseasonalised)
    if hasTrend { slope = multiplyAdd(-beta, q, multiplyAdd(phi, slope, beta * deseasonalised)) }
    switch season {
    case .none: break
    case .additive: ring[j] = s + gamma * (deseasonalised - q)  // y − q − s
    case .multiplicative: ring[j] = s + gamma * (ratio - s)
    }
  }

  /// −2 log L (without constants) after `n` observations: n log Σε² (+ 2 Σ log|μ_t| with
  /// multiplicative errors).
  @inline(__always)
  func value(count n: Int, additiveError: Bool) -> Double {
    var value = Double(n) * log(sse)
    if !additiveError { value += 2 * (logSum + log(product)) }
    return value
  }
}
