import AttainData
import AttainForecast
import AttainPlanning
import AttainSimulation

/// The settings of `PlanWorkflow.track` besides the model.
public struct TrackSettings: Sendable {
  /// Sample paths for P(attain).
  public var paths: Int
  /// The random seed.
  public var seed: UInt64
  /// Market correlation ρ in [0, 1) between units (for the TOTAL row); nil = independent.
  public var marketCorrelation: Double?
  /// Flag threshold on the pace (0.1 = ±10 %).
  public var threshold: Double
  /// Landing quantile levels in (0, 1), ascending.
  public var quantileLevels: [Double]
  /// Whether each unit's revised target at its original probability is computed.
  public var revise: Bool

  /// Settings with the CLI's defaults: 2,000 paths, seed 1, ±10 % flag threshold, landing P10,
  /// P50, P90.
  public init(
    paths: Int = 2000, seed: UInt64 = 1, marketCorrelation: Double? = nil, threshold: Double = 0.1,
    quantileLevels: [Double] = [0.1, 0.5, 0.9], revise: Bool = false
  ) {
    self.paths = paths
    self.seed = seed
    self.marketCorrelation = marketCorrelation
    self.threshold = threshold
    self.quantileLevels = quantileLevels
    self.revise = revise
  }
}

/// One row of the tracking table: a unit, or the TOTAL of all units.
public struct TrackedRow: Sendable {
  /// The unit id, or `TOTAL`.
  public var id: String
  /// Completion, pace, run-rate landing, gap and the other deterministic measures.
  public var report: TrackingReport
  /// P(attain) and the landing distribution given the actuals to date.
  public var outlook: ConditionalOutlook
  /// The probability the target was set at (nil for TOTAL or when the file has none).
  public var originalProbability: Double?
}

extension PlanWorkflow {
  /// The id of the row summing all units.
  public static let totalRowID = "TOTAL"

  /// Tracks `entries` against the actuals of the `elapsed` first `periods`: each unit's model is
  /// fitted once on its history followed by the actuals to date, the remaining periods are
  /// simulated (conditional attainment), and a TOTAL row sums the units when there are several.
  /// - Throws: `PlanInputError` for missing actuals or history, errors of the simulation or of
  ///   the tracking measures.
  /// - Complexity: one fit per unit, units · paths · remaining periods for the outlook.
  public static func track(
    entries: [TargetFile.Entry], phased: Bool, periods: PlanPeriods, elapsed k: Int, actuals: Panel,
    history: Panel, model: ModelSettings, settings: TrackSettings, progress: any ProgressSink = NoProgress(),
    events: WorkflowEvents = WorkflowEvents()
  ) throws -> [TrackedRow] {
    let tracked = try TrackedUnits(
      entries: entries, phased: phased, periods: periods, elapsed: k, actuals: actuals, history: history)
    let fitted = fit(tracked.fitPanel, model: model, progress: progress).fit
    events.fitWarnings(fitted.warnings)
    var units: [ConditionalUnit] = []
    for (i, entry) in entries.enumerated() {
      guard let sampler = fitted.models[i] else {
        throw PlanInputError("no model could be fitted for '\(entry.id)'")
      }
      units.append(
        ConditionalUnit(
          id: entry.id, sampler: sampler, actualToDate: tracked.actuals[i].reduce(0, +), target: entry.total,
          originalProbability: settings.revise ? entry.probability : nil, group: totalRowID))
    }
    let outlook = try ConditionalTracking.outlook(
      units: units, remaining: periods.count - k, paths: settings.paths, seed: settings.seed,
      quantileLevels: settings.quantileLevels, marketCorrelation: settings.marketCorrelation, threads: model.threads)
    let days = periods.days
    var rows: [TrackedRow] = []
    for (i, entry) in entries.enumerated() {
      let report = try TrackingReport(
        TrackingInput(
          targets: tracked.periodTargets[i], actuals: tracked.actuals[i], periodDays: days,
          lastYear: tracked.lastYear[i], deviationThreshold: settings.threshold))
      rows.append(TrackedRow(id: entry.id, report: report, outlook: outlook.units[i], originalProbability: entry.probability))
    }
    if entries.count > 1, let group = outlook.groups.first {
      let total = tracked.total(periods: periods.count, elapsed: k)
      let report = try TrackingReport(
        TrackingInput(
          targets: total.targets, actuals: total.actuals, periodDays: days, lastYear: total.lastYear,
          deviationThreshold: settings.threshold))
      rows.append(TrackedRow(id: totalRowID, report: report, outlook: group, originalProbability: nil))
    }
    return rows
  }
}

extension TrackedUnits {
  /// The units summed per period: targets over all `periods`, actuals over the `k` elapsed ones,
  /// and last year's values when every unit has them (nil otherwise). Sums run in unit order.
  /// - Complexity: O(units · periods).
  public func total(periods: Int, elapsed k: Int) -> (targets: [Double], actuals: [Double], lastYear: [Double]?) {
    var targets = [Double](repeating: 0, count: periods)
    var actualSums = [Double](repeating: 0, count: k)
    var lastYearSums: [Double]? = [Double](repeating: 0, count: k)
    for i in periodTargets.indices {
      for p in 0..<periods { targets[p] += periodTargets[i][p] }
      for p in 0..<k { actualSums[p] += actuals[i][p] }
      if let ly = lastYear[i], lastYearSums != nil {
        for p in 0..<k { lastYearSums?[p] += ly[p] }
      } else {
        lastYearSums = nil
      }
    }
    return (targets, actualSums, lastYearSums)
  }
}
