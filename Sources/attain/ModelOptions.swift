import ArgumentParser
import Attain

/// Model options shared by `forecast`, `backtest`, `simulate`, `recommend` and `track`.
struct ModelOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Model: \(ModelCatalog.names.joined(separator: ", ")), regression (forecast only). Default auto.", valueName: "name"))
  var model = "auto"

  @Option(help: "Periods ahead (default: one season — 12 monthly, 4 quarterly, 52 weekly, 7 daily; 6 otherwise).")
  var horizon: Int?

  @Option(help: "Season length in periods (default from the frequency: monthly 12, quarterly 4, weekly 52, daily 7, else 1).")
  var seasonLength: Int?

  @Option(name: .customLong("level"), help: ArgumentHelp("Prediction-interval level in percent; repeat for several.", valueName: "percent"))
  var levels: [Double] = [80, 95]

  @Option(help: "Worker threads (default: all cores).")
  var threads: Int?

  func validate() throws {
    if ModelCatalog.method(named: model) == nil && !isRegression {
      if let problem = ModelCatalog.specificationProblem(in: model) {
        throw ValidationError("invalid --model '\(model)': \(problem)")
      }
      throw ValidationError("unknown --model '\(model)'; expected one of \(ModelCatalog.names.joined(separator: ", "))")
    }
    if let horizon, horizon < 1 { throw ValidationError("--horizon must be a positive number of periods, got \(horizon)") }
    // Upper bounds keep size arithmetic (series × horizon, season × periods) far from overflow.
    if let horizon, horizon > Self.maximumPeriods {
      throw ValidationError("--horizon must be at most \(Self.maximumPeriods) periods, got \(horizon)")
    }
    if let seasonLength, seasonLength < 1 { throw ValidationError("--season-length must be at least 1, got \(seasonLength)") }
    if let seasonLength, seasonLength > Self.maximumPeriods {
      throw ValidationError("--season-length must be at most \(Self.maximumPeriods), got \(seasonLength)")
    }
    for level in levels where !(level > 0 && level < 100) {
      throw ValidationError("--level must be between 0 and 100 (exclusive), got \(level)")
    }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
  }

  /// Whether `--model regression` (dynamic regression, supported by `forecast` only) was asked for.
  var isRegression: Bool { model.lowercased() == "regression" }

  /// The largest `--horizon` and `--season-length` accepted (ten years of daily periods and then some).
  static let maximumPeriods = 10_000

  /// Sorted, de-duplicated levels.
  var sortedLevels: [Double] { Array(Set(levels)).sorted() }

  /// The season length for `frequency` unless given.
  func seasonLength(for frequency: Frequency) -> Int { seasonLength ?? frequency.defaultSeasonLength }

  /// The horizon unless given (see `ModelSettings.defaultHorizon`).
  func horizon(for frequency: Frequency) -> Int { horizon ?? ModelSettings.defaultHorizon(for: frequency) }

  /// The workflow settings these options stand for, for series of `frequency`.
  /// - Throws: `ValidationError` for `--model regression` (forecast only) or an unknown name.
  func settings(for frequency: Frequency) throws -> ModelSettings {
    guard let method = ModelCatalog.method(named: model) else {
      if isRegression { throw ValidationError("--model regression needs future drivers and is supported by forecast only") }
      throw ValidationError("unknown --model '\(model)'")
    }
    return ModelSettings(
      method: method, frequency: frequency, horizon: horizon, seasonLength: seasonLength, levels: levels,
      threads: threads)
  }

  /// The method named by `--model`; `auto` gets interval calibration estimated on `panel`
  /// (rolling origin inside the input history, never on future data).
  func method(for panel: Panel) throws -> any ForecastingMethod {
    try settings(for: panel.frequency).calibratedMethod(on: panel)
  }

  /// A batch forecaster for `panel` with the default fallbacks.
  func batchForecaster(for panel: Panel) throws -> BatchForecaster {
    let settings = try settings(for: panel.frequency)
    return settings.batchForecaster(method: settings.calibratedMethod(on: panel))
  }
}

extension OutputOptions {
  /// Writes `table` as JSON when the output file ends in `.json`, CSV otherwise.
  func write(_ table: ResultTable) throws {
    try write(wantsJSON ? table.json() : table.csv())
  }
}

/// Prints the batch's fallback warnings on stderr.
func reportWarnings(_ warnings: [BatchWarning]) {
  reportWarnings(warnings.map(\.description))
}
