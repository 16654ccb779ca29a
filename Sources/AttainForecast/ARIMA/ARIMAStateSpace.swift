import AttainLinearAlgebra
import Foundation

/// The state-space form of an ARIMA model and its Kalman filter: exact Gaussian likelihood,
/// standardized innovations and forecasts, as in R's `stats::arima` (`makeARIMA`,
/// `ARIMA_Like`, `KalmanForecast`).
///
/// The state is (αₜ, …, αₜ₋ᵣ₊₁ of the ARMA part in Harvey's form, r = max(p, q + 1), then the
/// d + mD lagged levels needed to undo the differencing). The ARMA block starts from its
/// stationary covariance Q₀, the solution of Q₀ = T Q₀ Tᵀ + R Rᵀ (Gardner, Harvey & Phillips
/// 1980 solve the same equations; here Q₀ is assembled from the ARMA autocovariances, see
/// `stationaryCovarianceFromAutocovariances`), the differenced block from a diffuse prior of variance κ = 10⁶; observations
/// whose innovation variance is ≥ 10⁴ (the diffuse ones) do not enter the likelihood.
///
/// Storage is allocated once in `init` and reused by every likelihood evaluation, so the
/// optimiser's hundreds of evaluations allocate nothing.
/// - Complexity: each `filter` is O(n·(r + d)²) plus O(p³ + r²s²) for Q₀ (s non-zero coefficients).
final class ARIMAStateSpace {
  /// Expanded AR order p + mP, MA order q + mQ.
  let arCount: Int
  let maCount: Int
  /// ARMA block size r and differencing block size d + mD.
  let r: Int
  let differenceCount: Int
  var rd: Int { r + differenceCount }

  /// φ (arCount), θ (r − 1, zero-padded), δ (differenceCount).
  let phi: UnsafeMutableBufferPointer<Double>
  let theta: UnsafeMutableBufferPointer<Double>
  let delta: UnsafeMutableBufferPointer<Double>
  /// Filtered state and covariance after the last `filter` call (column-major rd × rd).
  let a: UnsafeMutableBufferPointer<Double>
  let P: UnsafeMutableBufferPointer<Double>
  private let Pnew: UnsafeMutableBufferPointer<Double>
  private let anew: UnsafeMutableBufferPointer<Double>
  private let M: UnsafeMutableBufferPointer<Double>
  private let mm: UnsafeMutableBufferPointer<Double>
  private let system: UnsafeMutableBufferPointer<Double>
  private let rhs: UnsafeMutableBufferPointer<Double>
  private let pivots: UnsafeMutableBufferPointer<Int32>
  private let psi: UnsafeMutableBufferPointer<Double>
  private let gamma: UnsafeMutableBufferPointer<Double>

  /// The diffuse prior variance κ of the differenced block (R's default 10⁶).
  static let diffuseVariance = 1e6

