/// Analytic forecast means and variances of the ETS classes of Hyndman et al. (2008), ch. 6
/// (R forecast's `class1`, `class2`, `class3`).
///
/// With c_j = α + β(φ + … + φ^j) + γ·[j mod m = 0]:
/// - class 1 (additive errors): v_h = σ² (1 + Σ_{j<h} c_j²);
/// - class 2 (multiplicative errors, no multiplicative season): θ_1 = μ_1²,
///   θ_h = μ_h² + σ² Σ_{j<h} c_j² θ_{h−j}, v_h = (1 + σ²) θ_h − μ_h²;
/// - class 3 (multiplicative errors and season): the exact mean and variance recursions of §6.4
///   on the Kronecker form of the level/trend × season states.
enum ETSForecastVariance {
  /// The c_j coefficients, j = 1…h−1.
  static func coefficients(_ model: FittedETS, count: Int) -> [Double] {
    guard count > 0 else { return [] }
    let p = model.parameters
    var out = [Double](repeating: 0, count: count)
    var phiSum = 0.0
    var phiPower = 1.0
    for j in 1...count {
      phiPower *= p.phi
      phiSum += phiPower
      var c = p.alpha
      if model.form.hasTrend { c += p.beta * phiSum }
      if model.form.hasSeason && j % model.seasonLength == 0 { c += p.gamma }
      out[j - 1] = c
    }
    return out
  }

  /// Class 1 variances.
  /// - Complexity: O(h).
  static func class1(_ model: FittedETS, horizon h: Int) -> [Double] {
    let c = coefficients(model, count: h - 1)
    var out = [Double](repeating: model.sigma2, count: h)
    var cumulative = 0.0
    for i in 1..<max(h, 1) {
      cumulative += c[i - 1] * c[i - 1]
      out[i] = model.sigma2 * (1 + cumulative)
    }
    return out
  }

  /// Class 2 variances given the means.
  /// - Complexity: O(h²).
  static func class2(_ model: FittedETS, mean mu: [Double]) -> [Double] {
    let h = mu.count
    let c = coefficients(model, count: h - 1)
    let s2 = model.sigma2
    var theta = [Double](repeating: 0, count: h)
    theta[0] = mu[0] * mu[0]
    if h > 1 {
      for j in 1..<h {
        var sum = 0.0
        for i in 1...j { sum += c[i - 1] * c[i - 1] * theta[j - i] }
        theta[j] = mu[j] * mu[j] + s2 * sum
      }
    }
    return (0..<h).map { (1 + s2) * theta[$0] - mu[$0] * mu[$0] }
  }

