import ArgumentParser
import Attain

@main
struct AttainCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "attain",
    abstract: "Sales targets that are challenging yet achievable: forecast, simulate, recommend, plan.",
    subcommands: [
      AggregateCommand.self, ForecastCommand.self, BacktestCommand.self, ExplainCommand.self, SimulateCommand.self, RecommendCommand.self, DecomposeCommand.self, TrackCommand.self, EvaluateCommand.self, ReportCommand.self, DemoCommand.self, BenchCommand.self,
    ])

  /// Runs the command line, reporting any error as one `error: ` line on stderr (see `ErrorReport`).
  static func main() async {
    // No command needs OpenBLAS's pool at start; its spinning workers would take CPU from ours.
    BLASThreads.releaseIdleWorkers()
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      ErrorReport.exit(with: error, command: self)
    }
  }
}
