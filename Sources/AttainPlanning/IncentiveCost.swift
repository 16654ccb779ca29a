/// Distribution of the total incentive cost over simulated futures.
///
/// For path `p` and unit `i` with simulated total `x_pi`, target `T_i` and target incentive
/// `I_i` (the pay at 100 % attainment), the path's cost is `C_p = Σ_i I_i · payout(x_pi / T_i)`.
/// The summary gives the mean and quantiles of `C` over the paths (quantiles by linear
/// interpolation between order statistics, Hyndman & Fan 1996 type 7 — R's default and
/// numpy's `linear`).
public struct IncentiveCostSummary: Sendable, Hashable {
  /// Number of paths.
  public let paths: Int
  /// Mean cost.
  public let mean: Double
  /// Sample standard deviation of the cost (n − 1 denominator; 0 for one path).
  public let standardDeviation: Double
  /// 10th, 50th, 90th and 95th percentiles of the cost.
  public let p10: Double, p50: Double, p90: Double, p95: Double
  /// Smallest and largest path cost.
  public let minimum: Double, maximum: Double
  /// Cost at 100 % attainment of every unit: `Σ I_i · payout(1)`, the budgeted on-target cost.
  public let onTargetCost: Double
}

/// How a per-path per-unit buffer is laid out.
public enum PathLayout: String, Sendable, Hashable {
  /// `totals[p · units + i]`: each path's units are contiguous (what a path-at-a-time Monte
  /// Carlo writes).
  case pathMajor
  /// `totals[i · paths + p]`: each unit's paths are contiguous (what a unit-at-a-time
  /// simulation writes).
  case unitMajor
}

/// Incentive cost over simulated paths.
public enum IncentiveCost {
  /// The cost of every path (see `IncentiveCostSummary` for the formula).
  ///
  /// - Parameters:
  ///   - totals: per-path per-unit simulated totals (`paths · units` values in `layout`).
  ///   - targets: `T_i` per unit (must be > 0).
  ///   - incentives: `I_i` per unit (currency at 100 % attainment).
  ///   - costs: output, one value per path.
  /// - Throws: `.lengthMismatch`, `.invalidParameter` for a non-positive target.
  /// - Complexity: O(paths · units), no allocation.
  public static func pathCosts(
    totals: UnsafeBufferPointer<Double>, layout: PathLayout, paths: Int, units: Int,
    targets: UnsafeBufferPointer<Double>, incentives: UnsafeBufferPointer<Double>, curve: PayoutCurve,
    into costs: UnsafeMutableBufferPointer<Double>
  ) throws(PlanningError) {
    try requireCount("totals", totals.count, rows: paths, columns: units)
    guard targets.count == units else { throw .lengthMismatch(name: "targets", expected: units, got: targets.count) }
    guard incentives.count == units else {
      throw .lengthMismatch(name: "incentives", expected: units, got: incentives.count)
    }
    guard costs.count == paths else { throw .lengthMismatch(name: "costs", expected: paths, got: costs.count) }
    for i in 0..<units where !(targets[i] > 0) {
      throw .invalidParameter(name: "target of unit \(i)", value: targets[i], rule: "must be > 0")
    }
    switch layout {
    case .pathMajor:
      for p in 0..<paths {
        var c = 0.0
        let row = p * units
        for i in 0..<units { c += incentives[i] * curve.payout(totals[row + i] / targets[i]) }
        costs[p] = c
      }
    case .unitMajor:
      for p in 0..<paths { costs[p] = 0 }
      for i in 0..<units {
        let inc = incentives[i]
        let tgt = targets[i]
        let col = i * paths
        for p in 0..<paths { costs[p] += inc * curve.payout(totals[col + p] / tgt) }
      }
    }
  }

  /// Mean, quantiles and spread of the total incentive cost over the paths.
  ///
  /// - Throws: as `pathCosts`, and `.invalidParameter` when there are no paths.
  /// - Complexity: O(paths · units + paths log paths); allocates one buffer of `paths` doubles.
  public static func summary(
    totals: [Double], layout: PathLayout, paths: Int, units: Int, targets: [Double], incentives: [Double],
    curve: PayoutCurve
  ) throws(PlanningError) -> IncentiveCostSummary {
    guard paths > 0 else { throw .invalidParameter(name: "paths", value: Double(paths), rule: "must be > 0") }
    try requireCount("totals", totals.count, rows: paths, columns: units)  // before allocating
    var costs = [Double](repeating: 0, count: paths)
    try totals.withUnsafeBufferPointer { (x) throws(PlanningError) in
      try targets.withUnsafeBufferPointer { (t) throws(PlanningError) in
        try incentives.withUnsafeBufferPointer { (inc) throws(PlanningError) in
          try costs.withUnsafeMutableBufferPointer { (c) throws(PlanningError) in
            try pathCosts(
              totals: x, layout: layout, paths: paths, units: units, targets: t, incentives: inc, curve: curve, into: c)
          }
        }
      }
    }
    var mean = 0.0
    for c in costs { mean += c }
    mean /= Double(paths)
    var ss = 0.0
    for c in costs { ss += (c - mean) * (c - mean) }
    costs.sort()
    var onTarget = 0.0
    for inc in incentives { onTarget += inc * curve.payout(1) }
    return IncentiveCostSummary(
      paths: paths, mean: mean, standardDeviation: paths > 1 ? (ss / Double(paths - 1)).squareRoot() : 0,
      p10: quantileOfSorted(costs, 0.10), p50: quantileOfSorted(costs, 0.50), p90: quantileOfSorted(costs, 0.90),
      p95: quantileOfSorted(costs, 0.95), minimum: costs[0], maximum: costs[paths - 1], onTargetCost: onTarget)
  }
}

/// Type-7 quantile of sorted values: `h = (n − 1)·q`, `x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])`
/// (Hyndman & Fan 1996). Requires a non-empty array.
func quantileOfSorted(_ x: [Double], _ q: Double) -> Double {
  let h = Double(x.count - 1) * q
  let lo = Int(h.rounded(.down))
  let hi = min(lo + 1, x.count - 1)
  return x[lo] + (h - Double(lo)) * (x[hi] - x[lo])
}
