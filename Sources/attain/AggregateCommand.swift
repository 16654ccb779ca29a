import ArgumentParser
import Attain

extension DateFormat: ExpressibleByArgument {
  /// Parses a pattern such as `M/D/YYYY` or `YYYY-MM-DD`.
  public init?(argument: String) { self.init(argument) }
}

/// `attain aggregate`: transactions → one sales series per group and period.
struct AggregateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "aggregate",
    abstract: "Sum transactions per group and period into long-format series (unique_id,ds,y).",
    discussion: """
      Each distinct combination of the --group-by columns becomes a series whose unique_id is the values joined by '/' (e.g. West/Technology). Every series spans the same periods, from the first to the last period with any transaction; periods without transactions are 0. ds is the first day of the period (weeks are ISO weeks starting on Monday).

      Example:
        attain aggregate orders.csv --date-column "Order Date" \\
          --date-format M/D/YYYY --group-by Region,Category \\
          --value-column Sales --frequency monthly --output sales.csv
      """)

  @Argument(help: ArgumentHelp("Transactions CSV file, or - for stdin.", valueName: "file"))
  var file: String

  @Option(help: "Column holding the transaction date.")
  var dateColumn: String

  @Option(help: "Pattern of the dates: M/D/YYYY, D/M/YYYY, YYYY-MM-DD, DD.MM.YYYY, ...")
  var dateFormat: DateFormat = .iso

  @Option(help: "Comma-separated columns identifying a series (none: one series named total).")
  var groupBy: String = ""

  @Option(help: "Column to sum.")
  var valueColumn: String

  @Option(help: ArgumentHelp("Period: daily, weekly, monthly, quarterly or yearly.", valueName: "frequency"))
  var frequency: Frequency = .monthly

  @Option(name: .customLong("mean-column"), help: ArgumentHelp("Comma-separated columns averaged per group and period into driver columns (e.g. Discount); 0 in periods without transactions.", valueName: "names"))
  var meanColumns: String = ""

  @Option(name: .customLong("sum-column"), help: ArgumentHelp("Comma-separated columns summed per group and period into driver columns (e.g. Quantity).", valueName: "names"))
  var sumColumns: String = ""

  @OptionGroup var output: OutputOptions

  /// The driver columns asked for: the means, then the sums.
  var driverColumns: [DriverColumn] {
    func names(_ list: String) -> [String] {
      list.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
    return names(meanColumns).map { DriverColumn(column: $0, statistic: .mean) }
      + names(sumColumns).map { DriverColumn(column: $0, statistic: .sum) }
  }

  var groupColumns: [String] {
    groupBy.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
  }

  func validate() throws {
    if frequency == .index {
      throw ValidationError("--frequency index has no calendar; use daily, weekly, monthly, quarterly or yearly")
    }
  }

  func run() throws {
    let options = AggregationOptions(
      groupBy: groupColumns, dateColumn: dateColumn, dateFormat: dateFormat, valueColumn: valueColumn,
      frequency: frequency)
    let result = try TransactionAggregation.aggregate(path: file, options: options, drivers: driverColumns)
    reportWarnings(result.warnings)
    try output.write(SeriesCSV.write(result.panel))
  }
}

extension Substring {
  /// The text without leading and trailing spaces.
  func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
