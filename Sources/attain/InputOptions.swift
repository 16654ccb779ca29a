import ArgumentParser
import Attain

extension Frequency: ExpressibleByArgument {
  /// Accepts the spellings of `Frequency(parsing:)` (`monthly`, `month`, `M`, …).
  public init?(argument: String) { self.init(parsing: argument) }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension GapFill: ExpressibleByArgument {}

/// Options shared by every command that reads a long-format series CSV
/// (`unique_id,ds,y` plus driver columns): header remapping, frequency, gap filling.
struct InputOptions: ParsableArguments {
  @Option(help: "Name of the series identifier column.")
  var idColumn = "unique_id"

  @Option(help: "Name of the period column (ISO date YYYY-MM-DD or positive integer index).")
  var dateColumn = "ds"

  @Option(help: "Name of the value column.")
  var valueColumn = "y"

  @Option(
    help: ArgumentHelp(
      "Frequency: daily, weekly, monthly, quarterly, yearly or index (default: inferred from the dates).",
      valueName: "frequency"))
  var frequency: Frequency?

  @Option(help: "Missing periods: none (an error) or zero (filled with 0).")
  var fill: GapFill = .none

  /// The library options these flags stand for.
  var readOptions: SeriesReadOptions {
    SeriesReadOptions(
      idColumn: idColumn, dateColumn: dateColumn, valueColumn: valueColumn, frequency: frequency, fill: fill)
  }

  /// Reads `path` (`-` for stdin) into a panel, printing the reader's warnings on stderr.
  func readPanel(_ path: String) throws -> Panel {
    let result = try SeriesCSV.read(path: path, options: readOptions)
    reportWarnings(result.warnings)
    return result.panel
  }
}
