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
    // The search itself is `NelderMeadSearch`; this drives it with one objective.
    var search = NelderMeadSearch(self, start: start, lower: lower, upper: upper)
    withUnsafeTemporaryAllocation(of: Double.self, capacity: max(start.count, 1)) { point in
      guard let p = point.baseAddress else { return }
      let buffer = UnsafeBufferPointer(start: p, count: start.count)
      while let cutoff = search.next(into: p) { search.record(objective(buffer, cutoff)) }
    }
    return search.result
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
