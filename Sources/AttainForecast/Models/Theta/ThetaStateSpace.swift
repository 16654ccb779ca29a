/// The Theta models of Fiorucci et al. (2016): standard (STM), optimised (OTM), dynamic
/// standard (DSTM) and dynamic optimised (DOTM), as in statsforecast's `Theta`, `OptimizedTheta`,
/// `DynamicTheta` and `DynamicOptimizedTheta`.
///
/// State (ℓₜ, ȳₜ, Aₜ, Bₜ); one-step forecast from origin t (0-based observation index t):
///
///   μₜ₊₁ = ℓₜ + (1 − 1/θ)·(Aₜ(1 − α)^(t+1) + Bₜ(1 − (1 − α)^(t+2))/α),
///
/// ℓₜ = αyₜ + (1 − α)ℓₜ₋₁, ȳₜ the running mean. Static models fix A, B at the least-squares
/// intercept and slope of the whole series; dynamic models update them recursively
/// (Bₜ = ((t − 1)Bₜ₋₁ + 6(yₜ − ȳₜ₋₁)/(t + 1))/(t + 2), Aₜ = ȳₜ − Bₜ(t + 2)/2).
/// Multi-step forecasts feed μ back as the observation. Parameters minimise the mean squared
/// one-step error (the first three errors excluded) over ℓ₀, α ∈ [0.1, 0.99] and θ ≥ 1 (θ = 2
/// for the standard models). For fixed α every error is affine in (ℓ₀, w = 1 − 1/θ), so those two
/// are solved exactly by constrained least squares and only α is searched (grid + golden section),
/// which reaches the global optimum statsforecast's Nelder–Mead looks for.
/// Errors are Gaussian with σ² the sample variance of the errors after the first three; since the
/// recursion is linear in the observations, interval variances are exact sums of squared
/// impulse responses and sample paths run the recursion with y = μ + σz.
/// Reference: Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler (2016), *Models for
/// optimising the theta method and their relationship to state space models*, IJF 32(4) 1151–1161.
public struct ThetaStateSpace: ForecastingMethod {
  /// The four model types.
  public enum Variant: String, Sendable, CaseIterable {
    /// Standard Theta Model: θ = 2, static A, B.
    case standard = "STM"
    /// Optimised Theta Model: θ estimated, static A, B.
    case optimized = "OTM"
    /// Dynamic Standard Theta Model: θ = 2, dynamic A, B.
    case dynamicStandard = "DSTM"
    /// Dynamic Optimised Theta Model: θ estimated, dynamic A, B.
    case dynamicOptimized = "DOTM"

    var isDynamic: Bool { self == .dynamicStandard || self == .dynamicOptimized }
    var optimizesTheta: Bool { self == .optimized || self == .dynamicOptimized }
  }

  /// The model type.
  public var variant: Variant
  /// The output name.
  public var name: String

  /// Creates the method; the default names follow statsforecast.
  public init(_ variant: Variant, name: String? = nil) {
    self.variant = variant
    self.name =
      name
      ?? {
        switch variant {
        case .standard: "StandardTheta"
        case .optimized: "OptimizedTheta"
        case .dynamicStandard: "DynamicTheta"
        case .dynamicOptimized: "DynamicOptimizedTheta"
        }
      }()
  }

