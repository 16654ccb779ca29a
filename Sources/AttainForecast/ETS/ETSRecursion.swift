#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Smoothing parameters of a fitted or evaluated ETS model. Absent components use the
/// neutral values β = γ = 0, φ = 1.
public struct ETSParameters: Sendable, Hashable {
  /// Level smoothing α.
  public var alpha: Double
  /// Trend smoothing β (0 without trend).
  public var beta: Double
  /// Seasonal smoothing γ (0 without season).
  public var gamma: Double
  /// Damping φ (1 without damping).
  public var phi: Double

  /// Creates a parameter set.
  public init(alpha: Double, beta: Double = 0, gamma: Double = 0, phi: Double = 1) {
    self.alpha = alpha
    self.beta = beta
    self.gamma = gamma
    self.phi = phi
  }
}

/// The ETS state-space recursions of Hyndman et al. (2008), in the error-correction form used
/// by R forecast's `etscalc` (identical updates for additive and multiplicative errors given y):
///
///     q_t = ℓ_{t-1} + φ b_{t-1}                     (ℓ_{t-1} without trend)
///     μ_t = q_t (+ s_{t-m} | × s_{t-m})               one-step forecast
///     ℓ_t = q_t + α (p_t − q_t),  p_t = y_t (− s_{t-m} | / s_{t-m})
///     b_t = φ b_{t-1} + (β/α)(ℓ_t − ℓ_{t-1} − φ b_{t-1})
///     s_t = s_{t-m} + γ (y_t (− | /) q_t − s_{t-m})
///
/// Innovations: ε_t = y_t − μ_t (additive) or (y_t − μ_t)/μ_t (multiplicative). The criterion
/// minimised is −2 log L up to a constant: `n log Σε² + 2 Σ log|μ_t|` (the last term only for
/// multiplicative errors), as in R and statsforecast.
///
/// Seasonal states live in a ring buffer of `m` doubles (O(1) per step instead of R's O(m) shift);
/// the state vector layout everywhere else is R's: `[ℓ, b?, s_0 (newest) … s_{m-1} (oldest)]`.
/// Reference: Hyndman et al. (2008), *Forecasting with Exponential Smoothing*, tables 2.2–2.3.
struct ETSRecursion {
  let form: ETSForm
  /// Seasonal period (1 without season).
  let m: Int

  /// Number of initial states in R's vector: 1 + trend + m.
  var stateCount: Int { 1 + (form.hasTrend ? 1 : 0) + (form.hasSeason ? m : 0) }

  /// Loads the seasonal states of R's vector `x` into the ring so that `ring[t % m]` is the
  /// seasonal index used for observation t.
  @inline(__always)
  func loadRing(from x: UnsafePointer<Double>, into ring: UnsafeMutablePointer<Double>) {
    let offset = form.hasTrend ? 2 : 1
    for k in 0..<m { ring[k] = x[offset + m - 1 - k] }
  }

