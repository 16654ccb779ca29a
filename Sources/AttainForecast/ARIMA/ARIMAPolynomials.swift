import AttainLinearAlgebra
import Foundation

/// The polynomial algebra of a seasonal ARIMA model: expanding the multiplicative seasonal
/// lag polynomials, the differencing polynomial, the partial-autocorrelation reparametrisation
/// that keeps AR parts stationary during optimisation, and root checks.
///
/// Conventions follow R's `stats::arima`: φ(B) = 1 − φ₁B − … and θ(B) = 1 + θ₁B + …; the
/// parameter vector is (ar₁…ar_p, ma₁…ma_q, sar₁…sar_P, sma₁…sma_Q, regression coefficients).
/// Reference: Jones (1980), *Maximum likelihood fitting of ARMA models to time series with
/// missing observations*, Technometrics 22(3); Monahan (1984), Biometrika 71(2).
enum ARIMAPolynomials {
  /// The expanded AR and MA coefficients of (1 − ΣφᵢBⁱ)(1 − ΣΦⱼB^{jm}) and
  /// (1 + ΣθᵢBⁱ)(1 + ΣΘⱼB^{jm}), written into `phi` (p + mP) and `theta` (q + mQ).
  /// - Complexity: O(pP + qQ), no allocation.
  static func expand(
    _ params: UnsafeBufferPointer<Double>, order: ARIMAOrder, period m: Int,
    phi: UnsafeMutableBufferPointer<Double>, theta: UnsafeMutableBufferPointer<Double>
  ) {
    let p = order.p
    let q = order.q
    let sp = order.seasonalP
    let sq = order.seasonalQ
    for i in 0..<phi.count { phi[i] = i < p ? params[i] : 0 }
    for i in 0..<theta.count { theta[i] = i < q ? params[p + i] : 0 }
    for j in 0..<sp {
      let s = params[p + q + j]
      phi[(j + 1) * m - 1] += s
      for i in 0..<p { phi[(j + 1) * m + i] -= params[i] * s }
    }
    for j in 0..<sq {
      let s = params[p + q + sp + j]
      theta[(j + 1) * m - 1] += s
      for i in 0..<q { theta[(j + 1) * m + i] += params[p + i] * s }
    }
  }

  /// Maps k unconstrained reals to the coefficients of a stationary AR(k): tanh gives partial
  /// autocorrelations in (−1, 1), the Durbin–Levinson recursion turns them into coefficients.
  /// `work` needs k doubles. - Complexity: O(k²), no allocation.
  static func stationaryFromUnconstrained(
    _ raw: UnsafePointer<Double>, count k: Int, into out: UnsafeMutablePointer<Double>,
    work: UnsafeMutablePointer<Double>
  ) {
    for j in 0..<k {
      out[j] = tanh(raw[j])
      work[j] = out[j]
    }
    if k < 2 { return }
    for j in 1..<k {
      let a = out[j]
      for i in 0..<j { work[i] -= a * out[j - i - 1] }
      for i in 0..<j { out[i] = work[i] }
    }
  }

  /// The inverse of `stationaryFromUnconstrained`: AR coefficients → partial autocorrelations
  /// (backward Durbin–Levinson) → atanh. - Complexity: O(k²).
  static func unconstrainedFromStationary(_ coefficients: [Double]) -> [Double] {
    let k = coefficients.count
    var out = coefficients
    var work = coefficients
    var j = k - 1
    while j > 0 {
      let a = out[j]
      for i in 0..<j { work[i] = (out[i] + a * out[j - i - 1]) / (1 - a * a) }
      for i in 0..<j { out[i] = work[i] }
      j -= 1
    }
    return out.map { atanh($0) }
  }

