import ArgumentParser
import Attain
import AttainBench

/// `attain bench <task>`: fixed benchmark tasks run through the real engines, timed in process.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time fixed tasks through the real engines (in process, best of N).",
    subcommands: [
      BenchMonteCarlo.self, BenchNormals.self, BenchReadCSV.self, BenchLeastSquares.self,
      BenchBatchLeastSquares.self,
      BenchForecastMemory.self,
      BenchTracking.self,
    ])
}

/// `attain bench read-csv FILE`: reads a long-format CSV into a Panel N times.
struct BenchReadCSV: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read-csv",
    abstract: "Read a series CSV into a Panel N times; print the best time and throughput.")

  @Argument(help: ArgumentHelp("Series CSV file (unique_id,ds,y).", valueName: "file"))
  var file: String

  @Option(help: "Number of timed repetitions (best is reported).")
  var repeats = 20

  @OptionGroup var input: InputOptions

  func validate() throws {
    if repeats < 1 { throw ValidationError("--repeats must be at least 1") }
  }

  func run() throws {
    let outcome = try ReadCSVBenchmark(file: file, options: input.readOptions, repeats: repeats)
      .run()
    let megabytes = Double(outcome.bytes) / 1e6
    writeStandardOutput(
      Array(
        """
        seconds=\(outcome.seconds)
        mb_per_s=\(megabytes / outcome.seconds)
        bytes=\(outcome.bytes) rows=\(outcome.rows) series=\(outcome.series)

        """.utf8))
  }
}
