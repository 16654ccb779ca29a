import ArgumentParser
import Attain

/// `attain track`: progress against targets part-way through the plan period, with the
/// conditional probability to still attain each target.
struct TrackCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "track",
    abstract: "Track actuals against targets: completion, run rate, gap, required rate, P(attain) given the actuals.",
    discussion: """
      ACTUALS is a series CSV (unique_id,ds,y) at the plan's grain (e.g. monthly). Rows after \
      --as-of are ignored, so the full data set may be passed.

      --targets is a CSV with unique_id,target and optional period_start (the output of `attain \
      decompose`: one row per unit and period), probability (the attainment probability the target \
      was set at, e.g. from `attain recommend`) and incentive. Rows of a unit are summed. Without \
      period_start the target is phased over the periods in proportion to their days.

      --history is the series CSV before the plan period (default: the ACTUALS file itself; only \
      rows before --period-start are used as history).

      The plan period runs from --period-start (default: 1 January of the --as-of year) to \
      --period-end (default: 31 December of that year); a period counts as elapsed when it ends on \
      or before --as-of.

      Method: each unit's model (--model) is refit on history + actuals to date and only the \
      remaining periods are simulated (--paths, --seed); P(attain) = P(actual to date + remaining \
      total ≥ target) with its Monte Carlo standard error, landing_p10/p50/p90 = actual to date + \
      quantiles of the remaining total. With several units a final row `TOTAL` sums all units on \
      every path (set --market-correlation to correlate them).

      Output columns: unique_id, target, actual_to_date, target_to_date, completion, elapsed_days, \
      elapsed_plan, pace, run_rate_landing, profile_landing, gap, required_per_period, \
      required_vs_plan, yoy, pop, flag, p_attain, p_attain_se, landing_mean, landing_p10, \
      landing_p50, landing_p90 [, probability, revised_target] (the landing columns follow \
      --quantile).

      With A the actual to date and T the target: completion = A/T; elapsed_days = share of \
      calendar days elapsed; elapsed_plan = target to date / T; pace = A / target to date; \
      run_rate_landing = A · days / elapsed days; profile_landing = A · T / target to date; gap = \
      T − A; required_per_period = gap / remaining periods; required_vs_plan = gap / remaining \
      plan; yoy = A / same periods last year − 1; pop = last period / previous − 1 (MoM at a \
      monthly grain); flag = ahead/onTrack/behind by --threshold on the pace. With --revise (needs \
      a probability column): revised_target = A + the (1 − p) quantile of the remaining total.

      Example:
        attain track sales.csv --targets targets-2017.csv --as-of 2017-06-30 \\
          --model ets --paths 2000 --seed 1
      """)

  @Argument(help: ArgumentHelp("Actuals: series CSV (unique_id,ds,y).", valueName: "actuals"))
  var actuals: String

  @Option(help: ArgumentHelp("Targets CSV (unique_id,target[,period_start,probability]).", valueName: "file"))
  var targets: String

  @Option(help: ArgumentHelp("History series CSV (default: the actuals file).", valueName: "file"))
  var history: String?

  @Option(help: ArgumentHelp("Last day of actuals to use (YYYY-MM-DD).", valueName: "date"))
  var asOf: String

  @Option(help: ArgumentHelp("First day of the plan period (default: 1 January of the as-of year).", valueName: "date"))
  var periodStart: String?

  @Option(
    help: ArgumentHelp("Last day of the plan period (default: 31 December of its first year).", valueName: "date"))
  var periodEnd: String?

  @Option(help: "Sample paths for P(attain).") var paths = 2000
  @Option(help: "Random seed.") var seed: UInt64 = 1
  @Option(help: "Market correlation ρ in [0, 1) between units (for the TOTAL row).") var marketCorrelation: Double?
  @Option(help: "Flag threshold on the pace (0.1 = ±10 %).") var threshold = 0.1
  @Option(
    name: .customLong("quantile"),
    help: ArgumentHelp("Landing quantile level in (0, 1); repeatable (default 0.1, 0.5, 0.9).", valueName: "q"))
  var quantiles: [Double] = []
  @Flag(help: "Add the revised target at the original probability (targets need a probability column).")
  var revise = false

  @OptionGroup var input: InputOptions
  @OptionGroup var model: ModelOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var progressOptions: ProgressOptions

  func validate() throws {
    if paths < 1 { throw ValidationError("--paths must be at least 1") }
    if !(threshold >= 0) { throw ValidationError("--threshold must be ≥ 0") }
    for q in quantiles where !(q > 0 && q < 1) { throw ValidationError("--quantile must be in (0, 1), got \(q)") }
  }

  /// The landing quantile levels, sorted.
  var levels: [Double] { quantiles.isEmpty ? [0.1, 0.5, 0.9] : Array(Set(quantiles)).sorted() }

  /// 0.1 → "10", 0.025 → "2.5".
  func percentLabel(_ q: Double) -> String {
    let p = (q * 1000).rounded() / 10
    return p == p.rounded() ? String(Int(p)) : String(p)
  }

  func run() throws {
    let asOfDate = try isoDate(asOf, option: "--as-of")
    let start =
      try periodStart.map { try isoDate($0, option: "--period-start") }
      ?? CalendarDate(year: asOfDate.year, month: 1, day: 1) ?? asOfDate
    let end =
      try periodEnd.map { try isoDate($0, option: "--period-end") }
      ?? CalendarDate(year: start.year, month: 12, day: 31) ?? start
    let actualPanel = try input.readPanel(actuals)
    let historyPanel = try history.map { try input.readPanel($0) } ?? actualPanel
    let periods = try planPeriods(start: start, end: end, frequency: actualPanel.frequency)
    let k = periods.elapsed(asOf: asOfDate)
    let targetFile = try TargetFile.read(targets)
    if revise && targetFile.entries.contains(where: { $0.probability == nil }) {
      throw ValidationError("--revise needs a probability column in \(targets) for every unit")
    }
    let rows = try PlanWorkflow.track(
      entries: targetFile.entries, phased: targetFile.isPhased, periods: periods, elapsed: k, actuals: actualPanel,
      history: historyPanel, model: model.settings(for: actualPanel.frequency),
      settings: TrackSettings(
        paths: paths, seed: seed, marketCorrelation: marketCorrelation, threshold: threshold, quantileLevels: levels,
        revise: revise),
      progress: progressOptions.progress("fit", total: targetFile.entries.count, unit: "series"),
      events: WorkflowEvents(fitWarnings: { reportWarnings($0) }))

    var header =
      [
        "unique_id", "target", "actual_to_date", "target_to_date", "completion", "elapsed_days", "elapsed_plan", "pace",
        "run_rate_landing", "profile_landing", "gap", "required_per_period", "required_vs_plan", "yoy", "pop", "flag",
        "p_attain", "p_attain_se", "landing_mean",
      ] + levels.map { "landing_p\(percentLabel($0))" }
    if revise { header += ["probability", "revised_target"] }
    var table = ResultTable(header: header)
    func row(_ id: String, _ report: TrackingReport, _ o: ConditionalOutlook, _ p0: Double?) -> [ResultTable.Cell] {
      var r: [ResultTable.Cell] = [
        .text(id), .number(report.target), .number(report.actualToDate), .number(report.targetToDate),
        cell(report.completion), cell(report.timeElapsedByDays), cell(report.timeElapsedByProfile),
        cell(report.paceIndex), cell(report.linearLanding), cell(report.profileLandingEstimate), .number(report.gap),
        cell(report.requiredPerRemainingPeriod), cell(report.requiredVersusPlan), cell(report.yearOverYear),
        cell(report.periodOverPeriod), .text(report.cumulativeFlag.rawValue), .number(o.probability),
        .number(o.standardError), .number(o.landingMean),
      ]
      r += o.landingQuantiles.map { .number($0.value) }
      if revise { r += [cell(p0), cell(o.revisedTarget)] }
      return r
    }
    for tracked in rows {
      table.append(row(tracked.id, tracked.report, tracked.outlook, tracked.originalProbability))
    }
    try output.write(table)
  }
}