  /// Fits to the series as given (see `OptimizedTheta` etc. for the deseasonalising wrappers).
  /// Needs 5 observations. - Complexity: O(n) per α evaluation, ~70 evaluations.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    try fitModel(series)
  }

  /// The concrete fitted model.
  public func fitModel(_ y: [Double]) throws -> FittedThetaStateSpace {
    try SeriesChecks.validate(y, method: name, minimum: 5)
    let scale = max(y.reduce(0) { $0 + abs($1) } / Double(y.count), 1e-10)
    let (a0, b0) = Self.leastSquaresLine(y)
    let best = ScalarMinimizer.minimize(lower: 0.1, upper: 0.99) { alpha in
      solve(y, alpha: alpha, a0: a0, b0: b0).mse
    }
    let alpha = best.x
    let solution = solve(y, alpha: alpha, a0: a0, b0: b0)
    let theta = 1 / (1 - solution.w)
    var run = Self.run(
      y, alpha: alpha, w: solution.w, level0: solution.level0, a0: a0, b0: b0,
      dynamic: variant.isDynamic)
    let tail = run.errors.dropFirst(3)
    let mean = tail.reduce(0, +) / Double(tail.count)
    let variance =
      tail.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(tail.count - 1, 1))
    run.fitted[0] = y[0] - run.errors[0]
    return FittedThetaStateSpace(
      name: name, fittedValues: run.fitted, residuals: run.errors, alpha: alpha, theta: theta,
      initialLevel: solution.level0, dynamic: variant.isDynamic, state: run.state, count: y.count,
      sigma: variance.squareRoot(), objective: solution.mse / scale)
  }

  /// Intercept and slope of the least-squares line of y on t = 1…n.
  static func leastSquaresLine(_ y: [Double]) -> (intercept: Double, slope: Double) {
    let n = Double(y.count)
    var mean = 0.0
    var weighted = 0.0
    for (t, v) in y.enumerated() {
      mean += v
      weighted += Double(t + 1) * v
    }
    mean /= n
    weighted /= n
    let slope = 6 * (2 * weighted - (n + 1) * mean) / (n * n - 1)
    return (mean - (n + 1) * slope / 2, slope)
  }

  /// The result of running the recursion over the data.
  struct Run {
    var fitted: [Double]
    var errors: [Double]
    var state: ThetaState
  }

  /// Runs the recursion over y with given parameters.
  static func run(
    _ y: [Double], alpha: Double, w: Double, level0: Double, a0: Double, b0: Double, dynamic: Bool
  ) -> Run {
    let n = y.count
    var fitted = [Double](repeating: 0, count: n)
    var errors = [Double](repeating: 0, count: n)
    var state = ThetaState(
      level: alpha * y[0] + (1 - alpha) * level0, meanY: y[0], a: dynamic ? y[0] : a0,
      b: dynamic ? 0 : b0)
    fitted[0] = dynamic ? y[0] : level0 + w * (a0 + b0)
    errors[0] = y[0] - fitted[0]
    for i in 1..<n {
      let mu = state.forecast(index: i, alpha: alpha, w: w)
      fitted[i] = mu
      errors[i] = y[i] - mu
      state.update(index: i, y: y[i], alpha: alpha, dynamic: dynamic)
    }
    return Run(fitted: fitted, errors: errors, state: state)
  }

  /// For fixed α: the (ℓ₀, w) minimising the squared errors at t ≥ 3, and that mean squared error.
  /// eₜ = rₜ − cₜℓ₀ − gₜw with rₜ, gₜ from a run at ℓ₀ = 0, w = 0 and cₜ = (1 − α)ᵗ.
  func solve(_ y: [Double], alpha: Double, a0: Double, b0: Double) -> (
    level0: Double, w: Double, mse: Double
  ) {
    let dynamic = variant.isDynamic
    var state = ThetaState(
      level: alpha * y[0], meanY: y[0], a: dynamic ? y[0] : a0, b: dynamic ? 0 : b0)
    var decay = 1 - alpha  // (1 − α)^i: coefficient of ℓ₀ in ℓᵢ₋₁
    var srr = 0.0
    var src = 0.0
    var srg = 0.0
    var scc = 0.0
    var scg = 0.0
    var sgg = 0.0
    var count = 0.0
    for i in 1..<y.count {
      let g = state.trendTerm(index: i, alpha: alpha)
      let r = y[i] - state.level
      if i >= 3 {
        srr += r * r
        src += r * decay
        srg += r * g
        scc += decay * decay
        scg += decay * g
        sgg += g * g
        count += 1
      }
      state.update(index: i, y: y[i], alpha: alpha, dynamic: dynamic)
      decay *= 1 - alpha
    }
    // A tiny ridge keeps ℓ₀ determined when (1 − α)ᵗ has vanished (it then has no effect).
    let ridge = 1e-12 * max(scc, 1e-300) + 1e-300
    func sse(_ l: Double, _ w: Double) -> Double {
      srr - 2 * l * src - 2 * w * srg + l * l * scc + 2 * l * w * scg + w * w * sgg
    }
    var level0: Double
    var w: Double
    if variant.optimizesTheta {
      let det = (scc + ridge) * sgg - scg * scg
      if det > 1e-12 * (scc + ridge) * max(sgg, 1e-300) {
        level0 = (src * sgg - srg * scg) / det
        w = ((scc + ridge) * srg - scg * src) / det
      } else {
        level0 = 0
        w = 0.5
      }
      let upper = 1 - 1e-10
      if !(w >= 0 && w <= upper) {
        w = w < 0 || w.isNaN ? 0 : upper
        level0 = (src - w * scg) / (scc + ridge)
      }
    } else {
      w = 0.5
      level0 = (src - w * scg) / (scc + ridge)
    }
    let mse = max(sse(level0, w), 0) / max(count, 1)
    return (level0, w, mse.isFinite ? mse : .infinity)
  }
}

