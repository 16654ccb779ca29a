/// Controlled rounding of a proportional two-way table: integer cells whose row sums **and**
/// column sums are both prescribed exactly (e.g. reps × days, where each rep's days must add
/// up to the rep's target and each day's reps to the team's day target).
///
/// For non-negative integer row totals `R_i` and column totals `C_j` with `Σ R = Σ C = T > 0`,
/// the real table `x_ij = R_i · C_j / T` has exactly these margins. The result `N` has
/// `N_ij ∈ {⌊x_ij⌋, ⌈x_ij⌉}` (every cell within one unit of proportional), `Σ_j N_ij = R_i`,
/// `Σ_i N_ij = C_j`.
///
/// Such an `N` always exists: the fractional parts `x − ⌊x⌋` form a fractional bipartite
/// degree-constrained subgraph with integer degrees, and that polytope is integral (bipartite
/// incidence matrices are totally unimodular; Schrijver, *Combinatorial Optimization* 2003,
/// ch. 21; for controlled rounding of tables, Cox & Ernst 1982, *INFOR* 20(4)). It is found
/// exactly — quotas in integer arithmetic, no floating point — by rounding up the cells with
/// the largest fractional parts first (greedy), then completing with augmenting paths
/// (Ford–Fulkerson on the bipartite row/column graph). The greedy start favours large
/// remainders but the result is not claimed to be a least-squares optimum.
public enum ControlledRounding {
  /// The rounded proportional table `N` (rows × columns, row-major) — see the type.
  ///
  /// - Throws: `.invalidParameter` for negative totals or totals whose sums differ;
  ///   `.emptyWeights` for no rows or columns.
  /// - Complexity: O(E log E) for the E = rows·columns cells, plus O(E) per augmenting path
  ///   (few in practice).
  public static func proportionalTable(rowTotals: [Int64], columnTotals: [Int64]) throws(PlanningError) -> [Int64] {
    let r = rowTotals.count
    let c = columnTotals.count
    guard r > 0, c > 0 else { throw .emptyWeights }
    var total: Int64 = 0
    var columnSum: Int64 = 0
    for v in rowTotals {
      guard v >= 0 else { throw .invalidParameter(name: "row total", value: Double(v), rule: "must be ≥ 0") }
      guard v <= LargestRemainder.maximumUnits - total else { throw .amountTooLarge(amount: Double(v), unit: 1) }
      total += v
    }
    for v in columnTotals {
      guard v >= 0 else { throw .invalidParameter(name: "column total", value: Double(v), rule: "must be ≥ 0") }
      guard v <= LargestRemainder.maximumUnits - columnSum else { throw .amountTooLarge(amount: Double(v), unit: 1) }
      columnSum += v
    }
    guard total == columnSum else {
      throw .invalidParameter(
        name: "column totals", value: Double(columnSum), rule: "must sum to the row totals' sum \(total)")
    }
    var n = [Int64](repeating: 0, count: r * c)
    guard total > 0 else { return n }
    // Floors and remainders of R_i·C_j / T, exactly (128-bit product).
    var remainder = [UInt64](repeating: 0, count: r * c)
    var rowLeft = rowTotals
    var columnLeft = columnTotals
    let divisor = UInt64(total)
    for i in 0..<r {
      for j in 0..<c {
        let product = UInt64(rowTotals[i]).multipliedFullWidth(by: UInt64(columnTotals[j]))
        let (q, rem) = divisor.dividingFullWidth(product)
        n[i * c + j] = Int64(q)
        remainder[i * c + j] = rem
        rowLeft[i] -= Int64(q)
        columnLeft[j] -= Int64(q)
      }
    }
    // Greedy: round up the largest remainders while both the row and the column still need units.
    var cells = [Int]()
    for k in 0..<(r * c) where remainder[k] > 0 { cells.append(k) }
    cells.sort { a, b in remainder[a] != remainder[b] ? remainder[a] > remainder[b] : a < b }
    var up = [Bool](repeating: false, count: r * c)
    for k in cells {
      let i = k / c
      let j = k % c
      if rowLeft[i] > 0 && columnLeft[j] > 0 {
        up[k] = true
        rowLeft[i] -= 1
        columnLeft[j] -= 1
      }
    }
    // Augmenting paths: row →(fractional cell not yet up) column →(cell already up) row → …
    // until a column that still needs a unit.
    var columnParent = [Int](repeating: -1, count: c)  // row that reached column j
    var rowParent = [Int](repeating: -1, count: r)  // column that reached row i
    var queue = [Int]()
    for start in 0..<r {
      while rowLeft[start] > 0 {
        for j in 0..<c { columnParent[j] = -1 }
        for i in 0..<r { rowParent[i] = -1 }
        queue.removeAll(keepingCapacity: true)
        queue.append(start)
        rowParent[start] = c  // visited marker
        var found = -1
        var head = 0
        search: while head < queue.count {
          let i = queue[head]
          head += 1
          for j in 0..<c where columnParent[j] < 0 {
            let k = i * c + j
            guard remainder[k] > 0, !up[k] else { continue }
            columnParent[j] = i
            if columnLeft[j] > 0 {
              found = j
              break search
            }
            for i2 in 0..<r where rowParent[i2] < 0 && up[i2 * c + j] {
              rowParent[i2] = j
              queue.append(i2)
            }
          }
        }
        guard found >= 0 else {
          // Unreachable by the integrality theorem; kept as a typed error rather than a trap.
          throw .invalidParameter(name: "controlled rounding", value: Double(start), rule: "no augmenting path")
        }
        // Flip the path back to the start row.
        var j = found
        columnLeft[j] -= 1
        while true {
          let i = columnParent[j]
          up[i * c + j] = true
          if i == start { break }
          let previous = rowParent[i]
          up[i * c + previous] = false
          j = previous
        }
        rowLeft[start] -= 1
      }
    }
    for k in 0..<(r * c) where up[k] { n[k] += 1 }
    return n
  }
}
