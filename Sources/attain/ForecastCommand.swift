import ArgumentParser
import Attain

/// `attain forecast`: fit a model to every series and write point forecasts and intervals.
struct ForecastCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forecast",
    abstract: "Fit a model to every series and write forecasts with prediction intervals.",
    discussion: """
      Output (statsforecast convention): unique_id, ds, <Model>, <Model>-lo-<L>…, <Model>-hi-<L>… \
      with ds continuing each series. Series too short for the model fall back to a simpler \
      one with a warning on stderr.

      Example:
        attain forecast datasets/m3/m3-train.csv --model ets --horizon 18 \\
          --season-length 12 --level 80 --level 95 --output forecasts.csv

      --model regression: dynamic regression on driver columns of the input (--drivers) with \
      seasonal dummies, optional --trend and --events, and ETS errors; the future drivers come \
      from --future FILE (unique_id,ds,<drivers> for the next periods of every series; the \
      horizon is its number of rows per series unless --horizon is given).

        attain forecast sales.csv --model regression --drivers price,promo \\
          --future future.csv
      """)

  @Argument(help: ArgumentHelp("Series CSV (unique_id,ds,y), or - for stdin.", valueName: "file"))
  var file: String

  @OptionGroup var input: InputOptions
  @OptionGroup var model: ModelOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var progressOptions: ProgressOptions
  @OptionGroup var regression: RegressionForecastOptions

  func run() throws {
    let panel = try input.readPanel(file)
    if model.isRegression { return try runRegression(panel) }
    let settings = try model.settings(for: panel.frequency)
    let progress = progressOptions.progress("forecast", total: panel.count, unit: "series")
    let outcome = PlanWorkflow.forecast(panel, model: settings, progress: progress)
    reportWarnings(outcome.forecast.warnings)
    try output.write(outcome.forecast.table(continuing: panel, name: outcome.methodName))
  }
}
