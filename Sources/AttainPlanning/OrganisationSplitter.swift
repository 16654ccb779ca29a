/// Splits a target over organisational units (regions, products, channels, reps).
///
/// For sibling units `i` the steps are:
/// 1. **Blend**: `s_i = Σ_k β_k · x_ik / X_k / Σ_k β_k` over the indicator columns `k` with
///    `β_k > 0` (`X_k` the column total over established units).
/// 2. **New units and ramp**: a new unit's `s_i` is the mean `s` of the established units;
///    then `w_i ∝ ramp_i · s_i`, normalised to sum 1 (all zero → equal weights).
/// 3. **Buffer**: the amount to assign is `A = total · (1 + b)`; with `b > 0` the units' targets
///    add up to more than the target handed down (分解目标要高于下达目标), a safety margin for
///    units that miss.
/// 4. **Growth bounds**: each established unit with `lastYear = y_i > 0` must land in
///    `[y_i(1+g_min), y_i(1+g_max)]` (the unit's own `growth` if set, else the splitter's). The targets are `x_i = clamp(λ·w_i, floor_i, cap_i)` with the
///    single λ for which `Σ x_i = A`. This is the fixed point of "clamp the violators and
///    redistribute the excess over the others, repeat": units at a bound stay there and the
///    rest stay proportional to their weights. Because `Σ clamp(λw_i, ·)` is continuous and
///    non-decreasing in λ, λ is found exactly by sweeping the sorted breakpoints
///    (`floor_i/w_i`, `cap_i/w_i`) in O(n log n). No λ exists when `A < Σ floor_i` or
///    `A > Σ cap_i` (+ floors of zero-weight units) → `PlanningError.infeasibleBounds`.
/// 5. **Rounding**: `x` is rounded to the unit by largest remainder, so the parts sum exactly to
///    `round(A / unit)`; a rounded part may sit up to one unit outside its bound.
public struct OrganisationSplitter: Sendable, Hashable {
  /// Indicator blend.
  public var blend: BlendWeights
  /// Growth bounds versus last year (nil = none).
  public var growth: GrowthBounds?
  /// Rounding unit (e.g. 1, 0.01, 1000).
  public var unit: Double

  /// A splitter with the given blend, growth bounds and rounding unit.
  public init(blend: BlendWeights = .historyAndForecast, growth: GrowthBounds? = nil, unit: Double = 1) {
    self.blend = blend
    self.growth = growth
    self.unit = unit
  }

  /// Splits `total` over `units` with over-assignment `buffer` (parts sum to `total·(1+buffer)`).
  ///
  /// - Throws: `.invalidParameter` (negative total/buffer, ramp outside [0, 1], bad blend or
  ///   bounds), `.missingValue` (an established unit lacks a blended column),
  ///   `.infeasibleBounds`, rounding errors.
  /// - Complexity: O(n log n).
  public func split(_ total: Double, over units: [PlanningUnit], buffer: Double = 0) throws(PlanningError)
    -> OrganisationSplit
  {
    guard total.isFinite, total >= 0 else {
      throw .invalidParameter(name: "total", value: total, rule: "must be finite and ≥ 0")
    }
    guard buffer.isFinite, buffer > -1 else {
      throw .invalidParameter(name: "buffer", value: buffer, rule: "must be finite and > −1")
    }
    let amountUnits = try LargestRemainder.units(of: total * (1 + buffer), unit: unit)
    return try split(units: amountUnits, over: units, group: "")
  }

