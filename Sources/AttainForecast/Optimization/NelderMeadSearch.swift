/// One Nelder–Mead minimisation (see `NelderMead`) as a resumable state machine: the caller asks
/// for the next point to evaluate (`next(into:)`), evaluates it however it likes and hands the
/// value back (`record(_:)`), until `next(into:)` returns nil.
///
/// Turning the loop inside out lets a caller drive several independent searches in lock step and
/// evaluate their points together (e.g. two ETS likelihoods in one loop, whose serial dependency
/// chains then overlap). The sequence of points, cutoffs and decisions is exactly that of
/// `NelderMead.minimize(start:lower:upper:cutoffObjective:)`, which is implemented with it.
/// - Complexity: O(n²) memory allocated once; O(n) work per step besides the evaluations.
public struct NelderMeadSearch: ~Copyable {
  /// Where the search stands: which point it waits for, or whether it must begin an iteration.
  enum Phase: Sendable, Equatable {
    /// Vertex `i` of the initial simplex is being evaluated.
    case initial(Int)
    /// The next call to `next(into:)` starts an iteration.
    case iterate
    /// The reflected point is being evaluated.
    case reflect
    /// The expansion point is being evaluated; the payload is the reflected value.
    case expand(Double)
    /// The outside contraction point is being evaluated; the payload is the reflected value.
    case outsideContraction(Double)
    /// The inside contraction point is being evaluated.
    case insideContraction
    /// Vertex `i` of a shrunk simplex is being evaluated.
    case shrink(Int)
    /// The single point of a zero-dimensional problem is being evaluated.
    case empty
    /// The search has ended.
    case done
  }

  let maxIterations: Int
  let tolerance: Double
  let n: Int
  let gamma: Double
  let rho: Double
  let sigma: Double
  /// tolerance·√(2(n + 1)): below this range the standard deviation may be below `tolerance`.
  let spreadBound: Double
  /// Simplex (n + 1)·n, values n + 1, centroid, reflected, trial, vertex sum, lower, upper:
  /// owned, freed by `deinit` (the type is non-copyable, so no two searches share it).
  let storage: UnsafeMutablePointer<Double>
  let storageCount: Int
  var phase: Phase
  var iterations = 0
  var evaluations = 0
  var converged = false
  var best = 0
  var worst = 0
  var second = 0
  /// Set once the search ends.
  var finalValue = Double.infinity

  /// A search with the settings of `optimizer` from `start` inside `[lower, upper]` (each empty
  /// or with `start.count` entries).
  public init(_ optimizer: NelderMead, start: [Double], lower: [Double] = [], upper: [Double] = []) {
    let n = start.count
    self.n = n
    maxIterations = optimizer.maxIterations
    tolerance = optimizer.tolerance
    let dn = Double(max(n, 1))
    gamma = optimizer.adaptive ? 1 + 2 / dn : 2.0
    rho = optimizer.adaptive ? 0.75 - 1 / (2 * dn) : 0.5
    sigma = optimizer.adaptive ? 1 - 1 / dn : 0.5
    spreadBound = optimizer.tolerance * (2 * (Double(n) + 1)).squareRoot()
    storageCount = (n + 1) * n + (n + 1) + 6 * n
    storage = UnsafeMutablePointer<Double>.allocate(capacity: max(storageCount, 1))
    storage.initialize(repeating: 0, count: max(storageCount, 1))
    phase = n == 0 ? .empty : .initial(0)
    guard n > 0 else { return }
    let (zeroStep, initialStep) = (optimizer.zeroStep, optimizer.initialStep)
    do {
      let base = storage
      let (_, _, _, _, _, lowerBound, upperBound) = Self.layout(base, n)
      for j in 0..<n {
        lowerBound[j] = lower.count == n ? lower[j] : -.infinity
        upperBound[j] = upper.count == n ? upper[j] : .infinity
      }
      for i in 0...n {
        let row = base + i * n
        for j in 0..<n { row[j] = start[j] }
        if i > 0 {
          let j = i - 1
          row[j] = row[j] == 0 ? zeroStep : row[j] * (1 + initialStep)
        }
        for j in 0..<n { row[j] = Swift.min(Swift.max(row[j], lowerBound[j]), upperBound[j]) }
      }
    }
  }

