import ArgumentParser
import Attain

/// `attain bench <task>`: fixed benchmark tasks run through the real engines, timed in process.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time fixed tasks through the real engines (in process, best of N).",
    subcommands: [
      BenchMonteCarlo.self, BenchNormals.self, BenchReadCSV.self, BenchLeastSquares.self, BenchBatchLeastSquares.self,
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
    let clock = ContinuousClock()
    var best = Duration.seconds(1_000_000)
    var size = 0
    var panel = Panel(frequency: .index)
    for _ in 0..<repeats {
      let start = clock.now
      let bytes = try FileBytes.read(path: file)
      let result = try SeriesCSV.read(bytes: bytes, file: file, options: input.readOptions)
      let elapsed = clock.now - start
      size = bytes.count
      panel = result.panel
      best = min(best, elapsed)
    }
    let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18
    let megabytes = Double(size) / 1e6
    writeStandardOutput(
      Array(
        """
        seconds=\(seconds)
        mb_per_s=\(megabytes / seconds)
        bytes=\(size) rows=\(panel.values.count) series=\(panel.count)

        """.utf8))
  }
}
