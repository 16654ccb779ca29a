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
    typealias A = AdditiveErrors
    typealias M = MultiplicativeErrors
    typealias T = WithTrend
    typealias N = WithoutTrend
    let trend = form.hasTrend
    switch (form.error, form.season) {
    case (.additive, .none):
      return trend
        ? criterion(y, p, x, ring, cutoff, ETSShape<A, T, NoSeason>.self)
        : criterion(y, p, x, ring, cutoff, ETSShape<A, N, NoSeason>.self)
    case (.additive, .additive):
      return trend
        ? criterion(y, p, x, ring, cutoff, ETSShape<A, T, AdditiveSeason>.self)
        : criterion(y, p, x, ring, cutoff, ETSShape<A, N, AdditiveSeason>.self)
    case (.additive, .multiplicative):
      return trend
        ? criterion(y, p, x, ring, cutoff, ETSShape<A, T, MultiplicativeSeason>.self)
        : criterion(y, p, x, ring, cutoff, ETSShape<A, N, MultiplicativeSeason>.self)
    case (.multiplicative, .none):
      return trend
        ? criterion(y, p, x, ring, cutoff, ETSShape<M, T, NoSeason>.self)
        : criterion(y, p, x, ring, cutoff, ETSShape<M, N, NoSeason>.self)
    case (.multiplicative, .additive):
      return trend
        ? criterion(y, p, x, ring, cutoff, ETSShape<M, T, AdditiveSeason>.self)
        : criterion(y, p, x, ring, cutoff, ETSShape<M, N, AdditiveSeason>.self)
    case (.multiplicative, .multiplicative):
      return trend
        ? criterion(y, p, x, ring, cutoff, ETSShape<M, T, MultiplicativeSeason>.self)
        : criterion(y, p, x, ring, cutoff, ETSShape<M, N, MultiplicativeSeason>.self)
    }
  }

  /// The loop of `criterion(y:parameters:initial:ring:cutoff:)`, compiled once per shape.
  private func criterion<Shape: ETSComponentShape>(
    _ y: UnsafeBufferPointer<Double>, _ p: ETSParameters, _ x: UnsafePointer<Double>,
    _ ring: UnsafeMutablePointer<Double>, _ cutoff: Double, _ shape: Shape.Type
  ) -> Double {
    let (additiveError, hasTrend, season) = (Shape.additiveError, Shape.hasTrend, Shape.season)
    let n = y.count
    guard let base = y.baseAddress else { return .infinity }
    var lane = CriterionLane(
      self, p, x, ring, cutoff: cutoff, count: n, additiveError: additiveError, hasTrend: hasTrend,
      season: season)
    var j = 0
    for t in 0..<n {
      lane.step(base[t], j, additiveError: additiveError, hasTrend: hasTrend, season: season)
      if lane.failed { return .infinity }
      if additiveError && lane.sse >= lane.sseLimit { return Double(n) * log(lane.sse) }
      j += 1
      if j == m { j = 0 }
    }
    return lane.value(count: n, additiveError: additiveError)
  }

  /// `criterion(y:parameters:initial:ring:cutoff:)` of two parameter sets on the same series in
  /// one loop: their serial dependency chains overlap, so the pair costs little more than one.
  /// `other` is the second model's recursion: both have this recursion's error and season and a
  /// trend state (the additive and damped trend forms; each lane takes φ from its own form).
  /// Each value is bit-identical to its single evaluation, except that with additive errors a
  /// value whose early stop is due may be computed further (it stays ≥ its cutoff); the loop
  /// stops once both are due.
  func criterionPair(
    y: UnsafeBufferPointer<Double>, first p: ETSParameters, initial x: UnsafePointer<Double>,
    ring: UnsafeMutablePointer<Double>, cutoff: Double,
    second other: ETSRecursion, _ q: ETSParameters, initial x2: UnsafePointer<Double>,
    ring ring2: UnsafeMutablePointer<Double>, cutoff cutoff2: Double
  ) -> (Double, Double) {
    typealias A = AdditiveErrors
    typealias M = MultiplicativeErrors
    typealias T = WithTrend
    switch (form.error, form.season) {
    case (.additive, .none):
      return criterionPair(
        y, p, x, ring, cutoff, other, q, x2, ring2, cutoff2, ETSShape<A, T, NoSeason>.self)
    case (.additive, .additive):
      return criterionPair(
        y, p, x, ring, cutoff, other, q, x2, ring2, cutoff2, ETSShape<A, T, AdditiveSeason>.self)
    case (.additive, .multiplicative):
      return criterionPair(
        y, p, x, ring, cutoff, other, q, x2, ring2, cutoff2,
        ETSShape<A, T, MultiplicativeSeason>.self)
    case (.multiplicative, .none):
      return criterionPair(
        y, p, x, ring, cutoff, other, q, x2, ring2, cutoff2, ETSShape<M, T, NoSeason>.self)
    case (.multiplicative, .additive):
      return criterionPair(
        y, p, x, ring, cutoff, other, q, x2, ring2, cutoff2, ETSShape<M, T, AdditiveSeason>.self)
    case (.multiplicative, .multiplicative):
      return criterionPair(
        y, p, x, ring, cutoff, other, q, x2, ring2, cutoff2,
        ETSShape<M, T, MultiplicativeSeason>.self)
    }
  }

  /// The loop of `criterionPair`, compiled once per shape.
  private func criterionPair<Shape: ETSComponentShape>(
    _ y: UnsafeBufferPointer<Double>, _ p: ETSParameters, _ x: UnsafePointer<Double>,
    _ ring: UnsafeMutablePointer<Double>, _ cutoff: Double,
    _ other: ETSRecursion, _ q: ETSParameters, _ x2: UnsafePointer<Double>,
    _ ring2: UnsafeMutablePointer<Double>, _ cutoff2: Double, _ shape: Shape.Type
  ) -> (Double, Double) {
    let (additiveError, season) = (Shape.additiveError, Shape.season)
    let n = y.count
    guard let base = y.baseAddress else { return (.infinity, .infinity) }
    var a = CriterionLane(
      self, p, x, ring, cutoff: cutoff, count: n, additiveError: additiveError, hasTrend: true,
      season: season)
    var b = CriterionLane(
      other, q, x2, ring2, cutoff: cutoff2, count: n, additiveError: additiveError, hasTrend: true,
      season: season)
    var j = 0
    for t in 0..<n {
      let yt = base[t]
      a.step(yt, j, additiveError: additiveError, hasTrend: true, season: season)
      b.step(yt, j, additiveError: additiveError, hasTrend: true, season: season)
      if !additiveError && (a.failed || b.failed) {
        if a.failed && b.failed { return (.infinity, .infinity) }
        // A failed lane's value is +∞ whatever follows: finish the other alone.
        var lane = a.failed ? b : a
        var k = j + 1 == m ? 0 : j + 1
        for u in (t + 1)..<max(n, t + 1) {
          lane.step(base[u], k, additiveError: false, hasTrend: true, season: season)
          if lane.failed { return (.infinity, .infinity) }
          k += 1
          if k == m { k = 0 }
        }
        let value = lane.value(count: n, additiveError: false)
        return a.failed ? (.infinity, value) : (value, .infinity)
      }
      if additiveError && a.sse >= a.sseLimit && b.sse >= b.sseLimit { break }
      j += 1
      if j == m { j = 0 }
    }
    return (
      a.value(count: n, additiveError: additiveError),
      b.value(count: n, additiveError: additiveError)
    )
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
      if form.hasSeason {
        ring[j] = form.season.updatedState(s, observation: yt, levelForecast: q, gamma: p.gamma)
        j = j + 1 == m ? 0 : j + 1
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
