/// Maximum-likelihood estimation of ETS forms: smoothing parameters and initial states
/// together, by Nelder–Mead on −2 log L (the problem is `ETSFitProblem`).
///
/// `fitPair` fits two forms that share their error and season and both have a trend (additive
/// and damped) to one series with two searches in lock step: each step evaluates both points in
/// one loop (`ETSRecursion.criterionPair`), whose two serial dependency chains overlap, so the
/// pair costs little more than one fit. Each search makes exactly the decisions it would make
/// alone, so the fitted models are the same as from `fit`.
/// - Complexity: O(iterations × n); no allocation per likelihood evaluation.
enum ETSEstimator {

  /// Fits `form` to `y`; returns nil when there are not more observations than parameters + 1
  /// (R's "not enough data" rule). Throws for fixed parameters outside the region.
  static func fit(
    _ y: [Double], form: ETSForm, seasonLength: Int, fixed spec: ETSSpec,
    bounds: ETSParameterBounds = ETSParameterBounds(),
    optimizer: NelderMead = ETS.defaultOptimizer, restart: Bool = true, name: String
  ) throws -> FittedETS? {
    guard
      let problem = try ETSFitProblem(
        y, form: form, seasonLength: seasonLength, fixed: spec, bounds: bounds, name: name)
    else { return nil }
    var scratch = [Double](repeating: 0, count: problem.scratchCount)
    let result = y.withUnsafeBufferPointer { yb in
      scratch.withUnsafeMutableBufferPointer { sb -> NelderMeadResult in
        guard let work = sb.baseAddress else { return NelderMeadResult.failed }
        return minimize(problem, optimizer: optimizer, restart: restart) { v, cutoff in
          problem.objective(v, cutoff: cutoff, y: yb, scratch: work)
        }
      }
    }
    return problem.fitted(result)
  }

  /// Nelder–Mead from the problem's start, then one restart from the best point when the
  /// simplex collapsed early (a cheap guard against premature convergence).
  @inline(__always)
  static func minimize(
    _ problem: ETSFitProblem, optimizer: NelderMead, restart: Bool,
    objective: (UnsafeBufferPointer<Double>, Double) -> Double
  ) -> NelderMeadResult {
    let (lower, upper) = (problem.lower, problem.upper)
    var result = optimizer.minimize(
      start: problem.x0, lower: lower, upper: upper, cutoffObjective: objective)
    if result.converged && restart {
      let second = optimizer.minimize(
        start: result.point, lower: lower, upper: upper, cutoffObjective: objective)
      result = combined(result, second)
    }
    return result
  }

  /// The better of a first run and its restart, with the iterations of both.
  static func combined(_ first: NelderMeadResult, _ second: NelderMeadResult) -> NelderMeadResult {
    var result = second.value < first.value ? second : first
    result.iterations = first.iterations + second.iterations
    return result
  }

  /// Fits two forms that differ only in their trend (`first.hasTrend`, `second.hasTrend`, same
  /// error and season) to `y`, with the searches in lock step; the same models as two `fit` calls.
  static func fitPair(
    _ y: [Double], _ first: ETSForm, _ second: ETSForm, seasonLength: Int, fixed spec: ETSSpec,
    bounds: ETSParameterBounds = ETSParameterBounds(),
    optimizer: NelderMead = ETS.defaultOptimizer, restart: Bool = true, name: String
  ) throws -> (FittedETS?, FittedETS?) {
    let a = try ETSFitProblem(
      y, form: first, seasonLength: seasonLength, fixed: spec, bounds: bounds, name: name)
    let b = try ETSFitProblem(
      y, form: second, seasonLength: seasonLength, fixed: spec, bounds: bounds, name: name)
    guard let a, let b else {
      // One of them has too little data: fit the other alone.
      let one = try a.map { _ in
        try fit(
          y, form: first, seasonLength: seasonLength, fixed: spec, bounds: bounds,
          optimizer: optimizer, restart: restart, name: name)
      }
      let other = try b.map { _ in
        try fit(
          y, form: second, seasonLength: seasonLength, fixed: spec, bounds: bounds,
          optimizer: optimizer, restart: restart, name: name)
      }
      return (one ?? nil, other ?? nil)
    }
    var laneA = LockStepLane(a, optimizer: optimizer)
    var laneB = LockStepLane(b, optimizer: optimizer)
    var scratchA = [Double](repeating: 0, count: a.scratchCount + a.x0.count)
    var scratchB = [Double](repeating: 0, count: b.scratchCount + b.x0.count)
    y.withUnsafeBufferPointer { yb in
      scratchA.withUnsafeMutableBufferPointer { sa in
        scratchB.withUnsafeMutableBufferPointer { sb in
          guard let workA = sa.baseAddress, let workB = sb.baseAddress else { return }
          // Each lane's point lives after its objective scratch.
          let pointA = workA + a.scratchCount
          let pointB = workB + b.scratchCount
          let va = UnsafeBufferPointer(start: pointA, count: a.x0.count)
          let vb = UnsafeBufferPointer(start: pointB, count: b.x0.count)
          while true {
            let cutoffA = laneA.next(into: pointA, restart: restart)
            let cutoffB = laneB.next(into: pointB, restart: restart)
            switch (cutoffA, cutoffB) {
            case (nil, nil):
              return
            case (let ca?, nil):
              laneA.record(a.objective(va, cutoff: ca, y: yb, scratch: workA))
            case (nil, let cb?):
              laneB.record(b.objective(vb, cutoff: cb, y: yb, scratch: workB))
            case (let ca?, let cb?):
              let (fa, fb) = pairObjective(
                a, va, ca, workA, b, vb, cb, workB, y: yb)
              laneA.record(fa)
              laneB.record(fb)
            }
          }
        }
      }
    }
    return (a.fitted(laneA.result), b.fitted(laneB.result))
  }

