import ArgumentParser

/// `attain bench <task>`: fixed benchmark tasks run through the real engines. Each task prints
/// diagnostics and ends with a line `seconds=<wall-clock seconds of the timed part>`.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Run a fixed benchmark task through the real engines.",
    subcommands: [BenchLeastSquares.self, BenchBatchLeastSquares.self])
}
