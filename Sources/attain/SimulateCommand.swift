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
    var groups = try simulation.groups(for: panel)
    let targetRows = try simulation.targets(for: panel, groups: groups)
    var targets = Dictionary(targetRows.map { ($0.id, $0.target) }, uniquingKeysWith: { _, last in last })
    // Read and check the scenario file before any simulation (errors located at the bad value).
    let file = try scenarios.map { path throws(DataError) in
      try ScenarioFile.read(path: path, horizon: model.horizon(for: panel.frequency))
    }
    let forecaster = try model.batchForecaster(for: panel)
    var plan = SimulationPlan(
      paths: simulation.paths, horizon: model.horizon(for: panel.frequency), seed: simulation.seed,
      quantileLevels: [0.1, 0.5, 0.9], attainmentProbabilities: [])
    // The models are fitted once (with a progress line), for ρ and the simulation.
    let fitted = SeriesChunks.fit(
      panel, with: forecaster, progress: progressOptions.progress("fit", total: panel.count, unit: "series"))
    if simulation.rho == "estimate" {
      plan.marketCorrelation = try simulation.marketCorrelation(fit: fitted)
    } else if let rho = simulation.rho {
      plan.marketCorrelation = Double(rho)
    }
    let recommendation = AttainmentRecommendation(
      plan: plan, calibrationWindows: simulation.calibrationWindows,
      calibrationPaths: simulation.calibrationPaths, symmetricCalibration: !simulation.calibrateLocation)
    guard let file else {
      let outcome = try recommendation.run(
        panel: panel, forecaster: forecaster, groups: groups, targets: targets, groupTargets: targets, fitted: fitted)
      reportWarnings(outcome.warnings)
      writeStandardError("seed=\(simulation.seed)\n")
    try output.write(Self.table(outcome.result, scenario: nil, targets: targets))
      return
    }
    // Without a group map, the company total: every series in one group "total".
    if groups.isEmpty { for id in panel.ids { groups[id] = "total" } }
    let baseline = try recommendation.run(
      panel: panel, forecaster: forecaster, groups: groups, targets: targets, groupTargets: targets, fitted: fitted)
    reportWarnings(baseline.warnings)
    for unit in baseline.result.units where targets[unit.id] == nil {
      targets[unit.id] = unit.total.quantiles[1].value
    }
    for group in baseline.result.groups where targets[group.group] == nil {
      targets[group.group] = group.total.quantiles[1].value
    }
    let reference = try recommendation.run(
      panel: panel, forecaster: forecaster, groups: groups, targets: targets, groupTargets: targets,
      calibration: baseline.calibration, fitted: baseline.fit)
    var table = Self.table(reference.result, scenario: "baseline", targets: targets)
    for scenario in file.scenarios {
      var runs = [(scenario.name, scenario)]
      runs += scenario.separateAdjustments.map { ("\(scenario.name)/\($0.name)", $0.scenario) }
      for (k, (name, variant)) in runs.enumerated() {
        let outcome = try recommendation.run(
          panel: panel, forecaster: forecaster, groups: groups, targets: targets, groupTargets: targets,
          scenario: variant, calibration: baseline.calibration, fitted: baseline.fit)
        let rows = Self.table(outcome.result, scenario: name, targets: targets).rows
        // Adjustment-alone runs: only the group (company) rows, the tornado table.
        table.rows += k == 0 ? rows : Array(rows.suffix(outcome.result.groups.count))
      }
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
