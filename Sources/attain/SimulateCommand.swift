import ArgumentParser
import Attain
import Foundation

/// `attain simulate`: quantiles of every series' and group's horizon total.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Simulate futures and write quantiles of each series' and group's horizon total.",
    discussion: """
      Output: unique_id, mean, p10, p50, p90 [, target, attainment_probability, standard_error] — one \
      row per series, then one per group (--group-map). Quantiles are calibrated on the history \
      (see `attain recommend --help`); the mean is the simulated paths' mean. With --targets the \
      target columns are filled for ids in the targets file (empty otherwise).

      With --scenarios F.json (see the AttainSimulation guide), one row per scenario and id: \
      scenario, unique_id, mean, p10, p50, p90, target, attainment_probability, standard_error, where \
      the target is the --targets value or, without one, the id's baseline P50 (so the column \
      reads "chance to beat the baseline median"); the group rows are the --group-map groups, or \
      without a map one group "total" of all series (the company total).

      Then, per scenario, \
      rows for each of its adjustments alone, group rows only (scenario "<name>/<adjustment>": \
      growth, price, promotions, headcount, shocks): the one-at-a-time (tornado) sensitivity. \
      The baseline comes first; every scenario uses the same random numbers.
      """)

  @Argument(help: ArgumentHelp("History CSV (unique_id,ds,y), or - for stdin.", valueName: "file"))
  var file: String

  @Option(help: ArgumentHelp("Scenario JSON file ({\"scenarios\": [...]}).", valueName: "file"))
  var scenarios: String?

  @OptionGroup var input: InputOptions
  @OptionGroup var model: ModelOptions
  @OptionGroup var simulation: SimulateOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var progressOptions: ProgressOptions

  func run() throws {
    let panel = try input.readPanel(file)
    let groups = try simulation.groups(for: panel)
    let targetRows = try simulation.targets(for: panel, groups: groups)
    let targets = Dictionary(targetRows.map { ($0.id, $0.target) }, uniquingKeysWith: { _, last in last })
    // Read and check the scenario file before any simulation (errors located at the bad value).
    let file = try scenarios.map { path throws(DataError) in
      try ScenarioFile.read(path: path, horizon: model.horizon(for: panel.frequency))
    }
    let settings = try model.settings(for: panel.frequency)
    let simulationSettings = simulation.settings(groups: groups, targets: targets)
    let progress = progressOptions.progress("fit", total: panel.count, unit: "series")
    guard let file else {
      let outcome = try PlanWorkflow.simulate(
        panel, model: settings, simulation: simulationSettings, progress: progress, events: simulation.events)
      writeStandardError("seed=\(simulation.seed)\n")
      try output.write(Self.table(outcome.result, scenario: nil, targets: targets))
      return
    }
    let outcome = try PlanWorkflow.simulate(
      panel, model: settings, simulation: simulationSettings, scenarios: file.scenarios, progress: progress,
      events: simulation.events)
    var table = Self.header(scenario: true, targets: !outcome.targets.isEmpty)
    for run in outcome.runs {
      let rows = Self.table(run.result, scenario: run.name, targets: outcome.targets).rows
      // Adjustment-alone runs: only the group (company) rows, the tornado table.
      table.rows += run.groupsOnly ? Array(rows.suffix(run.result.groups.count)) : rows
    }
    writeStandardError("seed=\(simulation.seed)\n")
    try output.write(table)
  }

  static func header(scenario: Bool, targets: Bool) -> ResultTable {
    ResultTable(
      header: (scenario ? ["scenario"] : []) + ["unique_id", "mean", "p10", "p50", "p90"]
        + (targets ? ["target", "attainment_probability", "standard_error"] : []))
  }

  /// Rows for every unit then group of `result`.
  static func table(_ result: SimulationResult, scenario: String?, targets: [String: Double]) -> ResultTable {
    var table = header(scenario: scenario != nil, targets: !targets.isEmpty)
    var totals: [(String, TotalSummary)] = result.units.map { ($0.id, $0.total) }
    totals += result.groups.map { ($0.group, $0.total) }
    for (id, total) in totals {
      var row: [ResultTable.Cell] = scenario.map { [.text($0)] } ?? []
      row += [.text(id), .number(total.mean)] + total.quantiles.map { .number($0.value) }
      if !targets.isEmpty {
        if let a = total.attainment {
          row += [.number(a.target), .number(a.probability), .number(a.standardError)]
        } else {
          row += [.text(""), .text(""), .text("")]
        }
      }
      table.append(row)
    }
    return table
  }
}
