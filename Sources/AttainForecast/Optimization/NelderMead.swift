/// Derivative-free minimisation of a function of a few variables inside a box, by the
/// Nelder–Mead downhill simplex method.
///
/// A simplex of `n + 1` points is moved by reflection, expansion, contraction and shrinking
/// until the population standard deviation of its function values falls below `tolerance`
/// or `maxIterations` is reached. Every trial point is clamped into `[lower, upper]` (infinite
/// bounds are allowed), as in statsforecast's optimiser; constraints that are not a box are
/// expressed by returning `.infinity` (or any large value) from the objective.
///
/// With `adaptive` the expansion, contraction and shrink coefficients depend on the dimension
/// (Gao & Han 2012), which behaves better beyond ~5 variables:
/// γ = 1 + 2/n, ρ = 3/4 − 1/(2n), σ = 1 − 1/n; otherwise the classic γ = 2, ρ = σ = ½.
///
/// Reference: Nelder & Mead (1965), *A simplex method for function minimization*, Computer
/// Journal 7(4); Gao & Han (2012), *Implementing the Nelder-Mead simplex algorithm with adaptive
/// parameters*, Computational Optimization and Applications 51(1).
///
/// - Complexity: O(n) memory allocated once per `minimize` call; each iteration costs one to
///   three objective evaluations plus O(n²) arithmetic, or n + 1 evaluations for a shrink.
public struct NelderMead: Sendable, Equatable {
  /// Maximum number of simplex iterations (not evaluations).
  public var maxIterations: Int
  /// Stop when the population standard deviation of the simplex's function values is below
  /// this (absolute, units of the objective).
  public var tolerance: Double
  /// Relative size of the initial simplex: vertex `i` moves coordinate `i` to `x[i]·(1 + step)`.
  public var initialStep: Double
  /// The offset used instead when `x[i] == 0`.
  public var zeroStep: Double
  /// Use dimension-dependent coefficients (Gao & Han 2012).
  public var adaptive: Bool

  /// Creates an optimiser; the defaults suit smooth objectives of ~1–20 variables.
  public init(
    maxIterations: Int = 2000, tolerance: Double = 1e-8, initialStep: Double = 0.05,
    zeroStep: Double = 1e-4, adaptive: Bool = true
  ) {
    self.maxIterations = maxIterations
    self.tolerance = tolerance
    self.initialStep = initialStep
    self.zeroStep = zeroStep
    self.adaptive = adaptive
  }

  /// Minimises `objective` from `start` inside the box `[lower, upper]`.
  ///
  /// `objective` receives a buffer of `start.count` doubles that is only valid during the call.
  /// `lower`/`upper` may be empty (unbounded) or have `start.count` entries; NaN objective
  /// values count as `+∞`.
  /// - Complexity: see the type; no allocation per objective evaluation.
  public func minimize(
    start: [Double], lower: [Double] = [], upper: [Double] = [],
    _ objective: (UnsafeBufferPointer<Double>) -> Double
  ) -> NelderMeadResult {
    minimize(start: start, lower: lower, upper: upper) { point, _ in objective(point) }
  }

