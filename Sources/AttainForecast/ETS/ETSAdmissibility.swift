/// Parameter regions of ETS models (R forecast `check.param` with `bounds = "both"`).
///
/// *Usual* region: α ∈ [lα, uα], β ∈ [lβ, min(α, uβ)], γ ∈ [lγ, min(1 − α, uγ)], φ ∈ [lφ, uφ]
/// (defaults 1e-4 … 0.9999 and 0.8 … 0.98). *Admissible* region: the discount matrix
/// D = F − g wᵀ is stable, i.e. the roots of its characteristic polynomial lie in the unit disc
/// (closed forms for non-seasonal models; for seasonal ones the polynomial of degree m + 1 of
/// Hyndman et al. 2008, §10.2, tested with the Schur–Cohn recursion in O(m²) instead of R's
/// `polyroot`, with R's tolerance |z| ≤ 1 + 1e-10).
/// Reference: Hyndman, Akram & Archibald (2008), *The admissible parameter space for exponential
/// smoothing models*, Annals of the Institute of Statistical Mathematics 60(2).
struct ETSParameterBounds: Sendable, Equatable {
  var lower: (alpha: Double, beta: Double, gamma: Double, phi: Double) = (1e-4, 1e-4, 1e-4, 0.8)
  var upper: (alpha: Double, beta: Double, gamma: Double, phi: Double) = (
    0.9999, 0.9999, 0.9999, 0.98
  )

  static func == (a: Self, b: Self) -> Bool {
    a.lower == b.lower && a.upper == b.upper
  }

  /// Whether the parameters of `form` (absent ones ignored) are in the usual and admissible
  /// regions. `scratch` needs `2 (m + 2)` doubles for seasonal models.
  /// - Complexity: O(1), or O(m²) for seasonal models.
  @inline(__always)
  func accepts(
    _ p: ETSParameters, form: ETSForm, m: Int, scratch: UnsafeMutablePointer<Double>
  ) -> Bool {
    if !inUsualRegion(p, form: form) { return false }
    return Self.admissible(p, form: form, m: m, scratch: scratch)
  }

  /// The usual region alone (the cheap box-like checks).
  @inline(__always)
  func inUsualRegion(_ p: ETSParameters, form: ETSForm) -> Bool {
    if p.alpha < lower.alpha || p.alpha > upper.alpha { return false }
    if form.hasTrend && (p.beta < lower.beta || p.beta > p.alpha || p.beta > upper.beta) {
      return false
    }
    if form.trend == .damped && (p.phi < lower.phi || p.phi > upper.phi) { return false }
    if form.hasSeason && (p.gamma < lower.gamma || p.gamma > 1 - p.alpha || p.gamma > upper.gamma) {
      return false
    }
    return true
  }

  /// The admissible region alone (R `admissible`).
  static func admissible(
    _ p: ETSParameters, form: ETSForm, m: Int, scratch: UnsafeMutablePointer<Double>
  ) -> Bool {
    let phi = form.trend == .damped ? p.phi : 1
    if phi < 0 || phi > 1 + 1e-8 { return false }
    let alpha = p.alpha
    if !form.hasSeason || m <= 1 {
      if alpha < 1 - 1 / phi || alpha > 1 + 1 / phi { return false }
      if form.hasTrend {
        if p.beta < alpha * (phi - 1) || p.beta > (1 + phi) * (2 - alpha) { return false }
      }
      return true
    }
    let beta = form.hasTrend ? p.beta : 0
    let gamma = p.gamma
    let dm = Double(m)
    if gamma < max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha { return false }
    if alpha < 1 - 1 / phi - gamma * (1 - dm + phi + phi * dm) / (2 * phi * dm) { return false }
    if beta < -(1 - phi) * (gamma / dm + alpha) { return false }
    // Characteristic polynomial, increasing powers:
    // φ(1−α−γ) + (α+β−αφ+γ−1) z + (α+β−αφ)(z² + … + z^{m−1}) + (α+β−φ) z^m + z^{m+1}.
    let degree = m + 1
    let c = scratch
    c[0] = phi * (1 - alpha - gamma)
    c[1] = alpha + beta - alpha * phi + gamma - 1
    if m > 2 { for k in 2..<m { c[k] = alpha + beta - alpha * phi } }
    c[m] = alpha + beta - phi
    c[m + 1] = 1
    return rootsInDisc(c, degree: degree, radius: 1 + 1e-10, work: scratch + (m + 2))
  }

  /// Whether every root of Σ c_k z^k (degree `degree`, c[degree] ≠ 0) has |z| ≤ `radius`,
  /// by the Schur–Cohn step-down recursion on the polynomial scaled to the unit disc:
  /// p has all roots strictly inside iff |p_0| < |p_d| and (p_d p − p_0 p*)/z does.
  /// `coefficients` is overwritten; `work` needs `degree + 1` doubles.
  static func rootsInDisc(
    _ coefficients: UnsafeMutablePointer<Double>, degree: Int, radius: Double,
    work: UnsafeMutablePointer<Double>
  ) -> Bool {
    var p = coefficients
    var q = work
    var scale = 1.0
    for k in 0...degree {
      p[k] *= scale
      scale *= radius
    }
    var d = degree
    // The leading and constant coefficients stay in registers from step to step (reloading
    // them from the step's stores would put store-to-load latency on the serial chain).
    var lead = p[d]
    var constant = p[0]
    while d > 0 {
      if !(abs(constant) < abs(lead)) { return false }
      // q = (p_d p − p_0 p*)/z; every fourth step rescaled to a unit leading coefficient (the
      // leading coefficient squares each step, so this keeps it far from under/overflow while
      // keeping divisions off most steps). Coefficients j and d − 1 − j use the same two inputs:
      // q[d − 1] and q[0] (kept for the next step) with q[d − 2], then the rest in pairs.
      var nextLead = lead * lead - constant * constant
      var nextConstant: Double
      if d > 2 {
        nextConstant = lead * p[1] - constant * p[d - 1]
        q[d - 2] = lead * p[d - 1] - constant * p[1]
      } else if d == 2 {
        nextConstant = (lead - constant) * p[1]
      } else {
        nextConstant = nextLead
      }
      var lo = 2
      var hi = d - 2
      while lo < hi {
        let x = p[lo]
        let y = p[hi]
        q[lo - 1] = lead * x - constant * y
        q[hi - 1] = lead * y - constant * x
        lo += 1
        hi -= 1
      }
      if lo == hi { q[lo - 1] = (lead - constant) * p[lo] }
      if d & 3 == 0 {
        let norm = abs(nextLead)
        guard norm > 0 && norm.isFinite else { return false }
        let inverse = 1 / norm
        for j in 1..<(d - 1) { q[j] *= inverse }
        nextLead *= inverse
        nextConstant *= inverse
      }
      q[0] = nextConstant
      q[d - 1] = nextLead
      lead = nextLead
      constant = nextConstant
      swap(&p, &q)
      d -= 1
    }
    return true
  }
}
