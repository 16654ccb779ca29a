import AttainForecast
import AttainSimulation

/// One unit tracked part-way through its plan period: a model fitted on its history *and* its
/// actuals so far (so it simulates the remaining periods only), the actual to date, the full
/// target, and optionally the probability the target was set at.
public struct ConditionalUnit: Sendable {
  /// The unit's `unique_id` (names its random stream).
  public var id: String
  /// The fitted model of the remaining periods (fitted on history + actuals to date).
  public var sampler: any PathSampler
  /// The actual to date A (series units).
  public var actualToDate: Double
  /// The full-period target T (series units).
  public var target: Double
  /// The probability the target was set at (e.g. from `attain recommend`), in (0, 1); used for
  /// the revised target. nil = no revision.
  public var originalProbability: Double?
  /// A group whose per-path totals are tracked too (e.g. the company); nil = none.
  public var group: String?

  /// A tracked unit (see the properties).
  public init(
    id: String, sampler: any PathSampler, actualToDate: Double, target: Double, originalProbability: Double? = nil,
    group: String? = nil
  ) {
    self.id = id
    self.sampler = sampler
    self.actualToDate = actualToDate
    self.target = target
    self.originalProbability = originalProbability
    self.group = group
  }
}

/// The conditional outlook of a unit or group: with `R` the simulated total of the remaining
/// periods and `A` the actual to date,
///
/// - `probability = P(A + R ≥ T)` = the share of paths with `R ≥ T − A` (exactly 1 when
///   `A ≥ T`: the target is already reached), with Monte Carlo standard error `√(p(1−p)/P)`;
/// - `landingQuantiles` = `A + quantile_q(R)` (type-7 quantiles), `landingMean = A + mean(R)`;
/// - `revisedTarget = A + quantile_{1−p₀}(R)`: the target that has the *original* attainment
///   probability p₀ given what is known now (half-year revision).
public struct ConditionalOutlook: Sendable, Hashable {
  /// Unit id or group name.
  public let id: String
  /// A.
  public let actualToDate: Double
  /// T.
  public let target: Double
  /// P(A + R ≥ T).
  public let probability: Double
  /// √(p(1−p)/paths) (0 when the probability is exact).
  public let standardError: Double
  /// A + E[R].
  public let landingMean: Double
  /// (q, A + quantile_q(R)) at the requested levels.
  public let landingQuantiles: [TotalSummary.LevelValue]
  /// A + quantile_{1−p₀}(R), when an original probability p₀ was given.
  public let revisedTarget: Double?
}