  /// −2 log L (without constants) for `y` from the initial states `x` (R layout; the seasonal
  /// part is copied into `ring`, which is overwritten). Returns NaN or ±∞ for numerical failure.
  /// With additive errors it may return early a partial value ≥ `cutoff` once the result is
  /// known to exceed it.
  /// - Complexity: O(n); no allocation.
  @inline(__always)
  func criterion(
    y: UnsafeBufferPointer<Double>, parameters p: ETSParameters, initial x: UnsafePointer<Double>,
    ring: UnsafeMutablePointer<Double>, cutoff: Double = .infinity
  ) -> Double {
    let n = y.count
    // Additive errors: n log Σε² only grows, so stop once Σε² ≥ exp(cutoff / n).
    let sseLimit =
      form.error == .additive && cutoff < .infinity ? exp(cutoff / Double(n)) : .infinity
    var level = x[0]
    var slope = form.hasTrend ? x[1] : 0
    if form.hasSeason { loadRing(from: x, into: ring) }
    let alpha = p.alpha
    let beta = form.hasTrend ? p.beta : 0
    let gamma = p.gamma
    let phi = form.trend == .damped ? p.phi : 1
    let hasTrend = form.hasTrend
    let season = form.season
    let additiveError = form.error == .additive
    var sse = 0.0
    // Σ log|μ_t| as the log of running products, renormalised rarely (no log per step).
    var product = 1.0
    var logSum = 0.0
    var j = 0
    let base = y.baseAddress!
    for t in 0..<n {
      let yt = base[t]
      let phib = hasTrend ? phi * slope : 0
      let q = level + phib
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
          if !(product > 0) || !product.isFinite { return .infinity }
          logSum += log(product)
          product = 1
        }
      }
      sse += e * e
      if sse >= sseLimit { return Double(n) * log(sse) }
      // ℓ_t = q + α d and b_t = φ b + β d with d = p_t − q_t: algebraically R's
      // b_t = φb + (β/α)(ℓ_t − ℓ_{t−1} − φb), with a shorter dependency chain.
      let d = deseasonalised - q
      level = q + alpha * d
      if hasTrend { slope = phib + beta * d }
      switch season {
      case .none: break
      case .additive:
        ring[j] = s + gamma * d  // y − q − s
        j += 1
        if j == m { j = 0 }
      case .multiplicative:
        ring[j] = s + gamma * (ratio - s)
        j += 1
        if j == m { j = 0 }
      }
    }
    var value = Double(n) * log(sse)
    if !additiveError { value += 2 * (logSum + log(product)) }
    return value
  }

  /// Runs the recursions once, writing one-step forecasts `fitted[t]`, innovations `e[t]` and the
  /// final state (R layout) into `finalState`. Returns Σε² and Σ log|μ_t|.
  /// - Complexity: O(n + m).
  func filter(
    y: [Double], parameters p: ETSParameters, initial: [Double], fitted: inout [Double],
    innovations: inout [Double], finalState: inout [Double]
  ) -> (sse: Double, logSum: Double) {
    let n = y.count
    fitted = [Double](repeating: 0, count: n)
    innovations = [Double](repeating: 0, count: n)
    var ring = [Double](repeating: 0, count: max(m, 1))
    var level = initial[0]
    var slope = form.hasTrend ? initial[1] : 0
    if form.hasSeason {
      initial.withUnsafeBufferPointer { x in
        ring.withUnsafeMutableBufferPointer {
          loadRing(from: x.baseAddress!, into: $0.baseAddress!)
        }
      }
    }
    let phi = form.trend == .damped ? p.phi : 1
    var sse = 0.0
    var logSum = 0.0
    var j = 0
    for t in 0..<n {
      let yt = y[t]
      let phib = form.hasTrend ? phi * slope : 0
      let q = level + phib
      let s = form.hasSeason ? ring[j] : 0
      let mu: Double
      let deseasonalised: Double
      switch form.season {
      case .none: (mu, deseasonalised) = (q, yt)
      case .additive: (mu, deseasonalised) = (q + s, yt - s)
      case .multiplicative: (mu, deseasonalised) = (q * s, abs(s) < 1e-10 ? 1e10 : yt / s)
      }
      fitted[t] = mu
      let e = form.error == .additive ? yt - mu : (yt - mu) / mu
      innovations[t] = e
      sse += e * e
      logSum += log(abs(mu))
      let newLevel = q + p.alpha * (deseasonalised - q)
      if form.hasTrend { slope = phib + (p.beta / p.alpha) * (newLevel - level - phib) }
      switch form.season {
      case .none: break
      case .additive: ring[j] = s + p.gamma * (yt - q - s)
      case .multiplicative: ring[j] = s + p.gamma * ((abs(q) < 1e-10 ? 1e10 : yt / q) - s)
      }
      if form.hasSeason {
        j += 1
        if j == m { j = 0 }
      }
      level = newLevel
    }
    finalState = [level]
    if form.hasTrend { finalState.append(slope) }
    if form.hasSeason {
      // Newest first: the last written index is (n − 1) mod m.
      for k in 0..<m { finalState.append(ring[((n - 1 - k) % m + m) % m]) }
    }
    return (sse, logSum)
  }
}