  /// The penalised criteria of two problems on the same series, their likelihood recursions
  /// run in one loop when both points are in the usual region.
  @inline(__always)
  static func pairObjective(
    _ a: ETSFitProblem, _ va: UnsafeBufferPointer<Double>, _ cutoffA: Double,
    _ workA: UnsafeMutablePointer<Double>,
    _ b: ETSFitProblem, _ vb: UnsafeBufferPointer<Double>, _ cutoffB: Double,
    _ workB: UnsafeMutablePointer<Double>, y: UnsafeBufferPointer<Double>
  ) -> (Double, Double) {
    let pa = a.prepare(va, state: workA)
    let pb = b.prepare(vb, state: workB)
    guard let pa, let pb else {
      return (
        pa == nil ? .infinity : a.objective(va, cutoff: cutoffA, y: y, scratch: workA),
        pb == nil ? .infinity : b.objective(vb, cutoff: cutoffB, y: y, scratch: workB)
      )
    }
    let ringA = workA + a.stateCount
    let ringB = workB + b.stateCount
    let (valueA, valueB) = a.recursion.criterionPair(
      y: y, first: pa, initial: workA, ring: ringA, cutoff: cutoffA,
      second: b.recursion, pb, initial: workB, ring: ringB, cutoff: cutoffB)
    return (
      a.penalised(valueA, parameters: pa, cutoff: cutoffA, work: ringA + a.m),
      b.penalised(valueB, parameters: pb, cutoff: cutoffB, work: ringB + b.m)
    )
  }

  /// One problem's searches in a lock-step fit: the first run, then the restart (as `minimize`).
  struct LockStepLane: ~Copyable {
    var search: NelderMeadSearch
    let optimizer: NelderMead
    let lower: [Double]
    let upper: [Double]
    /// The first run's result once the restart has begun.
    var first: NelderMeadResult?
    /// The combined result once both runs (or the only run) ended.
    var finished: NelderMeadResult?

    init(_ problem: ETSFitProblem, optimizer: NelderMead) {
      search = NelderMeadSearch(
        optimizer, start: problem.x0, lower: problem.lower, upper: problem.upper)
      self.optimizer = optimizer
      lower = problem.lower
      upper = problem.upper
    }

    /// The next point of the current run (see `NelderMeadSearch.next(into:)`), starting the
    /// restart when the first run converged; nil when the lane is done.
    mutating func next(into point: UnsafeMutablePointer<Double>, restart: Bool) -> Double? {
      if finished != nil { return nil }
      if let cutoff = search.next(into: point) { return cutoff }
      let result = search.result
      if let first {
        finished = ETSEstimator.combined(first, result)
        return nil
      }
      guard result.converged && restart else {
        finished = result
        return nil
      }
      first = result
      search = NelderMeadSearch(optimizer, start: result.point, lower: lower, upper: upper)
      return next(into: point, restart: restart)
    }

    /// Records the value of the last point.
    mutating func record(_ value: Double) { search.record(value) }

    /// The lane's result (after `next` returned nil).
    var result: NelderMeadResult { finished ?? search.result }
  }
}

extension NelderMeadResult {
  /// A search that could not run (no scratch memory).
  static var failed: NelderMeadResult {
    NelderMeadResult(point: [], value: .infinity, iterations: 0, evaluations: 0, converged: false)
  }
}