  init(order: ARIMAOrder, period m: Int) {
    let season = max(m, 1)
    arCount = order.p + season * order.seasonalP
    maCount = order.q + season * order.seasonalQ
    r = max(arCount, maCount + 1)
    differenceCount = order.d + season * order.seasonalD
    let rd = r + differenceCount
    func buffer(_ n: Int) -> UnsafeMutableBufferPointer<Double> {
      let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(n, 1))
      b.initialize(repeating: 0)
      return UnsafeMutableBufferPointer(rebasing: b[0..<max(n, 1)])
    }
    phi = buffer(arCount)
    theta = buffer(r - 1)
    delta = buffer(differenceCount)
    a = buffer(rd)
    P = buffer(rd * rd)
    Pnew = buffer(rd * rd)
    anew = buffer(rd)
    M = buffer(rd)
    mm = buffer(rd * rd)
    system = buffer((arCount + 1) * (arCount + 1))
    rhs = buffer(arCount + 1)
    psi = buffer(r + 1)
    gamma = buffer(r + 1)
    pivots = UnsafeMutableBufferPointer<Int32>.allocate(capacity: arCount + 1)
    pivots.initialize(repeating: 0)
    let coefficients = ARIMAPolynomials.differencingCoefficients(
      d: order.d, seasonalD: order.seasonalD, period: season)
    for i in 0..<differenceCount { delta[i] = coefficients[i] }
  }

  deinit {
    for b in [phi, theta, delta, a, P, Pnew, anew, M, mm, system, rhs, psi, gamma] { b.deallocate() }
    pivots.deallocate()
  }

  /// Writes the initial covariance into `Pnew` (the prediction for the first observation):
  /// Q₀ in the ARMA block, κ on the differenced diagonal. Returns false if Q₀ cannot be solved.
  private func initialCovariance() -> Bool {
    let rd = self.rd
    for i in 0..<(rd * rd) { Pnew[i] = 0 }
    for i in 0..<rd { a[i] = 0 }
    let p = arCount
    if r == 1 {
      Pnew[0] = p > 0 ? 1 / (1 - phi[0] * phi[0]) : 1
    } else if p == 0 {
      // Pure MA: Q₀ = Σₖ Tᵏ V Tᵀᵏ, (i, j) entry Σₖ vᵢ₊ₖ vⱼ₊ₖ with v = (1, θ).
      for j in 0..<r {
        for i in 0...j {
          var s = 0.0
          var k = 0
          while j + k < r {
            let vi = i + k == 0 ? 1 : theta[i + k - 1]
            let vj = j + k == 0 ? 1 : theta[j + k - 1]
            s += vi * vj
            k += 1
          }
          Pnew[i + rd * j] = s
          Pnew[j + rd * i] = s
        }
      }
    } else {
      guard stationaryCovarianceFromAutocovariances() else { return false }
    }
    for i in r..<rd { Pnew[i + rd * i] = Self.diffuseVariance }
    return true
  }

  /// Q₀ for an ARMA block with p > 0 from the process's autocovariances.
  ///
  /// State i of Harvey's form is αₜ[0] = xₜ and αₜ[i] = Σ_{k>i} φₖxₜ₊ᵢ₋ₖ + Σ_{k≥i} θₖεₜ₊ᵢ₋ₖ,
  /// so Cov(αₜ[i], αₜ[l]) is a sum of autocovariances γ(h) of x, cross-covariances
  /// Cov(xₜ₋ⱼ, εₜ₋ⱼ') = ψ_{j'−j} and white-noise terms. γ(0…p) solve the (p+1) equations
  /// γ(h) − Σφₖγ(|h−k|) = Σ_{j≥h} θⱼψⱼ₋ₕ (LAPACK `dgesv`), later lags follow by recursion.
  /// This is the same stationary covariance Gardner et al. (1980) compute (the solution of
  /// Q₀ = TQ₀Tᵀ + RRᵀ), in O(p³ + r²·s²) with s the non-zero coefficients instead of
  /// O(r⁶), which matters for seasonal AR terms (r = 13…26 for monthly data).
  /// Reference: Brockwell & Davis (1991), *Time Series: Theory and Methods*, §3.3.
  private func stationaryCovarianceFromAutocovariances() -> Bool {
    let p = arCount
    let rd = self.rd
    @inline(__always) func phiK(_ k: Int) -> Double { k >= 1 && k <= p ? phi[k - 1] : 0 }
    @inline(__always) func thetaK(_ k: Int) -> Double { k == 0 ? 1 : (k <= r - 1 ? theta[k - 1] : 0) }
    // ψ₀…ψᵣ.
    for j in 0...r {
      var v = thetaK(j)
      var k = 1
      while k <= min(j, p) {
        v += phiK(k) * psi[j - k]
        k += 1
      }
      psi[j] = v
    }
    // γ(0…p) from the (p + 1) × (p + 1) system.
    let size = p + 1
    for i in 0..<(size * size) { system[i] = 0 }
    for h in 0...p {
      system[h + size * h] += 1
      for k in 1...p { system[h + size * abs(h - k)] -= phiK(k) }
      var v = 0.0
      var j = h
      while j <= r - 1 {
        v += thetaK(j) * psi[j - h]
        j += 1
      }
      rhs[h] = v
    }
    guard let sa = system.baseAddress, let sb = rhs.baseAddress, let sp = pivots.baseAddress,
      DenseSolve.solveInPlace(order: size, matrix: sa, rightHandSide: sb, pivots: sp)
    else { return false }
    for h in 0...min(p, r) { gamma[h] = rhs[h] }
    if p < r {
      for h in (p + 1)...r {
        var v = 0.0
        for k in 1...p { v += phiK(k) * gamma[h - k] }
        var j = h
        while j <= r - 1 {
          v += thetaK(j) * psi[j - h]
          j += 1
        }
        gamma[h] = v
      }
    }
    // State i as x-lag coefficients a (lags 0…r) and ε-lag coefficients b (lags 0…r).
    @inline(__always) func a(_ i: Int, _ lag: Int) -> Double { i == 0 ? (lag == 0 ? 1 : 0) : phiK(i + lag) * (lag >= 1 ? 1 : 0) }
    @inline(__always) func b(_ i: Int, _ lag: Int) -> Double { i == 0 ? 0 : thetaK(i + lag) }
    for i in 0..<r {
      for l in i..<r {
        var v = 0.0
        let ja = i == 0 ? 0...0 : 1...max(r - i, 1)
        let la = l == 0 ? 0...0 : 1...max(r - l, 1)
        for j in ja {
          let ai = a(i, j)
          if ai == 0 { continue }
          for jj in la {
            let al = a(l, jj)
            if al != 0 { v += ai * al * gamma[abs(j - jj)] }
          }
          if l > 0 {
            // Cov(x_{t−j}, ε_{t−j'}) = ψ_{j'−j} for j' ≥ j.
            var jj = j
            while jj <= r - 1 - l {
              let bl = b(l, jj)
              if bl != 0 { v += ai * bl * psi[jj - j] }
              jj += 1
            }
          }
        }
        if i > 0 {
          for j in 0...(r - 1 - i) {
            let bi = b(i, j)
            if bi == 0 { continue }
            for jj in la where jj <= j {
              let al = a(l, jj)
              if al != 0 { v += bi * al * psi[j - jj] }
            }
            if l > 0 && j <= r - 1 - l { v += bi * b(l, j) }
          }
        }
        Pnew[i + rd * l] = v
        Pnew[l + rd * i] = v
      }
    }
    return true
  }

  /// Sets φ and θ from the expanded polynomials (θ zero-padded to r − 1).
  func setCoefficients(phi newPhi: UnsafeBufferPointer<Double>, theta newTheta: UnsafeBufferPointer<Double>) {
    for i in 0..<arCount { phi[i] = newPhi[i] }
    for i in 0..<(r - 1) { theta[i] = i < newTheta.count ? newTheta[i] : 0 }
  }

  /// The sums of the Kalman filter over `y`: Σ vₜ²/Fₜ, Σ log Fₜ and the count of
  /// observations used (Fₜ < 10⁴). With `residuals`, writes the standardized innovations
  /// vₜ/√Fₜ. Leaves the final filtered state in `a`, `P`. Returns nil if Q₀ fails.
  /// - Complexity: O(n·rd²), no allocation.
  ///
  /// With `steadyState`, once every entry of the filtered covariance is below that value the
  /// filter switches to its limit (P = 0, innovation variance 1, gain = R), the "fast
  /// recursions" of Gardner et al. (1980): O(r) instead of O(r²) per observation. Only valid
  /// without a differenced block; used by the automatic search, never for reported fits.
  func filter(
    _ y: UnsafeBufferPointer<Double>, residuals: UnsafeMutableBufferPointer<Double>? = nil,
    steadyState: Double? = nil
  ) -> (ssq: Double, sumLog: Double, used: Int)? {
    guard initialCovariance() else { return nil }
    let p = arCount
    let q = r - 1
    let d = differenceCount
    let rd = self.rd
    var ssq = 0.0
    var sumLog = 0.0
    var used = 0
    let steadyTolerance = differenceCount == 0 ? (steadyState ?? -1) : -1
    var l = 0
    let n = y.count
    while l < n {
      if steadyTolerance > 0 && l > r && isNegligible(P, count: rd * rd, below: steadyTolerance) {
        // Steady state: aₜ₊₁ = T aₜ + R vₜ, Fₜ = 1.
        while l < n {
          let first = (p > 0 ? phi[0] * a[0] : 0) + (r > 1 ? a[1] : 0)
          let resid0 = y[l] - first
          let a0 = a[0]
          for i in 0..<r {
            var tmp = i < r - 1 ? a[i + 1] : 0
            if i < p { tmp += phi[i] * a0 }
            a[i] = tmp + (i == 0 ? 1 : theta[i - 1]) * resid0
          }
          used += 1
          ssq += resid0 * resid0
          residuals?[l] = resid0
          l += 1
        }
        break
      }
      defer { l += 1 }
      for i in 0..<r {
        var tmp = i < r - 1 ? a[i + 1] : 0
        if i < p { tmp += phi[i] * a[0] }
        anew[i] = tmp
      }
      if d > 0 {
        var i = r + 1
        while i < rd {
          anew[i] = a[i - 1]
          i += 1
        }
        var tmp = a[0]
        for k in 0..<d { tmp += delta[k] * a[r + k] }
        anew[r] = tmp
      }
      if l > 0 {
        if steadyTolerance > 0 { predictStationaryCovarianceSymmetric(p: p) } else {
          predictCovariance(p: p, q: q, d: d, rd: rd)
        }
      }
      let yl = y[l]
      if !yl.isNaN {
        var resid0 = yl - anew[0]
        for k in 0..<d { resid0 -= delta[k] * anew[r + k] }
        var gain = Pnew[0]
        for k in 0..<d { gain += delta[k] * Pnew[r + k] }
        for i in 0..<rd {
          var tmp = Pnew[i]
          for k in 0..<d { tmp += Pnew[i + rd * (r + k)] * delta[k] }
          M[i] = tmp
        }
        for k in 0..<d { gain += delta[k] * M[r + k] }
        if gain < 1e4 {
          used += 1
          ssq += resid0 * resid0 / gain
          sumLog += log(gain)
        }
        residuals?[l] = resid0 / gain.squareRoot()
        for i in 0..<rd { a[i] = anew[i] + M[i] * resid0 / gain }
        if steadyTolerance > 0 {
          for j in 0..<rd {
            let mj = M[j] / gain
            for i in j..<rd {
              let v = Pnew[i + rd * j] - M[i] * mj
              P[i + rd * j] = v
              P[j + rd * i] = v
            }
          }
        } else {
          for j in 0..<rd {
            let mj = M[j] / gain
            for i in 0..<rd { P[i + rd * j] = Pnew[i + rd * j] - M[i] * mj }
          }
        }
      } else {
        for i in 0..<rd { a[i] = anew[i] }
        for i in 0..<(rd * rd) { P[i] = Pnew[i] }
        residuals?[l] = .nan
      }
    }
    return (ssq, sumLog, used)
  }

  /// Whether every |P[i]| < bound.
  @inline(__always)
  private func isNegligible(_ P: UnsafeMutableBufferPointer<Double>, count: Int, below bound: Double) -> Bool {
    for i in 0..<count where abs(P[i]) >= bound { return false }
    return true
  }

  /// Pnew = T P Tᵀ + R Rᵀ without a differenced block, computing one triangle (the search's
  /// fast filter; the same sums as `predictCovariance`, mirrored).
  @inline(__always)
  private func predictStationaryCovarianceSymmetric(p: Int) {
    let r = self.r
    let p00 = P[0]
    for j in 0..<r {
      let vj = j == 0 ? 1 : theta[j - 1]
      let phiJ = j < p ? phi[j] : 0
      let pj1 = j < r - 1 ? P[j + 1] : 0
      for i in j..<r {
        let vi = i == 0 ? 1 : theta[i - 1]
        let phiI = i < p ? phi[i] : 0
        var tmp = vi * vj + phiI * phiJ * p00
        if i < r - 1 {
          tmp += P[i + 1 + r * (j + 1)]
          tmp += phiI * pj1 + phiJ * P[i + 1]
        } else {
          tmp += phiI * pj1
        }
        Pnew[i + r * j] = tmp
        Pnew[j + r * i] = tmp
      }
    }
  }

  /// Pnew = T P Tᵀ + R Rᵀ for the current φ, θ, δ.
  @inline(__always)
  private func predictCovariance(p: Int, q: Int, d: Int, rd: Int) {
    if d == 0 {
      for j in 0..<r {
        let vj = j == 0 ? 1 : theta[j - 1]
        for i in 0..<r {
          let vi = i == 0 ? 1 : theta[i - 1]
          var tmp = vi * vj
          if i < p && j < p { tmp += phi[i] * phi[j] * P[0] }
          if i < r - 1 && j < r - 1 { tmp += P[i + 1 + r * (j + 1)] }
          if i < p && j < r - 1 { tmp += phi[i] * P[j + 1] }
          if j < p && i < r - 1 { tmp += phi[j] * P[i + 1] }
          Pnew[i + r * j] = tmp
        }
      }
      return
    }
    // mm = T P
    for j in 0..<rd {
      for i in 0..<r {
        var tmp = 0.0
        if i < p { tmp += phi[i] * P[rd * j] }
        if i < r - 1 { tmp += P[i + 1 + rd * j] }
        mm[i + rd * j] = tmp
      }
      var tmp = P[rd * j]
      for k in 0..<d { tmp += delta[k] * P[r + k + rd * j] }
      mm[r + rd * j] = tmp
      var i = 1
      while i < d {
        mm[r + i + rd * j] = P[r + i - 1 + rd * j]
        i += 1
      }
    }
    // Pnew = mm Tᵀ
    for i in 0..<r {
      for j in 0..<rd {
        var tmp = 0.0
        if i < p { tmp += phi[i] * mm[j] }
        if i < r - 1 { tmp += mm[rd * (i + 1) + j] }
        Pnew[j + rd * i] = tmp
      }
    }
    for j in 0..<rd {
      var tmp = mm[j]
      for k in 0..<d { tmp += delta[k] * mm[rd * (r + k) + j] }
      Pnew[j + rd * r] = tmp
    }
    var i = 1
    while i < d {
      for j in 0..<rd { Pnew[j + rd * (r + i)] = mm[rd * (r + i - 1) + j] }
      i += 1
    }
    for i in 0...q {
      let vi = i == 0 ? 1 : theta[i - 1]
      for j in 0...q {
        Pnew[i + rd * j] += vi * (j == 0 ? 1 : theta[j - 1])
      }
    }
  }

  /// Forecasts h steps from the filtered state: means of the ARIMA part and the variances
  /// Zᵀ Pₜ Z in units of σ² (multiply by the innovation variance).
  /// - Complexity: O(h·rd³).
  func forecast(horizon h: Int) -> (mean: [Double], variance: [Double]) {
    let rd = self.rd
    let p = arCount
    let d = differenceCount
    // Dense T, Z and V = R Rᵀ.
    var T = [Double](repeating: 0, count: rd * rd)
    for i in 0..<p { T[i] = phi[i] }
    for i in 1..<max(r, 1) { T[(i - 1) + rd * i] = 1 }
    var Z = [Double](repeating: 0, count: rd)
    Z[0] = 1
    for k in 0..<d { Z[r + k] = delta[k] }
    if d > 0 {
      for j in 0..<rd { T[r + rd * j] = Z[j] }
      var i = r + 1
      while i < rd {
        T[i + rd * (i - 1)] = 1
        i += 1
      }
    }
    var R = [Double](repeating: 0, count: rd)
    R[0] = 1
    for i in 1..<r { R[i] = theta[i - 1] }
    var state = Array(a)
    var cov = Array(P)
    var mean: [Double] = []
    var variance: [Double] = []
    var tmpState = state
    var tmpCov = cov
    for _ in 0..<max(h, 0) {
      var fc = 0.0
      for i in 0..<rd {
        var s = 0.0
        for k in 0..<rd { s += T[i + rd * k] * state[k] }
        tmpState[i] = s
        fc += s * Z[i]
      }
      state = tmpState
      mean.append(fc)
      // cov = T cov Tᵀ + V
      for j in 0..<rd {
        for i in 0..<rd {
          var s = 0.0
          for k in 0..<rd { s += T[i + rd * k] * cov[k + rd * j] }
          tmpCov[i + rd * j] = s
        }
      }
      for j in 0..<rd {
        for i in 0..<rd {
          var s = R[i] * R[j]
          for k in 0..<rd { s += tmpCov[i + rd * k] * T[j + rd * k] }
          cov[i + rd * j] = s
        }
      }
      var v = 0.0
      for i in 0..<rd { for j in 0..<rd { v += Z[i] * Z[j] * cov[i + rd * j] } }
      variance.append(v)
    }
    return (mean, variance)
  }
}
