/// Exact per-path totals of each group: the group's horizon total on path p is the sum of
/// its units' totals on path p, kept as an `ExactSum`, so the totals of shards simulated on
/// different machines combine (`merged(with:)`) to exactly what one machine would compute.
/// Codable, to write a shard's totals to a file.
public struct GroupPathTotals: Codable, Hashable, Sendable {
  /// Group names, ascending.
  public var groups: [String]
  /// Units in each group.
  public var unitCounts: [Int]
  /// Paths P.
  public var paths: Int
  /// Sums, group-major: `sums[g * paths + p]`.
  public var sums: [ExactSum]

  /// Totals for `groups` (ascending names), all zero.
  public init(groups: [String], unitCounts: [Int], paths: Int) {
    self.groups = groups
    self.unitCounts = unitCounts
    self.paths = paths
    sums = Array(repeating: ExactSum(), count: groups.count * paths)
  }

  /// The per-path totals of `group` as doubles (nil if absent).
  public func totals(of group: String) -> [Double]? {
    guard let g = groups.firstIndex(of: group) else { return nil }
    return (0..<paths).map { sums[g * paths + $0].value }
  }

  /// The exact sum of two shards' totals (the union of their groups). Both must come from
  /// plans with the same paths, seed and scenario.
  /// - Complexity: O(G · P).
  public func merged(with other: GroupPathTotals) throws(SimulationError) -> GroupPathTotals {
    guard paths == other.paths else {
      throw .incompatibleShards(reason: "paths \(paths) vs \(other.paths)")
    }
    let names = Array(Set(groups).union(other.groups)).sorted()
    var counts = [Int](repeating: 0, count: names.count)
    var result = GroupPathTotals(groups: names, unitCounts: counts, paths: paths)
    for source in [self, other] {
      for (g, name) in source.groups.enumerated() {
        guard let target = names.firstIndex(of: name) else { continue }
        counts[target] += source.unitCounts[g]
        for p in 0..<paths { result.sums[target * paths + p].add(source.sums[g * paths + p]) }
      }
    }
    result.unitCounts = counts
    return result
  }

  /// Summaries of every group's total, with targets from `targets` (by group name).
  public func summaries(plan: SimulationPlan, targets: [String: Double] = [:]) -> [SimulationResult
    .GroupSummary]
  {
    var buffer = [Double](repeating: 0, count: paths)
    return groups.enumerated().map { g, name in
      for p in 0..<paths { buffer[p] = sums[g * paths + p].value }
      let summary = buffer.withUnsafeMutableBufferPointer {
        TotalSummary(
          totals: $0, target: targets[name], quantileLevels: plan.quantileLevels,
          attainmentProbabilities: plan.attainmentProbabilities)
      }
      return SimulationResult.GroupSummary(group: name, units: unitCounts[g], total: summary)
    }
  }
}
