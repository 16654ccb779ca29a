/// How top-down reconciliation turns history into bottom-level proportions
/// (Gross & Sohl 1990; Hyndman & Athanasopoulos, *FPP3* §11.2).
public enum TopDownProportions: String, Sendable, Hashable, CaseIterable {
  /// Average of historical proportions: `p_j = (1/T') Σ_t y_{j,t} / y_{t}` over the T' periods
  /// with a non-zero total `y_t = Σ_j y_{j,t}` (Gross–Sohl method A).
  case averageOfProportions
  /// Proportion of historical averages: `p_j = Σ_t y_{j,t} / Σ_t y_t` (Gross–Sohl method F).
  case proportionOfAverages
}

/// Coherent forecasts for a hierarchy: every parent equals the sum of its children.
///
/// All matrices are node-major flat arrays: `values[i·h + t]` for node `i` (in `Hierarchy.ids`
/// order) and step `t`.
public enum Reconciliation {
  /// Bottom-up: keep the bottom-level base forecasts and sum them up, `ỹ = S · ŷ_bottom`.
  ///
  /// - Parameter base: base forecasts of all nodes (n × h); only bottom rows are read.
  /// - Throws: `.lengthMismatch`.
  /// - Complexity: O(m · depth · h).
  public static func bottomUp(_ base: [Double], hierarchy: Hierarchy, horizon h: Int) throws(PlanningError) -> [Double]
  {
    try requireCount("base forecasts", base.count, rows: hierarchy.count, columns: h)
    var b = [Double](repeating: 0, count: hierarchy.bottom.count * h)
    for (j, node) in hierarchy.bottom.enumerated() {
      for t in 0..<h { b[j * h + t] = base[node * h + t] }
    }
    return try hierarchy.aggregate(bottom: b, horizon: h)
  }

  /// Bottom-level proportions from history (see `TopDownProportions`); they sum to 1.
  ///
  /// - Parameter history: actuals of all nodes (n × T with T = `count`, node-major); only bottom rows are read
  ///   (the total is their sum, so the proportions are coherent even if the stored totals are not).
  /// - Throws: `.lengthMismatch`; `.invalidParameter` when the history total is zero everywhere.
  /// - Complexity: O(m · T).
  public static func proportions(
    history: [Double], hierarchy: Hierarchy, periods count: Int, method: TopDownProportions
  ) throws(PlanningError) -> [Double] {
    try requireCount("history", history.count, rows: hierarchy.count, columns: count)
    guard count > 0 else { throw .invalidParameter(name: "periods", value: Double(count), rule: "must be > 0") }
    let m = hierarchy.bottom.count
    var totals = [Double](repeating: 0, count: count)
    for node in hierarchy.bottom { for t in 0..<count { totals[t] += history[node * count + t] } }
    var p = [Double](repeating: 0, count: m)
    switch method {
    case .averageOfProportions:
      let used = totals.filter { $0 != 0 }.count
      guard used > 0 else {
        throw .invalidParameter(name: "history total", value: 0, rule: "must be non-zero in some period")
      }
      for (j, node) in hierarchy.bottom.enumerated() {
        var s = 0.0
        for t in 0..<count where totals[t] != 0 { s += history[node * count + t] / totals[t] }
        p[j] = s / Double(used)
      }
    case .proportionOfAverages:
      let grand = totals.reduce(0, +)
      guard grand != 0 else { throw .invalidParameter(name: "history total", value: 0, rule: "must be non-zero") }
      for (j, node) in hierarchy.bottom.enumerated() {
        var s = 0.0
        for t in 0..<count { s += history[node * count + t] }
        p[j] = s / grand
      }
    }
    return p
  }

  /// Top-down: split the root's base forecast by historical proportions `p`, then sum up,
  /// `ỹ = S · p · ŷ_root`.
  ///
  /// - Throws: `.lengthMismatch`, and the errors of `proportions`.
  /// - Complexity: O(m · (T + depth · h)) for T = `count` history periods.
  public static func topDown(
    _ base: [Double], history: [Double], periods count: Int, hierarchy: Hierarchy, horizon h: Int,
    method: TopDownProportions = .averageOfProportions
  ) throws(PlanningError) -> [Double] {
    try requireCount("base forecasts", base.count, rows: hierarchy.count, columns: h)
    let p = try proportions(history: history, hierarchy: hierarchy, periods: count, method: method)
    var b = [Double](repeating: 0, count: p.count * h)
    let r = hierarchy.root
    for j in 0..<p.count { for t in 0..<h { b[j * h + t] = p[j] * base[r * h + t] } }
    return try hierarchy.aggregate(bottom: b, horizon: h)
  }
}

extension Reconciliation {
  /// Top-down by forecast proportions (Athanasopoulos, Ahmed & Hyndman 2009; *FPP3* §11.2):
  /// the root keeps its base forecast and, level by level, each node's reconciled value is split
  /// over its children in proportion to their base forecasts,
  ///
  ///     ỹ_child = ỹ_parent · ŷ_child / Σ_{siblings s} ŷ_s
  ///
  /// so bottom series get `p_j = Π_levels ŷ_node / Σ ŷ_siblings`. Unlike historical
  /// proportions, the shares follow the forecast horizon (seasonality, trends per branch).
  /// When the children's base forecasts are all ≤ 0 for a step, or any is negative, the parent is
  /// split equally among them for that step (documented fallback; proportions need a positive
  /// sum of non-negative forecasts).
  ///
  /// - Throws: `.lengthMismatch`.
  /// - Complexity: O(n · h) plus O(n) to group the children.
  public static func topDownForecastProportions(_ base: [Double], hierarchy: Hierarchy, horizon h: Int)
    throws(PlanningError) -> [Double]
  {
    let n = hierarchy.count
    try requireCount("base forecasts", base.count, rows: n, columns: h)
    var children = [[Int]](repeating: [], count: n)
    for i in 0..<n { if let p = hierarchy.parents[i] { children[p].append(i) } }
    var y = [Double](repeating: 0, count: n * h)
    for t in 0..<h { y[hierarchy.root * h + t] = base[hierarchy.root * h + t] }
    var stack = [hierarchy.root]
    while let p = stack.popLast() {
      let kids = children[p]
      guard !kids.isEmpty else { continue }
      for t in 0..<h {
        var sum = 0.0
        var negative = false
        for c in kids {
          sum += base[c * h + t]
          if base[c * h + t] < 0 { negative = true }
        }
        for c in kids {
          let share = (sum > 0 && !negative) ? base[c * h + t] / sum : 1 / Double(kids.count)
          y[c * h + t] = y[p * h + t] * share
        }
      }
      stack.append(contentsOf: kids)
    }
    return y
  }
}
