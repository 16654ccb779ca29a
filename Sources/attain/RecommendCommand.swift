import ArgumentParser
import Attain

/// `attain recommend`: targets reached with given probabilities, per series and group.
struct RecommendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recommend",
    abstract: "Recommend horizon-total targets reached with given probabilities (or score given targets).",
    discussion: """
      Fits the model to every series, calibrates the spread of the simulated horizon total by \
      rolling origin inside the input history (TotalCalibration: the PIT of each series' last-h \
      total within totals simulated from a fit without those points; --calibration-windows 0 \
      turns it off), simulates --paths futures and reads targets off the calibrated quantiles.

      Output without --targets: unique_id,probability,target — exactly one row per series and \
      probability (series in input order, probabilities in the given order), then one row per \
      group and probability when --group-map is given (a group's total on each path is the sum \
      of its series' totals, correlated through the market factor --rho).

      With --targets (CSV unique_id,target; ids are series or group names): \
      unique_id,target,attainment_probability,standard_error — one row per line of the targets \
      file; standard_error is the Monte Carlo standard error of the probability.

      The seed is printed on stderr (seed=S); the same seed gives byte-identical output for any \
      --threads.

      Example:
        attain recommend sales.csv --horizon 12 --probability 0.9,0.6,0.3 \\
          --seed 7 --paths 10000
      """)

  @Argument(help: ArgumentHelp("History CSV (unique_id,ds,y), or - for stdin.", valueName: "file"))
  var file: String

  @Option(help: ArgumentHelp("Attainment probabilities, comma-separated, each in (0, 1).", valueName: "p,…"))
  var probability = "0.9,0.6,0.3"

  @OptionGroup var input: InputOptions
  @OptionGroup var model: ModelOptions
  @OptionGroup var simulation: SimulateOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var progressOptions: ProgressOptions

  func validate() throws {
    _ = try parseProbabilities(probability, option: "--probability")
  }

  func run() throws {
    let probabilities = try parseProbabilities(probability, option: "--probability")
    let panel = try input.readPanel(file)
    let groups = try simulation.groups(for: panel)
    let targetRows = try simulation.targets(for: panel, groups: groups)
    let targets = Dictionary(targetRows.map { ($0.id, $0.target) }, uniquingKeysWith: { _, last in last })
    let outcome = try PlanWorkflow.recommend(
      panel, model: model.settings(for: panel.frequency), simulation: simulation.settings(groups: groups, targets: targets),
      probabilities: probabilities, progress: progressOptions.progress("fit", total: panel.count, unit: "series"),
      events: simulation.events)
    // How far the calibration moved the levels: the target at p = 0.9 is the simulated
    // q-quantile with q = G⁻¹(0.1) (0.1 without calibration).
    let c = outcome.calibration
    writeStandardError("calibration: windows=\(c.windows) simulated-level-for-p0.9=\(c.simulatedLevel(0.1))\n")
    writeStandardError("seed=\(simulation.seed)\n")
    try output.write(Self.table(outcome.result, probabilities: probabilities, targets: targetRows))
  }

  /// The output table (see the discussion above).
  static func table(
    _ result: SimulationResult, probabilities: [Double], targets: [(id: String, target: Double)]
  ) -> ResultTable {
    var totals: [(String, TotalSummary)] = result.units.map { ($0.id, $0.total) }
    totals += result.groups.map { ($0.group, $0.total) }
    if targets.isEmpty {
      var table = ResultTable(header: ["unique_id", "probability", "target"])
      for (id, total) in totals {
        for pair in total.targetsAtProbability {
          table.append([.text(id), .number(pair.level), .number(pair.value)])
        }
      }
      return table
    }
    let byID = Dictionary(totals, uniquingKeysWith: { first, _ in first })
    var table = ResultTable(header: ["unique_id", "target", "attainment_probability", "standard_error"])
    for row in targets {
      guard let attainment = byID[row.id]?.attainment else { continue }
      table.append([
        .text(row.id), .number(row.target), .number(attainment.probability), .number(attainment.standardError),
      ])
    }
    return table
  }
}