  /// Class 3 means and variances.
  /// - Complexity: O(h (p m)²) with p = 1 or 2 level/trend states (sparse products).
  static func class3(_ model: FittedETS, horizon h: Int) -> (mean: [Double], variance: [Double]) {
    let m = model.seasonLength
    let p1 = model.form.hasTrend ? 2 : 1
    let size = p1 * m
    let par = model.parameters
    let s2 = model.sigma2
    let x1 = Array(model.finalState[0..<p1])
    let season = Array(model.finalState[p1..<(p1 + m)])
    var f1 = [Double](repeating: 0, count: p1 * p1)
    var g1 = [Double](repeating: 0, count: p1 * p1)
    if p1 == 1 {
      f1[0] = 1
      g1[0] = par.alpha
    } else {
      f1 = [1, 1, 0, par.phi]
      g1 = [par.alpha, par.alpha, par.beta, par.beta]
    }
    var f2 = [Double](repeating: 0, count: m * m)
    f2[m - 1] = 1
    for i in 1..<max(m, 1) { f2[i * m + i - 1] = 1 }
    var g2 = [Double](repeating: 0, count: m * m)
    g2[m - 1] = par.gamma
    func kron(_ a: [Double], _ b: [Double]) -> [Double] {
      var out = [Double](repeating: 0, count: size * size)
      for i in 0..<m {
        for j in 0..<m {
          let aij = a[i * m + j]
          if aij == 0 { continue }
          for k in 0..<p1 {
            for l in 0..<p1 { out[(i * p1 + k) * size + j * p1 + l] = aij * b[k * p1 + l] }
          }
        }
      }
      return out
    }
    let f21 = kron(f2, f1)
    let g21 = kron(g2, g1)
    let kf = kron(g2, f1)
    let kg = kron(f2, g1)
    let k = (0..<(size * size)).map { kf[$0] + kg[$0] }
    /// The nonzero entries of each row of a size × size matrix, as (column, value).
    func nonzeroRows(_ c: [Double]) -> [[(column: Int, value: Double)]] {
      (0..<size).map { j in
        (0..<size).compactMap { l in c[j * size + l] == 0 ? nil : (l, c[j * size + l]) }
      }
    }
    /// a · b · cᵀ for size × size matrices, `rows` the nonzero entries of c. The matrices are
    /// Kronecker products of shift and rank-one matrices (a few nonzeros per row), so both
    /// products skip zeros: O(size² · nonzeros per row) instead of O(size³). Terms are added in
    /// the dense order, so the result equals the dense product for finite inputs.
    func sandwich(_ a: [Double], _ b: [Double], _ rows: [[(column: Int, value: Double)]])
      -> [Double]
    {
      var ab = [Double](repeating: 0, count: size * size)
      for i in 0..<size {
        for l in 0..<size {
          let ail = a[i * size + l]
          if ail == 0 { continue }
          for j in 0..<size { ab[i * size + j] += ail * b[l * size + j] }
        }
      }
      var out = [Double](repeating: 0, count: size * size)
      for i in 0..<size {
        for j in 0..<size {
          var s = 0.0
          for (l, value) in rows[j] { s += ab[i * size + l] * value }
          out[i * size + j] = s
        }
      }
      return out
    }
    let (f21Rows, g21Rows, kRows) = (nonzeroRows(f21), nonzeroRows(g21), nonzeroRows(k))
    // Mh (p1 × m), row-major.
    var mh = [Double](repeating: 0, count: p1 * m)
    for r in 0..<p1 { for c in 0..<m { mh[r * m + c] = x1[r] * season[c] } }
    var vh = [Double](repeating: 0, count: size * size)
    var mean = [Double](repeating: 0, count: h)
    var variance = [Double](repeating: 0, count: h)
    for step in 0..<h {
      var mu = 0.0
      for r in 0..<p1 { mu += mh[r * m + m - 1] }
      var hvh = 0.0
      for a in 0..<p1 {
        for b in 0..<p1 { hvh += vh[((m - 1) * p1 + a) * size + (m - 1) * p1 + b] }
      }
      mean[step] = mu
      variance[step] = (1 + s2) * hvh + s2 * mu * mu
      if step == h - 1 { break }
      // vec(Mh), column-major.
      var v = [Double](repeating: 0, count: size)
      for c in 0..<m { for r in 0..<p1 { v[c * p1 + r] = mh[r * m + c] } }
      var vPlus = vh
      var vTriple = vh
      for i in 0..<size {
        for j in 0..<size {
          vPlus[i * size + j] += v[i] * v[j]
          vTriple[i * size + j] = 3 * vh[i * size + j] + 2 * v[i] * v[j]
        }
      }
      let t1 = sandwich(f21, vh, f21Rows)
      let t2 = sandwich(f21, vh, g21Rows)
      let t3 = sandwich(g21, vh, f21Rows)
      let t4 = sandwich(k, vPlus, kRows)
      let t5 = sandwich(g21, vTriple, g21Rows)
      for idx in 0..<(size * size) {
        vh[idx] = t1[idx] + s2 * (t2[idx] + t3[idx] + t4[idx] + s2 * t5[idx])
      }
      // Mh ← F1 Mh F2ᵀ + σ² G1 Mh G2ᵀ.
      var next = [Double](repeating: 0, count: p1 * m)
      for r in 0..<p1 {
        for c in 0..<m {
          var s = 0.0
          for a in 0..<p1 {
            for b in 0..<m {
              let x = mh[a * m + b]
              if x == 0 { continue }
              s += (f1[r * p1 + a] * f2[c * m + b] + s2 * g1[r * p1 + a] * g2[c * m + b]) * x
            }
          }
          next[r * m + c] = s
        }
      }
      mh = next
    }
    return (mean, variance)
  }
}
