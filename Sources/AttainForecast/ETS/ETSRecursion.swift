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
  ///
  /// Dispatches to one copy of the loop per (error, trend, season) combination, so each copy
  /// has no component branches and keeps its state in registers (the loop is a serial
  /// dependency chain; branches and spills lengthen every step).
  func criterion(
    y: UnsafeBufferPointer<Double>, parameters p: ETSParameters, initial x: UnsafePointer<Double>,
    ring: UnsafeMutablePointer<Double>, cutoff: Double = .infinity
  ) -> Double {
    let trend = form.hasTrend
    switch (form.error, form.season) {
    case (.additive, .none):
      return trend
        ? criterion(y, p, x, ring, cutoff, additiveError: true, hasTrend: true, season: .none)
        : criterion(y, p, x, ring, cutoff, additiveError: true, hasTrend: false, season: .none)
    case (.additive, .additive):
      return trend
        ? criterion(y, p, x, ring, cutoff, additiveError: true, hasTrend: true, season: .additive)
        : criterion(y, p, x, ring, cutoff, additiveError: true, hasTrend: false, season: .additive)
    case (.additive, .multiplicative):
      return trend
        ? criterion(
          y, p, x, ring, cutoff, additiveError: true, hasTrend: true, season: .multiplicative)
        : criterion(
          y, p, x, ring, cutoff, additiveError: true, hasTrend: false, season: .multiplicative)
    case (.multiplicative, .none):
      return trend
        ? criterion(y, p, x, ring, cutoff, additiveError: false, hasTrend: true, season: .none)
        : criterion(y, p, x, ring, cutoff, additiveError: false, hasTrend: false, season: .none)
    case (.multiplicative, .additive):
      return trend
        ? criterion(
          y, p, x, ring, cutoff, additiveError: false, hasTrend: true, season: .additive)
        : criterion(
          y, p, x, ring, cutoff, additiveError: false, hasTrend: false, season: .additive)
    case (.multiplicative, .multiplicative):
      return trend
        ? criterion(
          y, p, x, ring, cutoff, additiveError: false, hasTrend: true, season: .multiplicative)
        : criterion(
          y, p, x, ring, cutoff, additiveError: false, hasTrend: false, season: .multiplicative)
    }
  }

  /// The loop of `criterion(y:parameters:initial:ring:cutoff:)` for constant components
  /// (inlined at each call site above, where the flags fold away).
  @inline(__always)
  private func criterion(
    _ y: UnsafeBufferPointer<Double>, _ p: ETSParameters, _ x: UnsafePointer<Double>,
    _ ring: UnsafeMutablePointer<Double>, _ cutoff: Double,
    additiveError: Bool, hasTrend: Bool, season: ETSSeason
  ) -> Double {
    let n = y.count
    // Additive errors: n log Σε² only grows, so stop once Σε² ≥ exp(cutoff / n).
    let sseLimit = additiveError && cutoff < .infinity ? exp(cutoff / Double(n)) : .infinity
    var level = x[0]
    var slope = hasTrend ? x[1] : 0
    if season != .none { loadRing(from: x, into: ring) }
    let alpha = p.alpha
    let beta = hasTrend ? p.beta : 0
    let gamma = p.gamma
    // 1 for an undamped trend: the same multiply-add as the damped one.
    let phi = form.trend == .damped ? p.phi : 1
    let keep = 1 - alpha
    var sse = 0.0
    // Σ log|μ_t| as the log of running products, renormalised rarely (no log per step).
    var product = 1.0
    var logSum = 0.0
    var j = 0
    guard let base = y.baseAddress else { return .infinity }
    for t in 0..<n {
      let yt = base[t]
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
          if !(product > 0) || !product.isFinite { return .infinity }
          logSum += log(product)
          product = 1
        }
      }
      sse += e * e
      if additiveError && sse >= sseLimit { return Double(n) * log(sse) }
      // ℓ_t = (1 − α) q + α p_t and b_t = φ b − β q + β p_t with p_t the deseasonalised
      // observation: algebraically R's ℓ_t = q + α(p_t − q) and b_t = φb + (β/α)(ℓ_t − ℓ_{t−1} − φb),
      // but the serial chain from (ℓ_{t−1}, b_{t−1}) to (ℓ_t, b_t) is two multiply-adds
      // (q, then ℓ_t or b_t); the terms in p_t are computed beside it.
      let d = deseasonalised - q
      level = multiplyAdd(keep, q, alpha * deseasonalised)
      if hasTrend { slope = multiplyAdd(-beta, q, multiplyAdd(phi, slope, beta * deseasonalised)) }
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
      let q = form.hasTrend ? multiplyAdd(phi, slope, level) : level
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
      // The same algebra (and roundings) as `criterion`.
      let newLevel = multiplyAdd(1 - p.alpha, q, p.alpha * deseasonalised)
      if form.hasTrend {
        slope = multiplyAdd(-p.beta, q, multiplyAdd(phi, slope, p.beta * deseasonalised))
      }
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
