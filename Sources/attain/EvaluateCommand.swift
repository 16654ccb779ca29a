import ArgumentParser
import Attain

/// `attain evaluate`: grades, difficulty-adjusted scores and payouts of a finished period,
/// and the simulated distribution of the incentive cost as seen before the period started.
struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Grade a finished period, score it by target difficulty, pay it out; simulate the incentive cost.",
    discussion: """
      ACTUALS is a series CSV (unique_id,ds,y); each unit's actual is the sum of its rows from \
      --from to --to.

      --targets is a CSV with unique_id,target and optional probability (the attainment \
      probability the target was set at) and incentive (pay at 100 % attainment; default \
      --incentive); rows of a unit are summed (the phased output of `attain decompose` works as is).

      Per unit: attainment = actual / target; grade by --bands (default A:1.1,B:1.0,C:0.9,D:0.75, \
      else E); score = attainment · (1 + k (0.5 − p)) with k = --difficulty (empty without a \
      probability); payout = incentive · curve(attainment) with --payout \
      threshold=T,at-threshold=P,accelerator=S,cap=C (default \
      threshold=0.8,at-threshold=0.5,accelerator=2,cap=2): 0 below T, linear from P at T to 1 at \
      100 %, slope S above, capped at C.

      Output: unique_id, target, actual, attainment, grade, probability, score, payout_fraction, \
      payout and a final TOTAL row (sums; its attainment is Σ actual / Σ target).

      --simulate-cost: fit --model on --history before --from, simulate the period's periods \
      (--paths, --seed, --market-correlation) and report the total incentive cost Σ incentive · \
      curve(total / target) over the paths: mean, sd, p10, p50, p90, p95 and the on-target cost, \
      as statistic,value rows written to --cost-output (default: stderr).

      Example:
        attain evaluate sales.csv --targets targets-2017.csv \\
          --from 2017-01-01 --to 2017-12-31 \\
          --payout threshold=0.8,cap=1.5,accelerator=2 \\
          --simulate-cost --history sales.csv --paths 2000 --seed 1
      """)

  @Argument(help: ArgumentHelp("Actuals: series CSV (unique_id,ds,y).", valueName: "actuals")) var actuals: String
  @Option(help: ArgumentHelp("Targets CSV (unique_id,target[,probability,incentive]).", valueName: "file"))
  var targets: String
  @Option(help: ArgumentHelp("First day of the period (YYYY-MM-DD).", valueName: "date")) var from: String
  @Option(help: ArgumentHelp("Last day of the period (YYYY-MM-DD).", valueName: "date")) var to: String
  @Option(help: "Grade bands GRADE:MINIMUM,… from the highest (fractions).") var bands = "A:1.1,B:1.0,C:0.9,D:0.75"
  @Option(help: "Grade below the last band.") var otherwise = "E"
  @Option(help: "Payout curve: threshold=,at-threshold=,accelerator=,cap= (fractions).") var payout: String?
  @Option(help: "Target incentive per unit when the targets have no incentive column.") var incentive = 1.0
  @Option(help: "Difficulty strength k in [0, 2).") var difficulty = 1.0
  @Flag(help: "Simulate the distribution of the total incentive cost (needs --history).") var simulateCost = false
  @Option(help: ArgumentHelp("History series CSV for --simulate-cost.", valueName: "file")) var history: String?
  @Option(help: ArgumentHelp("Where to write the cost summary CSV (default: stderr).", valueName: "file"))
  var costOutput: String?
  @Option(help: "Sample paths for --simulate-cost.") var paths = 2000
  @Option(help: "Random seed.") var seed: UInt64 = 1
  @Option(help: "Market correlation ρ in [0, 1) between units.") var marketCorrelation: Double?

  @OptionGroup var input: InputOptions
  @OptionGroup var model: ModelOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if simulateCost && history == nil { throw ValidationError("--simulate-cost needs --history") }
    if paths < 1 { throw ValidationError("--paths must be at least 1") }
  }

  func run() throws {
    let start = try isoDate(from, option: "--from")
    let end = try isoDate(to, option: "--to")
    let grades = try parseBands()
    let curve = try parsePayout()
    let adjustment = try DifficultyAdjustment(strength: difficulty)
    let targetFile = try TargetFile.read(targets)
    let panel = try input.readPanel(actuals)
    let rows = try PlanWorkflow.evaluate(
      entries: targetFile.entries, actuals: panel, start: start, end: end, grades: grades, curve: curve,
      adjustment: adjustment, defaultIncentive: incentive)
    var table = ResultTable(header: [
      "unique_id", "target", "actual", "attainment", "grade", "probability", "score", "payout_fraction", "payout",
    ])
    for row in rows {
      let isTotal = row.id == PlanWorkflow.totalRowID
      table.append([
        .text(row.id), .number(row.target), .number(row.actual), .number(row.attainment), .text(row.grade),
        isTotal ? .text("") : cell(row.probability), isTotal ? .text("") : cell(row.score), .number(row.payoutFraction),
        .number(row.payout),
      ])
    }
    try output.write(table)
    if simulateCost, let history {
      try simulateIncentiveCost(entries: targetFile.entries, history: history, start: start, end: end, curve: curve)
    }
  }

  /// Fits on the history before `start`, simulates the period and summarises the cost.
  func simulateIncentiveCost(
    entries: [TargetFile.Entry], history: String, start: CalendarDate, end: CalendarDate, curve: PayoutCurve
  ) throws {
    let panel = try input.readPanel(history)
    let periods = try planPeriods(start: start, end: end, frequency: panel.frequency)
    let summary = try PlanWorkflow.incentiveCost(
      entries: entries, history: panel, start: start, periods: periods.count, model: model.settings(for: panel.frequency),
      paths: paths, seed: seed, rho: marketCorrelation, curve: curve, defaultIncentive: incentive,
      events: WorkflowEvents(fitWarnings: { reportWarnings($0) }))
    var costTable = ResultTable(header: ["statistic", "value"])
    for (name, value) in [
      ("mean", summary.mean), ("sd", summary.standardDeviation), ("p10", summary.p10), ("p50", summary.p50),
      ("p90", summary.p90), ("p95", summary.p95), ("on_target", summary.onTargetCost),
    ] {
      costTable.append([.text(name), .number(value)])
    }
    if let costOutput {
      try FileBytes.writeAtomically(costTable.csv(), to: costOutput)
    } else {
      writeStandardError(String(decoding: costTable.csv(), as: UTF8.self))
    }
  }

  func parseBands() throws -> GradeBands {
    var list: [(grade: String, minimum: Double)] = []
    for part in bands.split(separator: ",") {
      let kv = part.split(separator: ":")
      guard kv.count == 2, let v = Double(kv[1]) else {
        throw ValidationError("--bands expects GRADE:MINIMUM, got '\(part)'")
      }
      list.append((String(kv[0]), v))
    }
    return try GradeBands(list, otherwise: otherwise)
  }

  func parsePayout() throws -> PayoutCurve {
    var (t, pt, s, c) = (0.8, 0.5, 2.0, 2.0)
    for part in (payout ?? "").split(separator: ",") {
      let kv = part.split(separator: "=")
      guard kv.count == 2, let v = Double(kv[1]) else {
        throw ValidationError("--payout expects name=value, got '\(part)'")
      }
      switch kv[0] {
      case "threshold": t = v
      case "at-threshold": pt = v
      case "accelerator": s = v
      case "cap": c = v
      default: throw ValidationError("--payout: unknown '\(kv[0])' (threshold, at-threshold, accelerator, cap)")
      }
    }
    return try PayoutCurve(threshold: t, payoutAtThreshold: pt, acceleratorSlope: s, cap: c)
  }
}
