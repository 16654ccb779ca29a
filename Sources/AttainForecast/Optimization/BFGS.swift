/// Quasi-Newton minimisation by the BFGS method with a backtracking line search, the
/// variable-metric algorithm of Nash (1990) that R's `optim(method = "BFGS")` uses, with a
/// central-difference gradient on the scaled parameters as `optim` computes it.
///
/// Parameters are optimised on the scale xᵢ/sᵢ (`parameterScale` s, R's `parscale`); the
/// gradient of the scaled objective uses steps ±`gradientStep` (R's `ndeps`, 10⁻³).
/// The inverse Hessian approximation starts at the identity and restarts when the search
/// direction is not downhill or after 2n gradient evaluations without a restart; a step is
/// accepted when f decreases by at least 10⁻⁴ of the predicted decrease (Armijo), otherwise it
/// shrinks by a factor 5. The search stops when an accepted step changes f by no more than
/// `relativeTolerance`·(|f| + `relativeTolerance`), or after `maxIterations` gradients.
///
/// Reference: Nash (1990), *Compact Numerical Methods for Computers*, 2nd ed., Algorithm 21;
/// R Core, `optim` documentation.
/// - Complexity: O(n²) memory; each iteration costs one gradient (2n evaluations) plus the
///   line search evaluations and O(n²) arithmetic.
struct BFGS {
  /// Maximum number of iterations (gradient evaluations); R's default for BFGS is 100.
  var maxIterations = 100
  /// Relative convergence tolerance; R's default √ε ≈ 1.49·10⁻⁸.
  var relativeTolerance = 1.4901161193847656e-08
  /// Finite-difference step on the scaled parameters (R's `ndeps` default 10⁻³).
  var gradientStep = 1e-3

  /// The outcome of `minimize`.
  struct Result {
    /// The minimiser, in the caller's (unscaled) parameters.
    var point: [Double]
    /// The objective there.
    var value: Double
    /// Whether the iteration limit stopped the search (R's `convergence = 1`).
    var hitIterationLimit: Bool
  }

  /// An error: a finite-difference gradient was not finite (R stops with an error here).
  struct NonFiniteGradient: Error {}

  /// Minimises `objective` from `start` with scales `scale` (all 1 when empty).
  /// - Throws: `NonFiniteGradient`; returns nil when the starting value is not finite.
  func minimize(
    start: [Double], scale: [Double] = [], _ objective: ([Double]) -> Double
  ) throws -> Result? {
    let n = start.count
    let s = scale.isEmpty ? [Double](repeating: 1, count: n) : scale
    var x = [Double](repeating: 0, count: n)
    // Objective on scaled parameters b: f(b ⊙ s).
    func f(_ b: [Double]) -> Double {
      for i in 0..<n { x[i] = b[i] * s[i] }
      return objective(x)
    }
    func gradient(_ b: [Double], into g: inout [Double]) throws {
      var probe = b
      for i in 0..<n {
        probe[i] = b[i] + gradientStep
        let up = f(probe)
        probe[i] = b[i] - gradientStep
        let down = f(probe)
        probe[i] = b[i]
        let value = (up - down) / (2 * gradientStep)
        guard value.isFinite else { throw NonFiniteGradient() }
        g[i] = value
      }
    }
    var b = (0..<n).map { start[$0] / s[$0] }
    var fmin = f(b)
    guard fmin.isFinite else { return nil }
    if n == 0 { return Result(point: [], value: fmin, hitIterationLimit: false) }
    var g = [Double](repeating: 0, count: n)
    try gradient(b, into: &g)
    var gradCount = 1
    var iterations = 1
    var lastReset = gradCount
    var H = [Double](repeating: 0, count: n * n)  // lower triangle used, H[i*n + j], j ≤ i
    var X = [Double](repeating: 0, count: n)
    var c = [Double](repeating: 0, count: n)
    var t = [Double](repeating: 0, count: n)
    var count = 0
    var value = fmin
    let stepReduction = 0.2
    let acceptance = 1e-4
    let relativeTest = 10.0
    repeat {
      if lastReset == gradCount {
        for i in 0..<n {
          for j in 0..<i { H[i * n + j] = 0 }
          H[i * n + i] = 1
        }
      }
      for i in 0..<n {
        X[i] = b[i]
        c[i] = g[i]
      }
      var slope = 0.0
      for i in 0..<n {
        var sum = 0.0
        for j in 0...i { sum -= H[i * n + j] * g[j] }
        var j = i + 1
        while j < n {
          sum -= H[j * n + i] * g[j]
          j += 1
        }
        t[i] = sum
        slope += sum * g[i]
      }
      if slope < 0 {
        var step = 1.0
        var accepted = false
        repeat {
          count = 0
          for i in 0..<n {
            b[i] = X[i] + step * t[i]
            if relativeTest + X[i] == relativeTest + b[i] { count += 1 }
          }
          if count < n {
            value = f(b)
            accepted = value.isFinite && value <= fmin + slope * step * acceptance
            if !accepted { step *= stepReduction }
          }
        } while !(count == n || accepted)
        let enough = abs(value - fmin) > relativeTolerance * (abs(fmin) + relativeTolerance)
        if !enough {
          count = n
          fmin = value
        }
        if count < n {
          fmin = value
          try gradient(b, into: &g)
          gradCount += 1
          iterations += 1
          var d1 = 0.0
          for i in 0..<n {
            t[i] *= step
            c[i] = g[i] - c[i]
            d1 += t[i] * c[i]
          }
          if d1 > 0 {
            var d2 = 0.0
            for i in 0..<n {
              var sum = 0.0
              for j in 0...i { sum += H[i * n + j] * c[j] }
              var j = i + 1
              while j < n {
                sum += H[j * n + i] * c[j]
                j += 1
              }
              X[i] = sum
              d2 += sum * c[i]
            }
            d2 = 1 + d2 / d1
            for i in 0..<n {
              for j in 0...i { H[i * n + j] += (d2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / d1 }
            }
          } else {
            lastReset = gradCount
          }
        } else if lastReset < gradCount {
          count = 0
          lastReset = gradCount
        }
      } else {
        count = 0
        if lastReset == gradCount { count = n } else { lastReset = gradCount }
      }
      if iterations >= maxIterations { break }
      if gradCount - lastReset > 2 * n { lastReset = gradCount }
    } while count != n || lastReset != gradCount
    let point = (0..<n).map { b[$0] * s[$0] }
    return Result(point: point, value: fmin, hitIterationLimit: iterations >= maxIterations)
  }
}