  /// Minimises an objective that may stop early: it receives a `cutoff` and, when it can tell
  /// that its value is at least `cutoff`, may return any value ≥ `cutoff` (e.g. a partial sum or
  /// an unpenalised value) — the simplex decision is the same. Values below `cutoff` must be exact.
  /// The cutoff is `+∞` for the initial simplex and shrink steps.
  /// - Complexity: as `minimize(start:lower:upper:_:)`.
  public func minimize(
    start: [Double], lower: [Double] = [], upper: [Double] = [],
    cutoffObjective objective: (UnsafeBufferPointer<Double>, Double) -> Double
  ) -> NelderMeadResult {
    let n = start.count
    if n == 0 {
      let value = [Double]().withUnsafeBufferPointer { objective($0, .infinity) }
      return NelderMeadResult(
        point: [], value: value, iterations: 0, evaluations: 1, converged: true)
    }
    let lo = lower.count == n ? lower : [Double](repeating: -.infinity, count: n)
    let hi = upper.count == n ? upper : [Double](repeating: .infinity, count: n)
    let dn = Double(n)
    let alpha = 1.0
    let gamma = adaptive ? 1 + 2 / dn : 2.0
    let rho = adaptive ? 0.75 - 1 / (2 * dn) : 0.5
    let sigma = adaptive ? 1 - 1 / dn : 0.5

    // One allocation: simplex (n+1)·n, values n+1, centroid, reflected, trial, vertex sum, bounds.
    var storage = [Double](repeating: 0, count: (n + 1) * n + (n + 1) + 6 * n)
    var iterations = 0
    var evaluations = 0
    var converged = false
    var bestIndex = 0
    storage.withUnsafeMutableBufferPointer { buffer in
      let base = buffer.baseAddress!
      let simplex = base
      let values = base + (n + 1) * n
      let centroid = values + (n + 1)
      let reflected = centroid + n
      let trial = reflected + n
      let vertexSum = trial + n
      let lowerBound = vertexSum + n
      let upperBound = lowerBound + n
      for j in 0..<n {
        lowerBound[j] = lo[j]
        upperBound[j] = hi[j]
      }

      @inline(__always) func clamp(_ p: UnsafeMutablePointer<Double>) {
        for j in 0..<n { p[j] = Swift.min(Swift.max(p[j], lowerBound[j]), upperBound[j]) }
      }
      @inline(__always) func resum() {
        for j in 0..<n { vertexSum[j] = 0 }
        for i in 0...n {
          let row = simplex + i * n
          for j in 0..<n { vertexSum[j] += row[j] }
        }
      }
      /// Replaces the worst vertex by `point`, keeping the vertex sum current.
      @inline(__always) func replace(
        _ row: UnsafeMutablePointer<Double>, with point: UnsafeMutablePointer<Double>
      ) {
        for j in 0..<n {
          vertexSum[j] += point[j] - row[j]
          row[j] = point[j]
        }
      }
      @inline(__always) func evaluate(_ p: UnsafeMutablePointer<Double>, cutoff: Double = .infinity)
        -> Double
      {
        evaluations += 1
        let v = objective(UnsafeBufferPointer(start: p, count: n), cutoff)
        return v.isNaN ? .infinity : v
      }

      for i in 0...n {
        let row = simplex + i * n
        for j in 0..<n { row[j] = start[j] }
        if i > 0 {
          let j = i - 1
          row[j] = row[j] == 0 ? zeroStep : row[j] * (1 + initialStep)
        }
        clamp(row)
        values[i] = evaluate(row)
      }
      resum()

      while iterations < maxIterations {
        // Best, worst and second-worst vertices in one pass.
        var best = 0
        var worst = 0
        var bestValue = values[0]
        var worstValue = values[0]
        for i in 1...n {
          let v = values[i]
          if v < bestValue {
            bestValue = v
            best = i
          }
          if v > worstValue {
            worstValue = v
            worst = i
          }
        }
        if best == worst { worst = best == 0 ? 1 : 0 }
        var second = worst == 0 ? 1 : 0
        var secondValue = values[second]
        for i in 0...n where i != worst {
          let v = values[i]
          if v > secondValue {
            secondValue = v
            second = i
          }
        }
        bestIndex = best
        // Convergence: population standard deviation of the values below `tolerance`. It lies
        // between range/√(2(n+1)) and range/2, so the O(n) pass is only needed in between.
        if values[best] == .infinity { break }
        let range = values[worst] - values[best]
        if range < 2 * tolerance {
          converged = true
          break
        }
        if range < tolerance * (2 * (dn + 1)).squareRoot() {
          var mean = 0.0
          for i in 0...n { mean += values[i] }
          mean /= dn + 1
          var variance = 0.0
          for i in 0...n {
            let d = values[i] - mean
            variance += d * d
          }
          variance /= dn + 1
          if variance.squareRoot() < tolerance {
            converged = true
            break
          }
        }
        iterations += 1

        let worstRow = simplex + worst * n
        for j in 0..<n {
          centroid[j] = (vertexSum[j] - worstRow[j]) / dn
          reflected[j] = centroid[j] + alpha * (centroid[j] - worstRow[j])
        }
        clamp(reflected)
        let fr = evaluate(reflected, cutoff: values[worst])

        if values[best] <= fr && fr < values[second] {
          replace(worstRow, with: reflected)
          values[worst] = fr
          continue
        }
        if fr < values[best] {
          for j in 0..<n { trial[j] = centroid[j] + gamma * (reflected[j] - centroid[j]) }
          clamp(trial)
          let fe = evaluate(trial, cutoff: fr)
          if fe < fr {
            replace(worstRow, with: trial)
            values[worst] = fe
          } else {
            replace(worstRow, with: reflected)
            values[worst] = fr
          }
          continue
        }
        if fr < values[worst] {
          // Outside contraction.
          for j in 0..<n { trial[j] = centroid[j] + rho * (reflected[j] - centroid[j]) }
          clamp(trial)
          let fc = evaluate(trial, cutoff: fr)
          if fc < fr {
            replace(worstRow, with: trial)
            values[worst] = fc
            continue
          }
        } else {
          // Inside contraction.
          for j in 0..<n { trial[j] = centroid[j] - rho * (reflected[j] - centroid[j]) }
          clamp(trial)
          let fc = evaluate(trial, cutoff: values[worst])
          if fc < values[worst] {
            replace(worstRow, with: trial)
            values[worst] = fc
            continue
          }
        }
        // Shrink towards the best vertex.
        let bestRow = simplex + best * n
        for i in 0...n where i != best {
          let row = simplex + i * n
          for j in 0..<n { row[j] = bestRow[j] + sigma * (row[j] - bestRow[j]) }
          clamp(row)
          values[i] = evaluate(row)
        }
        resum()
      }
      var best = 0
      for i in 1...n where values[i] < values[best] { best = i }
      bestIndex = best
    }
    let offset = bestIndex * n
    let point = Array(storage[offset..<(offset + n)])
    let value = storage[(n + 1) * n + bestIndex]
    return NelderMeadResult(
      point: point, value: value, iterations: iterations, evaluations: evaluations,
      converged: converged)
  }
}

/// The outcome of a `NelderMead.minimize` call.
public struct NelderMeadResult: Sendable, Equatable {
  /// The best vertex found (inside the bounds).
  public var point: [Double]
  /// The objective at `point` (`+∞` if no finite value was ever seen).
  public var value: Double
  /// Simplex iterations performed.
  public var iterations: Int
  /// Objective evaluations performed.
  public var evaluations: Int
  /// Whether the spread tolerance was met before `maxIterations`.
  public var converged: Bool
}
