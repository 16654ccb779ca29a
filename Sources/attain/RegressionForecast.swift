import ArgumentParser
import Attain

extension EventEncoding: ExpressibleByArgument {}

/// Regressor options shared by `forecast --model regression` and `explain`: driver columns of
/// the input, calendar events, trend, log-log.
struct RegressionTermOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Comma-separated driver columns of the input (e.g. price,promo).", valueName: "names"))
  var drivers: String = ""

  @Option(
    help: ArgumentHelp(
      "Events CSV 'date,event' (one row per event day, e.g. 2016-11-25,black_friday): one regressor per event name.",
      valueName: "file"))
  var events: String?

  @Option(help: "Event regressor per period: count (number of event days) or indicator (0/1).")
  var eventEncoding: EventEncoding = .count

  @Flag(help: "Add a linear trend term.")
  var trend = false

  @Flag(help: "Regress log y on log drivers: driver coefficients are elasticities (all values must be > 0).")
  var logLog = false

  /// The driver names, in the order given.
  var driverNames: [String] {
    drivers.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
  }

  /// Checks that every driver is a numeric column of the input, else the error
  /// `FILE:1:1: missing column 'x' (header has: …)`.
  func checkDrivers(in panel: Panel, file: String, input: InputOptions) throws {
    for name in driverNames where !panel.driverNames.contains(name) {
      let header = [input.idColumn, input.dateColumn, input.valueColumn] + panel.driverNames
      throw DataError(
        file: FileBytes.displayName(file), line: 1, column: 1, reason: .missingColumn(name: name, header: header))
    }
  }

  /// The dynamic regression these options describe, with `seasonLength` dummies.
  func specification(seasonLength: Int) throws -> DynamicRegression {
    DynamicRegression(
      includesTrend: trend, seasonLength: seasonLength, events: try events.map { try EventCalendar.read(path: $0) },
      eventEncoding: eventEncoding, logLog: logLog)
  }
}

/// Options of `forecast --model regression`.
struct RegressionForecastOptions: ParsableArguments {
  @OptionGroup(title: "Regression (--model regression)") var terms: RegressionTermOptions

  @Option(
    help: ArgumentHelp(
      "Future drivers CSV unique_id,ds,<drivers> with the next periods of every series (--model regression).",
      valueName: "file"))
  var future: String?
}

extension ForecastCommand {
  /// Regression options without `--model regression` are a usage error, not silently ignored.
  func validate() throws {
    let terms = regression.terms
    if !model.isRegression && (!terms.driverNames.isEmpty || regression.future != nil || terms.events != nil) {
      throw ValidationError("--drivers, --future and --events need --model regression")
    }
  }

  /// `--model regression`: dynamic regression on the drivers with ETS errors, forecasting with
  /// the future drivers file.
  func runRegression(_ panel: Panel) throws {
    let terms = regression.terms
    try terms.checkDrivers(in: panel, file: file, input: input)
    let names = terms.driverNames
    var horizon = model.horizon ?? model.horizon(for: panel.frequency)
    var future = [[String: [Double]]](repeating: [:], count: panel.count)
    if let path = regression.future {
      let read = try FutureDriverTable.read(
        path: path, panel: panel, driverNames: names, horizon: model.horizon, idColumn: input.idColumn,
        dateColumn: input.dateColumn)
      horizon = read.horizon
      future = read.values
    } else if !names.isEmpty {
      throw ValidationError("--model regression with --drivers needs --future FILE with the drivers' future values")
    }
    let method = try terms.specification(seasonLength: model.seasonLength(for: panel.frequency))
    let result = try method.forecast(
      panel, driverNames: names, futureDrivers: future, horizon: horizon, levels: model.sortedLevels,
      threads: model.threads)
    reportWarnings(result.warnings)
    try output.write(result.forecast.table(continuing: panel, name: method.name))
  }
}
