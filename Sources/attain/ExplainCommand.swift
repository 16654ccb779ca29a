import ArgumentParser
import Attain

/// `attain explain`: the coefficient table of a regression of each series on its drivers.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Regress each series on drivers and calendar terms and write the coefficient table.",
    discussion: """
      Output: unique_id,term,estimate,std_error,t,p_value,elasticity, one row per series and term. \
      Terms: (Intercept), trend (--trend), season2…season<m> (dummies, m = --season-length; the \
      series' first period is season 1), each driver, each event of --events. p_value is two-sided \
      (Student t). elasticity (drivers only, empty otherwise) is the % change of y per 1 % change \
      of the driver: the coefficient itself with --log-log, otherwise estimate × mean(x) / mean(y) \
      over the history (the elasticity at the means). Standard errors and p-values assume \
      uncorrelated errors, as R's lm/tslm: with autocorrelated residuals they are too small, so \
      read p-values near 0.05 with caution (forecast --model regression models that \
      autocorrelation with ETS).

      Fit summary per series on stderr, one line each:
        summary: ID: n=48 r2=… adj_r2=… sigma=… aic=…
      (sigma is the residual standard error, aic as R's AIC(lm)), followed by warnings such as \
      nearly collinear drivers. A series whose regressors are collinear is an error naming them.

      Example:
        attain explain sales.csv --drivers Discount --events events.csv \\
          --season-length 1 --trend
      """)

  @Argument(help: ArgumentHelp("Series CSV (unique_id,ds,y plus driver columns), or - for stdin.", valueName: "file"))
  var file: String

  @OptionGroup var input: InputOptions
  @OptionGroup var terms: RegressionTermOptions

  @Option(help: "Season length for seasonal dummies (default from the frequency: monthly 12, quarterly 4, …; 1 = none).")
  var seasonLength: Int?

  @Option(help: ArgumentHelp("Only the series with this unique_id.", valueName: "id"))
  var id: String?

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if let seasonLength, seasonLength < 1 { throw ValidationError("--season-length must be at least 1, got \(seasonLength)") }
  }

  func run() throws {
    let panel = try input.readPanel(file)
    try terms.checkDrivers(in: panel, file: file, input: input)
    var only: [Int]? = nil
    if let id {
      guard let i = panel.index(of: id) else {
        throw DataError(file: FileBytes.displayName(file), line: 0, column: 0, reason: .unknownID(id))
      }
      only = [i]
    }
    let method = try terms.specification(seasonLength: seasonLength ?? panel.frequency.defaultSeasonLength)
    let result = try method.explain(panel, driverNames: terms.driverNames, only: only)
    for summary in result.summaries {
      writeStandardError("summary: \(summary)\n")
      reportWarnings(summary.warnings.map { "series \(summary.id): \($0)" })
    }
    try output.write(result.table)
  }
}
