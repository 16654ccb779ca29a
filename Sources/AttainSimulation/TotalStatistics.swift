extension TotalSummary {
  /// Summarises the totals of P paths: mean, standard deviation, quantiles, targets at
  /// attainment probabilities and, if `target` is given, P(total ≥ target) with its Monte
  /// Carlo standard error and the expected shortfall. Permutes `totals` (selection).
  /// The totals must be finite.
  /// - Complexity: expected O(P · (number of levels)).
  public init(
    totals: UnsafeMutableBufferPointer<Double>, target: Double?, quantileLevels: [Double],
    attainmentProbabilities: [Double]
  ) {
    let n = totals.count
    let count = Double(n)
    var sum = 0.0
    for x in totals { sum += x }
    let mean = n > 0 ? sum / count : .nan
    var squares = 0.0
    for x in totals { squares += (x - mean) * (x - mean) }
    paths = n
    self.mean = mean
    standardDeviation = n > 1 ? (squares / (count - 1)).squareRoot() : 0
    if let target {
      var reached = 0
      var shortfall = 0.0
      for x in totals {
        reached &+= x >= target ? 1 : 0
        shortfall += max(target - x, 0)
      }
      let p = n > 0 ? Double(reached) / count : .nan
      attainment = Attainment(
        target: target, probability: p, standardError: (p * (1 - p) / count).squareRoot(),
        expectedShortfall: shortfall / count)
    } else {
      attainment = nil
    }
    let levels = quantileLevels + attainmentProbabilities.map { 1 - $0 }
    let values = Selection.quantiles(totals, levels: levels)
    quantiles = zip(quantileLevels, values).map { LevelValue(level: $0, value: $1) }
    targetsAtProbability = zip(attainmentProbabilities, values.dropFirst(quantileLevels.count)).map {
      LevelValue(level: $0, value: $1)
    }
  }

  /// Summarises an array of totals (copied; see the buffer initialiser).
  public init(totals: [Double], target: Double?, quantileLevels: [Double], attainmentProbabilities: [Double]) {
    var copy = totals
    self = copy.withUnsafeMutableBufferPointer {
      TotalSummary(
        totals: $0, target: target, quantileLevels: quantileLevels, attainmentProbabilities: attainmentProbabilities)
    }
  }
}