  /// Transforms the AR and seasonal AR blocks of `params` in place (see
  /// `stationaryFromUnconstrained`); the MA and regression entries are unchanged.
  static func transformAR(_ params: inout [Double], order: ARIMAOrder) {
    var copy = params
    params.withUnsafeMutableBufferPointer { out in
      copy.withUnsafeMutableBufferPointer { raw in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(order.p, order.seasonalP, 1)) { work in
          guard let o = out.baseAddress, let r = raw.baseAddress, let w = work.baseAddress else { return }
          if order.p > 0 { stationaryFromUnconstrained(r, count: order.p, into: o, work: w) }
          let v = order.p + order.q
          if order.seasonalP > 0 {
            stationaryFromUnconstrained(r + v, count: order.seasonalP, into: o + v, work: w)
          }
        }
      }
    }
  }

  /// The inverse of `transformAR` on the AR and seasonal AR blocks.
  static func untransformAR(_ params: inout [Double], order: ARIMAOrder) {
    if order.p > 0 {
      let inv = unconstrainedFromStationary(Array(params[0..<order.p]))
      for i in 0..<order.p { params[i] = inv[i] }
    }
    if order.seasonalP > 0 {
      let v = order.p + order.q
      let inv = unconstrainedFromStationary(Array(params[v..<(v + order.seasonalP)]))
      for i in 0..<order.seasonalP { params[v + i] = inv[i] }
    }
  }

  /// The coefficients δ of the differencing operator (1 − B)ᵈ(1 − Bᵐ)ᴰ = 1 − Σδᵢ Bⁱ.
  static func differencingCoefficients(d: Int, seasonalD: Int, period m: Int) -> [Double] {
    var poly: [Double] = [1]
    func multiply(_ factor: [Double]) {
      var out = [Double](repeating: 0, count: poly.count + factor.count - 1)
      for (i, a) in poly.enumerated() { for (j, b) in factor.enumerated() { out[i + j] += a * b } }
      poly = out
    }
    for _ in 0..<d { multiply([1, -1]) }
    if m >= 1 {
      for _ in 0..<seasonalD {
        var f = [Double](repeating: 0, count: m + 1)
        f[0] = 1
        f[m] = -1
        multiply(f)
      }
    }
    return poly.dropFirst().map { -$0 }
  }

  /// Whether the AR polynomial 1 − Σaᵢzⁱ has all roots outside the unit circle (R `arCheck`).
  static func isStationary(_ ar: ArraySlice<Double>) -> Bool {
    guard let last = ar.lastIndex(where: { $0 != 0 }) else { return true }
    let coefficients = [1] + ar[ar.startIndex...last].map { -$0 }
    guard let moduli = try? PolynomialRoots.moduli(ascending: coefficients) else { return false }
    return moduli.allSatisfy { $0 > 1 }
  }

  /// The invertible MA polynomial with the same autocovariances: roots of 1 + Σθᵢzⁱ inside the
  /// unit circle are replaced by their reciprocals (R `maInvert`).
  static func invertMA(_ ma: [Double]) -> [Double] {
    let q = ma.count
    guard let lastNonZero = ma.lastIndex(where: { $0 != 0 }) else { return ma }
    let q0 = lastNonZero + 1
    guard let roots = try? PolynomialRoots.roots(ascending: [1] + ma[0..<q0]) else { return ma }
    let inside = roots.map { $0.real * $0.real + $0.imaginary * $0.imaginary < 1 }
    if !inside.contains(true) { return ma }
    if q0 == 1 { return [1 / ma[0]] + [Double](repeating: 0, count: q - 1) }
    // Rebuild ∏(1 − z/rᵢ) with the flipped roots, in complex arithmetic.
    var re: [Double] = [1]
    var im: [Double] = [0]
    for (k, root) in roots.enumerated() {
      var (a, b) = root
      if inside[k] {
        let s = a * a + b * b
        (a, b) = (a / s, -b / s)
      }
      // 1/r
      let s = a * a + b * b
      let (ra, rb) = (a / s, -b / s)
      var newRe = re + [0]
      var newIm = im + [0]
      for i in 0..<re.count {
        // subtract x[i]/r at position i+1
        newRe[i + 1] -= re[i] * ra - im[i] * rb
        newIm[i + 1] -= re[i] * rb + im[i] * ra
      }
      re = newRe
      im = newIm
    }
    return Array(re.dropFirst()) + [Double](repeating: 0, count: q - q0)
  }

  /// The smallest root modulus of 1 − Σaᵢzⁱ (sign −1) or 1 + Σaᵢzⁱ (sign +1), ignoring
  /// trailing coefficients below 1e-8 in magnitude (as `forecast::auto.arima`); 2 when none.
  static func smallestRootModulus(_ coefficients: [Double], sign: Double) -> Double? {
    guard let last = coefficients.lastIndex(where: { abs($0) > 1e-8 }) else { return 2 }
    let poly = [1] + coefficients[0...last].map { sign * $0 }
    guard let moduli = try? PolynomialRoots.moduli(ascending: poly) else { return nil }
    return min(2, moduli.min() ?? 2)
  }
}
