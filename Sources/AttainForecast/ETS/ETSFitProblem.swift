#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The maximum-likelihood problem of one ETS form on one series: the free vector (estimated
/// smoothing parameters, then free initial states) with its start and box, and the penalised
/// criterion Nelder–Mead minimises (R forecast `etsmodel`, statsforecast `etsmodel`).
///
/// Starting values follow R's `initparam` (α = l + 0.2(u − l)/m, β = 10 % of its range below α,
/// γ = 5 % of its range below 1 − α, φ = 0.9782) and `initstate`; parameters outside the usual or
/// admissible region, and multiplicative seasonal states below 0, get an infinite criterion.
/// Perfect fits are floored at −1e10 as in R. β and γ are optimised as fractions of their
/// α-dependent ranges, β = lβ + u (min(α, uβ) − lβ), γ = lγ + v (min(1 − α, uγ) − lγ),
/// u, v ∈ [0, 1], so the usual region is a box that Nelder–Mead clamps to (corners such as β = α
/// are reachable) and only admissibility needs a penalty.
struct ETSFitProblem {
  let y: [Double]
  let form: ETSForm
  /// Seasonal period (1 without season).
  let m: Int
  let bounds: ETSParameterBounds
  /// Starting parameters; fixed ones keep their value throughout.
  let start: ETSParameters
  let estimateAlpha: Bool
  let estimateBeta: Bool
  let estimateGamma: Bool
  let estimatePhi: Bool
  /// Start, lower and upper bounds of the free vector.
  let x0: [Double]
  let lower: [Double]
  let upper: [Double]
  /// Number of smoothing parameters at the front of the free vector.
  let smoothingCount: Int
  let recursion: ETSRecursion
  let stateCount: Int
  let seasonStart: Int
  /// Sum of the seasonal states (m for multiplicative, 0 for additive seasons).
  let seasonTotal: Double
  let name: String

  /// Doubles of scratch `objective` needs: full initial state, seasonal ring, admissibility work.
  var scratchCount: Int { stateCount + m + 2 * (m + 3) }

  /// The problem of fitting `form` to `y`; nil when there are not more observations than
  /// parameters + 1 (R's "not enough data" rule). Throws for fixed parameters outside the region.
  init?(
    _ y: [Double], form: ETSForm, seasonLength: Int, fixed spec: ETSSpec,
    bounds inputBounds: ETSParameterBounds, name: String
  ) throws {
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
        $0.baseAddress.map { bounds.accepts(start, form: form, m: m, scratch: $0) } ?? false
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
      if estimateBeta {
        x0.append(Self.fraction(beta, Self.range(of: .beta, alpha: alpha, bounds: bounds)))
        lower.append(0)
        upper.append(1)
      }
      if estimateGamma {
        x0.append(Self.fraction(gamma, Self.range(of: .gamma, alpha: alpha, bounds: bounds)))
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
      self.y = y
      self.form = form
      self.m = m
      self.bounds = bounds
      self.start = start
      self.estimateAlpha = estimateAlpha
      self.estimateBeta = estimateBeta
      self.estimateGamma = estimateGamma
      self.estimatePhi = estimatePhi
      self.x0 = x0
      self.lower = lower
      self.upper = upper
      self.smoothingCount = smoothingCount
      self.recursion = recursion
      self.stateCount = recursion.stateCount
      self.seasonStart = form.hasTrend ? 2 : 1
      self.seasonTotal = form.season == .multiplicative ? dm : 0
      self.name = name
    }

  /// Which α-dependent range.
  enum RangeKind { case beta, gamma }

  /// The range of β, [lβ, min(α, uβ)], or of γ, [lγ, min(1 − α, uγ)].
  @inline(__always)
  static func range(of kind: RangeKind, alpha a: Double, bounds: ETSParameterBounds) -> (
    Double, Double
  ) {
    switch kind {
    case .beta: (bounds.lower.beta, min(a, bounds.upper.beta))
    case .gamma: (bounds.lower.gamma, min(1 - a, bounds.upper.gamma))
    }
  }

  /// Where `value` lies in `range` as a fraction in [0, 1].
  static func fraction(_ value: Double, _ range: (Double, Double)) -> Double {
    range.1 > range.0 ? min(max((value - range.0) / (range.1 - range.0), 0), 1) : 0
  }

  /// The smoothing parameters of free vector `v`.
  @inline(__always)
  func unpack(_ v: UnsafeBufferPointer<Double>) -> ETSParameters {
    var k = 0
    var p = start
    if estimateAlpha {
      p.alpha = v[k]
      k += 1
    }
    if estimateBeta {
      let (lo, hi) = Self.range(of: .beta, alpha: p.alpha, bounds: bounds)
      p.beta = lo + v[k] * (hi - lo)
      k += 1
    }
    if estimateGamma {
      let (lo, hi) = Self.range(of: .gamma, alpha: p.alpha, bounds: bounds)
      p.gamma = lo + v[k] * (hi - lo)
      k += 1
    }
    if estimatePhi { p.phi = v[k] }
    return p
  }

  /// The parameters of `v` with its full initial state written to `state` (R layout), or nil
  /// when `v` is outside the usual region or has a negative multiplicative seasonal state.
  @inline(__always)
  func prepare(_ v: UnsafeBufferPointer<Double>, state: UnsafeMutablePointer<Double>)
    -> ETSParameters?
  {
    let p = unpack(v)
    if !bounds.inUsualRegion(p, form: form) { return nil }
    var sum = 0.0
    for k in 0..<(stateCount - (form.hasSeason ? 1 : 0)) {
      let value = v[smoothingCount + k]
      state[k] = value
      if k >= seasonStart { sum += value }
    }
    if form.hasSeason {
      state[stateCount - 1] = seasonTotal - sum
      if form.season == .multiplicative {
        for k in seasonStart..<stateCount where state[k] < 0 { return nil }
      }
    }
    return p
  }

  /// The penalised criterion from the likelihood `value` of parameters `p`: the admissibility
  /// root test runs only for values below `cutoff` (above it the value is irrelevant to the
  /// simplex, see `NelderMead`). `work` needs 2(m + 3) doubles.
  @inline(__always)
  func penalised(
    _ value: Double, parameters p: ETSParameters, cutoff: Double, work: UnsafeMutablePointer<Double>
  ) -> Double {
    if value.isNaN { return .infinity }
    if value >= cutoff { return value }
    if !ETSParameterBounds.admissible(p, form: form, m: m, scratch: work) { return .infinity }
    return max(value, -1e10)
  }

  /// The penalised criterion of free vector `v`; `scratch` needs `scratchCount` doubles.
  @inline(__always)
  func objective(
    _ v: UnsafeBufferPointer<Double>, cutoff: Double, y yb: UnsafeBufferPointer<Double>,
    scratch: UnsafeMutablePointer<Double>
  ) -> Double {
    let state = scratch
    let ring = state + stateCount
    guard let p = prepare(v, state: state) else { return .infinity }
    let value = recursion.criterion(
      y: yb, parameters: p, initial: state, ring: ring, cutoff: cutoff)
    return penalised(value, parameters: p, cutoff: cutoff, work: ring + m)
  }

  /// The fitted model at the optimiser's result.
  func fitted(_ result: NelderMeadResult) -> FittedETS {
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