  /// The number of coordinates of every point.
  public var dimension: Int { n }

  /// Whether the search has ended (`next(into:)` returns nil).
  public var isFinished: Bool { phase == .done }

  /// Copies the next point to evaluate into `point` (`dimension` doubles) and returns its cutoff
  /// (see `NelderMead.minimize(start:lower:upper:cutoffObjective:)`: a value known to be at least
  /// the cutoff may be returned inexactly); nil when the search has ended. Every non-nil answer
  /// must be followed by `record(_:)` before the next call.
  public mutating func next(into point: UnsafeMutablePointer<Double>) -> Double? {
    let n = self.n
    let dn = Double(n)
    if n == 0 { return phase == .empty ? .infinity : nil }
    let base = storage
    do {
      let (values, centroid, reflected, trial, vertexSum, lowerBound, upperBound) = Self.layout(
        base, n)
      @inline(__always) func copy(_ source: UnsafeMutablePointer<Double>) {
        for j in 0..<n { point[j] = source[j] }
      }
      switch phase {
      case .initial(let i), .shrink(let i):
        copy(base + i * n)
        return .infinity
      case .reflect:
        copy(reflected)
        return values[worst]
      case .expand(let fr), .outsideContraction(let fr):
        copy(trial)
        return fr
      case .insideContraction:
        copy(trial)
        return values[worst]
      case .empty:
        return .infinity
      case .done:
        return nil
      case .iterate:
        break
      }
      if iterations >= maxIterations {
        finish(base)
        return nil
      }
      // Best, worst and second-worst vertices in one pass.
      // Locals, not the properties: the loop must run in registers.
      var bestValue = values[0]
      var worstValue = values[0]
      var best = 0
      var worst = 0
      // Selects rather than branches: which vertex wins is unpredictable.
      for i in 1...n {
        let v = values[i]
        let better = v < bestValue
        bestValue = better ? v : bestValue
        best = better ? i : best
        let worse = v > worstValue
        worstValue = worse ? v : worstValue
        worst = worse ? i : worst
      }
      if best == worst { worst = best == 0 ? 1 : 0 }
      var second = worst == 0 ? 1 : 0
      var secondValue = values[second]
      for i in 0...n {
        let v = values[i]
        let worse = v > secondValue && i != worst
        secondValue = worse ? v : secondValue
        second = worse ? i : second
      }
      (self.best, self.worst, self.second) = (best, worst, second)
      // Convergence: population standard deviation of the values below `tolerance`. It lies
      // between range/√(2(n+1)) and range/2, so the O(n) pass is only needed in between.
      if values[best] == .infinity {
        finish(base)
        return nil
      }
      let range = values[worst] - values[best]
      if range < 2 * tolerance {
        converged = true
        finish(base)
        return nil
      }
      if range < spreadBound {
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
          finish(base)
          return nil
        }
      }
      iterations += 1
      let worstRow = base + worst * n
      for j in 0..<n {
        centroid[j] = (vertexSum[j] - worstRow[j]) / dn
        reflected[j] = centroid[j] + (centroid[j] - worstRow[j])
        reflected[j] = Swift.min(Swift.max(reflected[j], lowerBound[j]), upperBound[j])
      }
      phase = .reflect
      copy(reflected)
      return values[worst]
    }
  }

  /// Records the objective value of the point last returned by `next(into:)` (NaN counts as +∞)
  /// and moves the search on.
  public mutating func record(_ value: Double) {
    let v = value.isNaN ? Double.infinity : value
    evaluations += 1
    let n = self.n
    if phase == .empty {
      finalValue = v
      converged = true
      phase = .done
      return
    }
    let (gamma, rho, sigma) = (self.gamma, self.rho, self.sigma)
    let base = storage
    do {
      let (values, centroid, reflected, trial, vertexSum, lowerBound, upperBound) = Self.layout(
        base, n)
      let worstRow = base + worst * n
      @inline(__always) func clamp(_ p: UnsafeMutablePointer<Double>) {
        for j in 0..<n { p[j] = Swift.min(Swift.max(p[j], lowerBound[j]), upperBound[j]) }
      }
      @inline(__always) func resum() {
        for j in 0..<n { vertexSum[j] = 0 }
        for i in 0...n {
          let row = base + i * n
          for j in 0..<n { vertexSum[j] += row[j] }
        }
      }
      /// Replaces the worst vertex by `point` with value `value`, keeping the vertex sum current.
      @inline(__always) func replaceWorst(with point: UnsafeMutablePointer<Double>, value: Double) {
        for j in 0..<n {
          vertexSum[j] += point[j] - worstRow[j]
          worstRow[j] = point[j]
        }
        values[worst] = value
        phase = .iterate
      }
      /// Shrinks vertex `i` (the first one after `from` that is not the best) towards the best
      /// and asks for its value, or ends the shrink.
      @inline(__always) func shrinkNext(after from: Int) {
        var i = from + 1
        if i == best { i += 1 }
        guard i <= n else {
          resum()
          phase = .iterate
          return
        }
        let bestRow = base + best * n
        let row = base + i * n
        for j in 0..<n { row[j] = bestRow[j] + sigma * (row[j] - bestRow[j]) }
        clamp(row)
        phase = .shrink(i)
      }
      switch phase {
      case .initial(let i):
        values[i] = v
        if i < n {
          phase = .initial(i + 1)
        } else {
          resum()
          phase = .iterate
        }
      case .reflect:
        let fr = v
        if values[best] <= fr && fr < values[second] {
          replaceWorst(with: reflected, value: fr)
        } else if fr < values[best] {
          for j in 0..<n { trial[j] = centroid[j] + gamma * (reflected[j] - centroid[j]) }
          clamp(trial)
          phase = .expand(fr)
        } else if fr < values[worst] {
          for j in 0..<n { trial[j] = centroid[j] + rho * (reflected[j] - centroid[j]) }
          clamp(trial)
          phase = .outsideContraction(fr)
        } else {
          for j in 0..<n { trial[j] = centroid[j] - rho * (reflected[j] - centroid[j]) }
          clamp(trial)
          phase = .insideContraction
        }
      case .expand(let fr):
        if v < fr {
          replaceWorst(with: trial, value: v)
        } else {
          replaceWorst(with: reflected, value: fr)
        }
      case .outsideContraction(let fr):
        if v < fr { replaceWorst(with: trial, value: v) } else { shrinkNext(after: -1) }
      case .insideContraction:
        if v < values[worst] { replaceWorst(with: trial, value: v) } else { shrinkNext(after: -1) }
      case .shrink(let i):
        values[i] = v
        shrinkNext(after: i)
      case .iterate, .empty, .done:
        break
      }
    }
  }

  /// The parts of the storage after the simplex ((n + 1)·n doubles at `base`): values (n + 1),
  /// centroid, reflected point, trial point, vertex sum, lower and upper bounds (n each).
  @inline(__always)
  static func layout(_ base: UnsafeMutablePointer<Double>, _ n: Int) -> (
    values: UnsafeMutablePointer<Double>, centroid: UnsafeMutablePointer<Double>,
    reflected: UnsafeMutablePointer<Double>, trial: UnsafeMutablePointer<Double>,
    vertexSum: UnsafeMutablePointer<Double>, lowerBound: UnsafeMutablePointer<Double>,
    upperBound: UnsafeMutablePointer<Double>
  ) {
    let values = base + (n + 1) * n
    let centroid = values + (n + 1)
    return (
      values, centroid, centroid + n, centroid + 2 * n, centroid + 3 * n, centroid + 4 * n,
      centroid + 5 * n
    )
  }

  /// Ends the search at the best vertex.
  private mutating func finish(_ base: UnsafeMutablePointer<Double>) {
    let values = base + (n + 1) * n
    var best = 0
    for i in 1...n where values[i] < values[best] { best = i }
    self.best = best
    finalValue = values[best]
    phase = .done
  }

  /// The outcome so far: the best vertex and its value (meaningful once `isFinished`).
  public var result: NelderMeadResult {
    guard n > 0 else {
      return NelderMeadResult(
        point: [], value: finalValue, iterations: iterations, evaluations: evaluations,
        converged: converged)
    }
    let row = UnsafeBufferPointer(start: storage + best * n, count: n)
    return NelderMeadResult(
      point: Array(row), value: finalValue, iterations: iterations,
      evaluations: evaluations, converged: converged)
  }

  deinit { storage.deallocate() }
}
