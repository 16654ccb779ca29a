import AttainData

/// The task of `attain bench read-csv`: a series CSV read from disk into a `Panel`, timed.
public struct ReadCSVBenchmark: Sendable {
  /// The series CSV (unique_id,ds,y).
  public var file: String
  /// How the file is read (column names, frequency, gap filling).
  public var options: SeriesReadOptions
  /// Timed repetitions; the best (shortest) counts, since slower runs only add machine noise.
  public var repeats: Int

  /// A task reading `file` with `options`, `repeats` times.
  public init(file: String, options: SeriesReadOptions, repeats: Int) {
    self.file = file
    self.options = options
    self.repeats = repeats
  }

  /// What the task measured.
  public struct Outcome: Sendable {
    /// Seconds of the fastest repetition (file read and parse included).
    public var seconds: Double
    /// Size of the file in bytes.
    public var bytes: Int
    /// Observations in the panel read.
    public var rows: Int
    /// Series in the panel read.
    public var series: Int
  }

  /// Reads the file `repeats` times and keeps the fastest time.
  /// - Complexity: O(repeats × file size).
  public func run() throws(DataError) -> Outcome {
    let clock = ContinuousClock()
    var best = Duration.seconds(1_000_000)
    var size = 0
    var panel = Panel(frequency: .index)
    for _ in 0..<repeats {
      let start = clock.now
      let bytes = try FileBytes.read(path: file)
      let result = try SeriesCSV.read(bytes: bytes, file: file, options: options)
      let elapsed = clock.now - start
      size = bytes.count
      panel = result.panel
      best = min(best, elapsed)
    }
    return Outcome(
      seconds: best.inSeconds, bytes: size, rows: panel.values.count, series: panel.count)
  }
}