  /// The split in whole units (used by the tree decomposition so parents and children agree
  /// exactly).
  func split(units amountUnits: Int64, over units: [PlanningUnit], group: String) throws(PlanningError)
    -> OrganisationSplit
  {
    let n = units.count
    guard n > 0 else { throw .emptyWeights }
    let w = try weights(units)
    let amount = Double(amountUnits) * unit
    // Bounds.
    var lo = [Double](repeating: 0, count: n)
    var hi = [Double](repeating: .infinity, count: n)
    for i in 0..<n where !units[i].isNew {
      guard let g = units[i].growth ?? growth else { continue }
      guard g.minimum >= -1, g.maximum >= g.minimum, !g.minimum.isNaN, !g.maximum.isNaN else {
        throw .invalidParameter(
          name: "growth bounds of \(units[i].id)", value: g.minimum, rule: "need −1 ≤ minimum ≤ maximum")
      }
      if let y = units[i].lastYear, y > 0 {
        lo[i] = g.minimum.isFinite ? y * (1 + g.minimum) : 0
        hi[i] = y * (1 + g.maximum)
      }
    }
    let (x, lambda) = try clampedProportional(amount: amount, weights: w, lower: lo, upper: hi, group: group)
    var status = [OrganisationSplit.BoundStatus](repeating: .proportional, count: n)
    for i in 0..<n {
      let free = lambda * w[i]
      if lo[i] > 0 && x[i] == lo[i] && free < lo[i] {
        status[i] = .atFloor
      } else if hi[i].isFinite && x[i] == hi[i] && free > hi[i] {
        status[i] = .atCap
      }
    }
    let parts = try LargestRemainder.apportion(units: amountUnits, weights: x)
    return OrganisationSplit(
      ids: units.map(\.id), weights: w, units: parts, amounts: parts.map { Double($0) * unit },
      totalUnits: amountUnits, unit: unit, status: status, lambda: lambda)
  }

  /// Step 1–2: blended, ramped, normalised weights.
  func weights(_ units: [PlanningUnit]) throws(PlanningError) -> [Double] {
    let n = units.count
    let columns: [(String, Double, KeyPath<PlanningUnit, Double?>)] = [
      ("lastYear", blend.history, \.lastYear), ("forecast", blend.forecast, \.forecast),
      ("potential", blend.potential, \.potential), ("capacity", blend.capacity, \.capacity),
      ("marketShare", blend.marketShare, \.marketShare),
    ]
    var betaSum = 0.0
    for (name, beta, _) in columns {
      guard beta.isFinite, beta >= 0 else {
        throw .invalidParameter(name: "blend.\(name)", value: beta, rule: "must be ≥ 0")
      }
      betaSum += beta
    }
    guard betaSum > 0 else { throw .invalidParameter(name: "blend", value: 0, rule: "at least one weight must be > 0") }
    for u in units where !(u.ramp.isFinite && u.ramp >= 0 && u.ramp <= 1) {
      throw .invalidParameter(name: "ramp of \(u.id)", value: u.ramp, rule: "must be in [0, 1]")
    }
    var s = [Double](repeating: 0, count: n)
    var established = 0
    for (name, beta, path) in columns where beta > 0 {
      var total = 0.0
      for u in units where !u.isNew {
        guard let v = u[keyPath: path], v.isFinite, v >= 0 else { throw .missingValue(unit: u.id, column: name) }
        total += v
      }
      guard total > 0 else { continue }  // an all-zero column carries no information
      for i in 0..<n where !units[i].isNew {
        s[i] += beta / betaSum * (units[i][keyPath: path] ?? 0) / total
      }
    }
    var mean = 0.0
    for i in 0..<n where !units[i].isNew {
      mean += s[i]
      established += 1
    }
    mean = established > 0 ? mean / Double(established) : 1
    var sum = 0.0
    for i in 0..<n {
      s[i] = units[i].ramp * (units[i].isNew ? mean : s[i])
      sum += s[i]
    }
    if sum > 0 {
      for i in 0..<n { s[i] /= sum }
    } else {
      for i in 0..<n { s[i] = 1 / Double(n) }
    }
    return s
  }
}

