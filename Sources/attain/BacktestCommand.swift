import ArgumentParser
import Attain

/// `attain backtest`: accuracy against actuals, from a test file or by rolling origin.
struct BacktestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "Evaluate forecast accuracy: against a test CSV of actuals, or by rolling origin on the history.",
    discussion: """
      Writes one row per series: unique_id,model,windows,mae,rmse,smape,mase,wape,bias, \
      coverage-<L>…,pinball-<L>… (sMAPE as in M3, percent; MASE scaled by the in-sample \
      seasonal-naive MAE; coverage in percent). The mean over series is printed on stderr, or \
      written instead of the per-series rows with --summary.

      Examples:
        attain backtest datasets/m3/m3-train.csv --test datasets/m3/m3-test.csv \\
          --model theta
        attain backtest sales.csv --windows 3 --horizon 6 --step 3
      """)

  @Argument(help: ArgumentHelp("History CSV (unique_id,ds,y), or - for stdin.", valueName: "file"))
  var file: String

  @Option(help: ArgumentHelp("Actuals CSV continuing the history; horizon = its length per series.", valueName: "file"))
  var test: String?

  @Option(help: "Rolling-origin windows on the history (ignored with --test).")
  var windows = 1

  @Option(help: "Periods between rolling origins (default: the horizon).")
  var step: Int?

  @Flag(help: "Write only the mean over series (one row, unique_id 'all').")
  var summary = false

  @OptionGroup var input: InputOptions
  @OptionGroup var model: ModelOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var progressOptions: ProgressOptions

  func validate() throws {
    if windows < 1 { throw ValidationError("--windows must be at least 1, got \(windows)") }
    if let step, step < 1 { throw ValidationError("--step must be at least 1, got \(step)") }
  }

  func run() throws {
    let panel = try input.readPanel(file)
    let levels = model.sortedLevels
    let rows: [AccuracyRow]
    if let test {
      let actuals = try input.readPanel(test)
      let evaluation = try PlanWorkflow.holdout(
        history: panel, actuals: actuals, actualsFile: test, model: model.settings(for: panel.frequency),
        lineOfSeries: { SeriesCSV.line(ofDataRow: actuals.offsets[$0], path: test) ?? actuals.offsets[$0] + 2 })
      reportWarnings(evaluation.warnings)
      rows = evaluation.rows
    } else {
      let settings = try model.settings(for: panel.frequency)
      let progress = progressOptions.progress("backtest", total: panel.count, unit: "series")
      let result = PlanWorkflow.backtest(panel, model: settings, windows: windows, step: step, progress: progress)
      reportWarnings(result.failures)
      rows = result.series.map {
        AccuracyRow(id: $0.id, model: result.method, windows: $0.windows.count, accuracy: $0.accuracy)
      }
    }
    let overall = AccuracyRow(
      id: "all", model: rows.first?.model ?? model.model, windows: rows.reduce(0) { $0 + $1.windows },
      accuracy: .average(rows.map(\.accuracy)))
    if summary {
      try output.write(AccuracyRow.table([overall], levels: levels))
    } else {
      try output.write(AccuracyRow.table(rows, levels: levels))
      let a = overall.accuracy
      writeStandardError(
        "summary: series=\(rows.count) smape=\(a.smape) mase=\(a.mase) "
          + zip(levels, a.coverage).map { "coverage-\(levelLabel($0))=\($1)" }.joined(separator: " ") + "\n")
    }
  }
}
