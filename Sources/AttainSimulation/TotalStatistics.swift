extension TotalSummary {
  /// Summarises the totals of P paths: mean, standard deviation, quantiles, targets at
  /// attainment probabilities and, if `target` is given, P(total ≥ target) with its Monte
  /// Carlo standard error and the expected shortfall. Does not modify `totals`.
  /// The totals must be finite.
  /// - Complexity: expected O(P · (number of levels)).
  public init(
    totals: UnsafeMutableBufferPointer<Double>, target: Double?, quantileLevels: [Double],
    attainmentProbabilities: [Double]
  ) {
    var scratch = [Double](repeating: 0, count: totals.count + 512)
    self = scratch.withUnsafeMutableBufferPointer {
      TotalSummary(
        totals: totals, target: target, quantileLevels: quantileLevels,
        attainmentProbabilities: attainmentProbabilities, scratch: $0)
    }
  }

  /// The summary with caller-provided selection scratch (≥ P + 512 doubles), for the engine's
  /// per-worker buffers.
  init(
    totals: UnsafeMutableBufferPointer<Double>, target: Double?, quantileLevels: [Double],
    attainmentProbabilities: [Double], scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let n = totals.count
    let count = Double(n)
    let t = target ?? .infinity
    // Pass 1: sum, paths reaching the target and the shortfall, four interleaved accumulators
    // (a fixed summation order, so results stay bit-reproducible).
    var sum = SIMD4<Double>()
    var shortfall = SIMD4<Double>()
    var reached = 0
    var i = 0
    if let p = totals.baseAddress {
      while i + 4 <= n {
        let x = SIMD4(p[i], p[i + 1], p[i + 2], p[i + 3])
        sum += x
        shortfall += (SIMD4(repeating: t) - x).replacing(with: 0, where: x .>= t)
        for lane in 0..<4 { reached &+= x[lane] >= t ? 1 : 0 }
        i += 4
      }
    }
    var tailSum = 0.0
    var tailShortfall = 0.0
    while i < n {
      let x = totals[i]
      tailSum += x
      tailShortfall += x >= t ? 0 : t - x
      reached &+= x >= t ? 1 : 0
      i += 1
    }
    let mean = n > 0 ? (sum.sum() + tailSum) / count : .nan
    var squares = SIMD4<Double>()
    var tailSquares = 0.0
    i = 0
    if let p = totals.baseAddress {
      while i + 4 <= n {
        let d = SIMD4(p[i], p[i + 1], p[i + 2], p[i + 3]) - mean
        squares += d * d
        i += 4
      }
    }
    while i < n {
      tailSquares += (totals[i] - mean) * (totals[i] - mean)
      i += 1
    }
    paths = n
    self.mean = mean
    standardDeviation = n > 1 ? ((squares.sum() + tailSquares) / (count - 1)).squareRoot() : 0
    if let target {
      let p = n > 0 ? Double(reached) / count : .nan
      attainment = Attainment(
        target: target, probability: p, standardError: (p * (1 - p) / count).squareRoot(),
        expectedShortfall: (shortfall.sum() + tailShortfall) / count)
    } else {
      attainment = nil
    }
    let levels = quantileLevels + attainmentProbabilities.map { 1 - $0 }
    let values = Selection.quantiles(totals, levels: levels, scratch: scratch)
    quantiles = zip(quantileLevels, values).map { LevelValue(level: $0, value: $1) }
    targetsAtProbability = zip(attainmentProbabilities, values.dropFirst(quantileLevels.count)).map
    {
      LevelValue(level: $0, value: $1)
    }
  }

  /// Summarises an array of totals (copied; see the buffer initialiser).
  public init(
    totals: [Double], target: Double?, quantileLevels: [Double], attainmentProbabilities: [Double]
  ) {
    var copy = totals
    self = copy.withUnsafeMutableBufferPointer {
      TotalSummary(
        totals: $0, target: target, quantileLevels: quantileLevels,
        attainmentProbabilities: attainmentProbabilities)
    }
  }
}