/// Solves `Σ_i clamp(λ·w_i, lo_i, hi_i) = amount` for λ ≥ 0 exactly and returns the clamped
/// parts and λ.
///
/// `g(λ) = Σ clamp(λw_i, lo_i, hi_i)` is continuous, non-decreasing and piecewise linear with
/// breakpoints `lo_i/w_i` (unit leaves its floor) and `hi_i/w_i` (unit reaches its cap); on each
/// piece `g(λ) = C + λ·S` with `S` the total weight of the free units, so one sweep over the
/// sorted breakpoints finds λ.
///
/// - Throws: `.infeasibleBounds` when `amount` is outside `[g(0), g(∞)]`.
/// - Complexity: O(n log n).
func clampedProportional(amount: Double, weights w: [Double], lower lo: [Double], upper hi: [Double], group: String)
  throws(PlanningError) -> ([Double], Double)
{
  let n = w.count
  var minimum = 0.0
  var maximum = 0.0
  var events: [(lambda: Double, index: Int, entering: Bool)] = []
  events.reserveCapacity(2 * n)
  var c = 0.0
  var slope = 0.0
  for i in 0..<n {
    minimum += lo[i]
    if w[i] > 0 {
      maximum += hi[i]
      if lo[i] > 0 {
        events.append((lo[i] / w[i], i, true))
        c += lo[i]
      } else {
        slope += w[i]
      }
      if hi[i].isFinite { events.append((hi[i] / w[i], i, false)) }
    } else {
      maximum += lo[i]
      c += lo[i]
    }
  }
  let tolerance = 1e-9 * max(1, abs(amount))
  guard amount >= minimum - tolerance, amount <= maximum + tolerance else {
    throw .infeasibleBounds(group: group, total: amount, minimum: minimum, maximum: maximum)
  }
  // Entering (floor → free) before leaving (free → cap) at equal λ.
  events.sort { a, b in a.lambda != b.lambda ? a.lambda < b.lambda : (a.entering && !b.entering) }
  var lambda = 0.0
  var solved = false
  for e in events {
    if c + e.lambda * slope >= amount {
      lambda = slope > 0 ? max(lambda, (amount - c) / slope) : lambda
      solved = true
      break
    }
    lambda = e.lambda
    if e.entering {
      c -= lo[e.index]
      slope += w[e.index]
    } else {
      slope -= w[e.index]
      c += hi[e.index]
    }
  }
  if !solved { lambda = slope > 0 ? max(lambda, (amount - c) / slope) : lambda }
  var x = [Double](repeating: 0, count: n)
  for i in 0..<n { x[i] = min(max(lambda * w[i], lo[i]), hi[i]) }
  return (x, lambda)
}

extension OrganisationSplitter {
  /// Decomposes `total` down an organisation tree: the top-level nodes split
  /// `total·(1 + buffer)`, and each node's children split that node's target × (1 + node.buffer),
  /// all in whole units so every parent equals the sum of its children's targets divided by
  /// (1 + its buffer), rounded to the unit (exactly equal when the buffer is 0).
  ///
  /// - Returns: every node's target, parents before their children (depth-first, input order).
  /// - Throws: the errors of `split(_:over:buffer:)`; `.infeasibleBounds` names the parent.
  /// - Complexity: O(N log N) for N nodes.
  public func decompose(_ total: Double, tree: [OrganisationNode], buffer: Double = 0) throws(PlanningError)
    -> [AssignedTarget]
  {
    guard total.isFinite, total >= 0 else {
      throw .invalidParameter(name: "total", value: total, rule: "must be finite and ≥ 0")
    }
    var out: [AssignedTarget] = []
    try decompose(
      units: try LargestRemainder.units(of: total * (1 + validBuffer(buffer)), unit: unit), tree: tree, parent: nil,
      level: 0, into: &out)
    return out
  }

  private func validBuffer(_ b: Double) throws(PlanningError) -> Double {
    guard b.isFinite, b > -1 else { throw .invalidParameter(name: "buffer", value: b, rule: "must be finite and > −1") }
    return b
  }

  private func decompose(
    units amount: Int64, tree: [OrganisationNode], parent: String?, level: Int, into out: inout [AssignedTarget]
  ) throws(PlanningError) {
    let split = try split(units: amount, over: tree.map(\.unit), group: parent ?? "")
    for (i, node) in tree.enumerated() {
      out.append(
        AssignedTarget(
          id: node.unit.id, parent: parent, level: level, units: split.units[i], amount: split.amounts[i],
          status: split.status[i]))
      if !node.children.isEmpty {
        let b = try validBuffer(node.buffer)
        let childUnits = try LargestRemainder.units(of: Double(split.units[i]) * (1 + b), unit: 1)
        try decompose(units: childUnits, tree: node.children, parent: node.unit.id, level: level + 1, into: &out)
      }
    }
  }
}