/// The state of a Theta model: level ℓ, running mean ȳ, and trend-line coefficients A, B.
public struct ThetaState: Sendable, Equatable {
  /// Smoothed level ℓ.
  public var level: Double
  /// Running mean of the observations ȳ.
  public var meanY: Double
  /// Intercept A.
  public var a: Double
  /// Slope B.
  public var b: Double

  /// A(1 − α)^i + B(1 − (1 − α)^(i+1))/α, the trend term multiplied by w = 1 − 1/θ.
  @inline(__always)
  func trendTerm(index i: Int, alpha: Double) -> Double {
    let decay = pow(1 - alpha, Double(i))
    return a * decay + b * (1 - decay * (1 - alpha)) / alpha
  }

  /// The one-step forecast of observation `i` (0-based) from this state.
  @inline(__always)
  func forecast(index i: Int, alpha: Double, w: Double) -> Double {
    level + w * trendTerm(index: i, alpha: alpha)
  }

  /// Absorbs observation `i` (0-based) with value y.
  @inline(__always)
  mutating func update(index i: Int, y: Double, alpha: Double, dynamic: Bool) {
    let previousMean = meanY
    level = alpha * y + (1 - alpha) * level
    meanY = (Double(i) * meanY + y) / Double(i + 1)
    if dynamic {
      b = (Double(i - 1) * b + 6 * (y - previousMean) / Double(i + 1)) / Double(i + 2)
      a = meanY - b * Double(i + 2) / 2
    }
  }
}

/// A fitted Theta state-space model (see `ThetaStateSpace`).
public struct FittedThetaStateSpace: FittedForecaster {
  /// Output name.
  public let name: String
  /// One-step in-sample forecasts μₜ.
  public let fittedValues: [Double]
  /// yₜ − μₜ.
  public let residuals: [Double]
  /// Smoothing parameter α.
  public let alpha: Double
  /// θ (2 for the standard models).
  public let theta: Double
  /// Initial level ℓ₀.
  public let initialLevel: Double
  /// Whether A, B are updated (DSTM, DOTM).
  public let dynamic: Bool
  /// The state after the last observation.
  public let state: ThetaState
  /// Number of training observations n.
  public let count: Int
  /// Standard deviation of the one-step errors (after the first three).
  public let sigma: Double
  /// The fitting criterion: mean squared error (t ≥ 3) divided by the mean |y|.
  public let objective: Double

  var w: Double { 1 - 1 / theta }

  /// Runs the recursion `horizon` steps ahead, feeding back μ + σ·shock.
  @inline(__always)
  func simulate(horizon: Int, shock: (Int) -> Double, emit: (Int, Double) -> Void) {
    var s = state
    for j in 0..<horizon {
      let i = count + j
      let value = s.forecast(index: i, alpha: alpha, w: w) + sigma * shock(j)
      emit(j, value)
      s.update(index: i, y: value, alpha: alpha, dynamic: dynamic)
    }
  }

  /// Point forecasts (μ fed back as the observation). - Complexity: O(horizon).
  public func pointForecast(horizon: Int) -> [Double] {
    var out = [Double](repeating: 0, count: max(horizon, 0))
    simulate(horizon: max(horizon, 0), shock: { _ in 0 }, emit: { out[$0] = $1 })
    return out
  }

  /// Exact normal intervals: the variance at step h is σ²·Σⱼ (response of yₕ to a unit shock at j)².
  /// - Complexity: O(horizon²).
  public func forecast(horizon: Int, levels: [Double]) -> Forecast {
    let h = max(horizon, 0)
    let mean = pointForecast(horizon: h)
    var variance = [Double](repeating: 0, count: h)
    if sigma > 0 {
      for j in 0..<h {
        simulate(horizon: h, shock: { $0 == j ? 1 : 0 }) { t, value in
          let response = (value - mean[t]) / sigma
          variance[t] += response * response
        }
      }
    }
    return Forecast(
      normalMean: mean, standardDeviation: variance.map { sigma * $0.squareRoot() }, levels: levels)
  }

  /// No scratch needed.
  public var scratchCount: Int { 0 }

  /// Runs the recursion with y = μ + σz. - Complexity: O(path.count), no allocation.
  public func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    simulate(horizon: min(path.count, shocks.count), shock: { shocks[$0] }, emit: { path[$0] = $1 })
  }
}