/// Probability to still attain a target given the actuals so far (conditional tracking).
///
/// The honest recipe: refit (or update) each unit's model on history + actuals to date, then
/// simulate only the remaining periods with `SimulationEngine` (same streams, seeds and
/// determinism guarantees) and shift the simulated remaining totals by the actual to date.
/// Because every target of a unit is compared with the same simulated paths, the probability
/// is non-increasing in the target (common random numbers).
/// - Complexity: O(N · P · H) for N units, P paths, H remaining periods; memory independent of
///   N·P·H (the engine's streaming summaries).
/// - Reference: Glasserman (2003), *Monte Carlo Methods in Financial Engineering*, §1.1 (MC
///   standard error of a proportion).
public enum ConditionalTracking {
  /// Conditional outlooks of `units` (in input order) and of their groups (by name; the group's
  /// A and T are the sums over its units).
  ///
  /// - Parameters:
  ///   - remaining: periods left, H ≥ 0 (H = 0: no simulation, the landing is A).
  ///   - paths: P ≥ 1; `seed`, `marketCorrelation` and `threads` as in `SimulationPlan`.
  ///   - quantileLevels: landing quantile levels in [0, 1].
  /// - Throws: `SimulationError` for an invalid plan, duplicate ids, non-finite inputs
  ///   (`.invalidPlan`) or non-finite simulated totals.
  public static func outlook(
    units: [ConditionalUnit], remaining: Int, paths: Int, seed: UInt64, quantileLevels: [Double] = [0.1, 0.5, 0.9],
    marketCorrelation: Double? = nil, threads: Int? = nil
  ) throws(SimulationError) -> (units: [ConditionalOutlook], groups: [ConditionalOutlook]) {
    for u in units where !(u.actualToDate.isFinite && u.target.isFinite) {
      throw .invalidPlan(field: "unit \(u.id)", reason: "actual to date and target must be finite")
    }
    for u in units {
      if let p = u.originalProbability, !(p > 0 && p < 1) {
        throw .invalidPlan(field: "unit \(u.id)", reason: "original probability must be in (0, 1), got \(p)")
      }
    }
    guard remaining >= 0 else { throw .invalidPlan(field: "remaining", reason: "must be ≥ 0, got \(remaining)") }
    var groupActual: [String: Double] = [:]
    var groupTarget: [String: Double] = [:]
    for u in units {
      if let g = u.group {
        groupActual[g, default: 0] += u.actualToDate
        groupTarget[g, default: 0] += u.target
      }
    }
    if remaining == 0 {
      func settled(_ id: String, _ a: Double, _ t: Double, _ p0: Double?) -> ConditionalOutlook {
        ConditionalOutlook(
          id: id, actualToDate: a, target: t, probability: a >= t ? 1 : 0, standardError: 0, landingMean: a,
          landingQuantiles: quantileLevels.map { .init(level: $0, value: a) }, revisedTarget: p0.map { _ in a })
      }
      return (
        units.map { settled($0.id, $0.actualToDate, $0.target, $0.originalProbability) },
        groupActual.keys.sorted().map { settled($0, groupActual[$0, default: 0], groupTarget[$0, default: 0], nil) }
      )
    }
    let probabilities = Array(Set(units.compactMap(\.originalProbability))).sorted()
    let plan = SimulationPlan(
      paths: paths, horizon: remaining, seed: seed, marketCorrelation: marketCorrelation,
      quantileLevels: quantileLevels, attainmentProbabilities: probabilities)
    let engine = try SimulationEngine(plan: plan)
    let simulated = units.map {
      SimulationUnit(id: $0.id, sampler: $0.sampler, group: $0.group, target: $0.target - $0.actualToDate)
    }
    var remainingTargets: [String: Double] = [:]
    for (g, t) in groupTarget { remainingTargets[g] = t - groupActual[g, default: 0] }
    let result = try engine.run(units: simulated, groupTargets: remainingTargets, threads: threads)
    let unitOutlooks = zip(units, result.units).map { unit, summary in
      outlook(
        id: unit.id, actual: unit.actualToDate, target: unit.target, total: summary.total,
        originalProbability: unit.originalProbability)
    }
    let groupOutlooks = result.groups.map { g in
      outlook(
        id: g.group, actual: groupActual[g.group, default: 0], target: groupTarget[g.group, default: 0],
        total: g.total, originalProbability: nil)
    }
    return (unitOutlooks, groupOutlooks)
  }

  /// Shifts the remaining-total summary by A; P = 1 exactly once the target is reached.
  static func outlook(
    id: String, actual: Double, target: Double, total: TotalSummary, originalProbability: Double?
  ) -> ConditionalOutlook {
    let reached = actual >= target
    let p = reached ? 1 : (total.attainment?.probability ?? 0)
    let se = reached ? 0 : (total.attainment?.standardError ?? 0)
    let revised = originalProbability.flatMap { p0 in
      total.targetsAtProbability.first { $0.level == p0 }.map { actual + $0.value }
    }
    return ConditionalOutlook(
      id: id, actualToDate: actual, target: target, probability: p, standardError: se,
      landingMean: actual + total.mean,
      landingQuantiles: total.quantiles.map { .init(level: $0.level, value: actual + $0.value) },
      revisedTarget: revised)
  }
}
