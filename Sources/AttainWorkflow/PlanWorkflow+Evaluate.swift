import AttainData
import AttainForecast
import AttainPlanning
import AttainSimulation

/// One row of the evaluation table: a unit's attainment, grade, score and payout.
public struct EvaluatedRow: Sendable, Equatable {
  /// The unit id, or `TOTAL`.
  public var id: String
  /// The target (the sum of the unit's target rows).
  public var target: Double
  /// The actual over the period (sum of the values dated in it).
  public var actual: Double
  /// actual / target.
  public var attainment: Double
  /// The grade of the attainment.
  public var grade: String
  /// The probability the target was set at (nil for TOTAL or when unknown).
  public var probability: Double?
  /// The difficulty-adjusted score (nil without a probability).
  public var score: Double?
  /// The payout as a fraction of the target incentive (TOTAL: payout / incentives).
  public var payoutFraction: Double
  /// The payout (currency).
  public var payout: Double
}

extension PlanWorkflow {
  /// Scores `entries` against the actuals dated in `start…end` (inclusive): attainment, grade,
  /// difficulty-adjusted score and payout per unit, then a TOTAL row (sums of targets, actuals and
  /// payouts in unit order; its payout fraction is payout / Σ incentives). A unit without an
  /// incentive of its own gets `defaultIncentive`.
  /// - Throws: `PlanInputError` for a unit without actuals, `DataError` for a target total ≤ 0
  ///   (located at the unit's first target), `PlanningError` for a probability the score rejects.
  /// - Complexity: O(units · series length).
  public static func evaluate(
    entries: [TargetFile.Entry], actuals panel: Panel, start: CalendarDate, end: CalendarDate, grades: GradeBands,
    curve: PayoutCurve, adjustment: DifficultyAdjustment, defaultIncentive: Double
  ) throws -> [EvaluatedRow] {
    let index = panel.indexByID
    var rows: [EvaluatedRow] = []
    var sums = (target: 0.0, actual: 0.0, payout: 0.0, incentive: 0.0)
    for entry in entries {
      guard let i = index[entry.id] else { throw PlanInputError("no actuals for '\(entry.id)'") }
      var actual = 0.0
      for t in 0..<panel.length(of: i) {
        if case .date(let d) = panel.stamp(of: i, at: t), d >= start, d <= end {
          actual += panel.values[panel.offsets[i] + t]
        }
      }
      guard entry.total > 0 else { throw entry.totalError("must be > 0") }
      let attainment = actual / entry.total
      let fraction = curve.payout(attainment)
      let pay = fraction * (entry.incentive ?? defaultIncentive)
      let score = try entry.probability.map { try adjustment.score(attainment: attainment, probability: $0) }
      rows.append(
        EvaluatedRow(
          id: entry.id, target: entry.total, actual: actual, attainment: attainment, grade: grades.grade(attainment),
          probability: entry.probability, score: score, payoutFraction: fraction, payout: pay))
      sums.target += entry.total
      sums.actual += actual
      sums.payout += pay
      sums.incentive += entry.incentive ?? defaultIncentive
    }
    let totalAttainment = sums.actual / sums.target
    rows.append(
      EvaluatedRow(
        id: totalRowID, target: sums.target, actual: sums.actual, attainment: totalAttainment,
        grade: grades.grade(totalAttainment), probability: nil, score: nil,
        payoutFraction: sums.payout / sums.incentive, payout: sums.payout))
    return rows
  }

  /// The distribution of the total incentive cost of `entries` over a plan of `periods` periods
  /// starting at `start`: each unit's model is fitted once on its `history` before `start`,
  /// `paths` futures are simulated (market correlation `rho`), and each path's payouts are summed.
  /// - Throws: `PlanInputError` for a unit without history before `start`, errors of the
  ///   simulation and of the cost summary.
  /// - Complexity: one fit per unit, units · paths · periods for the simulation.
  public static func incentiveCost(
    entries: [TargetFile.Entry], history panel: Panel, start: CalendarDate, periods: Int, model: ModelSettings,
    paths: Int, seed: UInt64, rho: Double?, curve: PayoutCurve, defaultIncentive: Double,
    progress: any ProgressSink = NoProgress(), events: WorkflowEvents = WorkflowEvents()
  ) throws -> IncentiveCostSummary {
    let index = panel.indexByID
    var fitPanel = Panel(frequency: panel.frequency)
    for entry in entries {
      guard let i = index[entry.id] else { throw PlanInputError("no history for '\(entry.id)'") }
      let past = panel.values(of: i, before: .date(start))
      guard !past.isEmpty else { throw PlanInputError("no history for '\(entry.id)' before \(start)") }
      fitPanel.append(id: entry.id, start: panel.starts[i], values: past)
    }
    let forecaster = model.batchForecaster(method: model.calibratedMethod(on: fitPanel))
    let fit = forecaster.fit(fitPanel)
    progress.advance(by: fitPanel.count)
    progress.finish()
    events.fitWarnings(fit.warnings)
    var units: [SimulationUnit] = []
    for (i, entry) in entries.enumerated() {
      guard let sampler = fit.models[i] else { throw PlanInputError("no model could be fitted for '\(entry.id)'") }
      units.append(SimulationUnit(id: entry.id, sampler: sampler))
    }
    var engine = try SimulationEngine(
      plan: SimulationPlan(paths: paths, horizon: periods, seed: seed, marketCorrelation: rho))
    engine.keepsUnitTotals = true
    let result = try engine.run(units: units, threads: model.threads)
    let totals = (result.unitTotals ?? []).flatMap { $0 }
    return try IncentiveCost.summary(
      totals: totals, layout: .unitMajor, paths: paths, units: entries.count, targets: entries.map(\.total),
      incentives: entries.map { $0.incentive ?? defaultIncentive }, curve: curve)
  }
}
