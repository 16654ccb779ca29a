/// The distribution of a simulated horizon total (of one unit or one group) over P paths.
public struct TotalSummary: Codable, Hashable, Sendable {
  /// Paths summarised.
  public var paths: Int
  /// The sample mean of the total.
  public var mean: Double
  /// The sample standard deviation (divisor P − 1; 0 when P = 1).
  public var standardDeviation: Double
  /// Quantiles at the plan's `quantileLevels` (linear interpolation between order
  /// statistics, Hyndman & Fan 1996 type 7, numpy's default).
  public var quantiles: [LevelValue]
  /// The target reached with each of the plan's `attainmentProbabilities` p: the (1 − p)
  /// quantile of the total.
  public var targetsAtProbability: [LevelValue]
  /// Attainment of the given target, if any.
  public var attainment: Attainment?

  /// A (level or probability, value) pair.
  public struct LevelValue: Codable, Hashable, Sendable {
    /// The level q or probability p.
    public var level: Double
    /// The value at that level (series units).
    public var value: Double
    /// A pair.
    public init(level: Double, value: Double) {
      self.level = level
      self.value = value
    }
  }

  /// How a target fares against the simulated total.
  public struct Attainment: Codable, Hashable, Sendable {
    /// The target t.
    public var target: Double
    /// P(total ≥ t), the share of paths reaching the target.
    public var probability: Double
    /// Its Monte Carlo standard error √(p(1−p)/P).
    public var standardError: Double
    /// Expected shortfall E[max(t − total, 0)] (series units): the mean gap to target,
    /// counting paths that reach it as 0.
    public var expectedShortfall: Double
  }
}

/// The result of simulating one scenario.
public struct SimulationResult: Codable, Hashable, Sendable {
  /// The scenario simulated.
  public var scenario: Scenario
  /// One summary per unit, in input order.
  public var units: [UnitSummary]
  /// One summary per group, ordered by group name.
  public var groups: [GroupSummary]
  /// The exact per-path group totals (for combining shards; see `GroupPathTotals`).
  public var groupPathTotals: GroupPathTotals
  /// Every unit's P path totals in input order, when the engine `keepsUnitTotals`.
  public var unitTotals: [[Double]]?

  /// A unit's summary.
  public struct UnitSummary: Codable, Hashable, Sendable {
    /// The unit id.
    public var id: String
    /// The unit's group, if any.
    public var group: String?
    /// Its horizon-total distribution.
    public var total: TotalSummary
  }

  /// A group's summary (its total is the sum of its units' totals on each path).
  public struct GroupSummary: Codable, Hashable, Sendable {
    /// The group name.
    public var group: String
    /// Units in the group.
    public var units: Int
    /// Its horizon-total distribution.
    public var total: TotalSummary
  }
}
