import ArgumentParser
import Attain
import Foundation

/// `attain bench forecast-memory`: time and peak memory of forecasting a large synthetic panel.
struct BenchForecastMemory: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forecast-memory",
    abstract: "Forecast a large synthetic panel; print the time and the peak resident memory.",
    discussion: """
      Series u = 0…N-1 has T monthly points y_t = L·(1 + 0.2 sin(2πt/12)) + 0.1·L·z_t with \
      L = 100 + u mod 900 and z standard normal (xoshiro256++, seed, stream u). The panel is \
      forecast H steps with 80/95% intervals by --path streaming (StreamingForecaster: no \
      fitted model kept per series) or batch (BatchForecaster: all models fitted, then \
      forecast). Peak RSS is VmHWM of /proc/self/status, after building the panel and at the end.
      Example: attain bench forecast-memory --series 1000000 --length 60 --model theta
      """)

  @Option(help: "Series N.") var series = 1_000_000
  @Option(help: "Points T per series.") var length = 60
  @Option(help: "Model name (see attain forecast --help).") var model = "theta"
  @Option(help: "Forecast horizon H.") var horizon = 12
  @Option(help: "Season length.") var seasonLength = 12
  @Option(help: "streaming or batch.") var path = "streaming"
  @Option(help: "Random seed.") var seed: UInt64 = 1
  @Option(help: "Worker threads (default: all cores).") var threads: Int?

  func validate() throws {
    guard series >= 1, length >= 1, horizon >= 1, seasonLength >= 1 else {
      throw ValidationError("--series, --length, --horizon and --season-length must be at least 1")
    }
    guard ["streaming", "batch"].contains(path) else {
      throw ValidationError("--path must be streaming or batch, got '\(path)'")
    }
    guard ModelCatalog.method(named: model) != nil else { throw ValidationError("unknown --model '\(model)'") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
  }

  /// VmHWM (peak resident set) of this process in MiB, or nil when /proc is unavailable.
  static func peakResidentMiB() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
      return kilobytes.map { $0 / 1024 }
    }
    return nil
  }

  func run() throws {
    guard let method = ModelCatalog.method(named: model) else { throw ValidationError("unknown --model '\(model)'") }
    let clock = ContinuousClock()
    var start = clock.now
    var values = [Double](repeating: 0, count: series * length)
    var ids = [String]()
    ids.reserveCapacity(series)
    let seasonal = (0..<12).map { 1 + 0.2 * sin(2 * Double.pi * Double($0) / 12) }
    for u in 0..<series {
      var rng = Xoshiro256PlusPlus(seed: seed, stream: UInt64(u))
      let level = 100 + Double(u % 900)
      for t in 0..<length {
        values[u * length + t] = level * seasonal[t % 12] + 0.1 * level * rng.nextNormal()
      }
      ids.append("S\(u)")
    }
    let panel = Panel(
      ids: ids, offsets: (0...series).map { $0 * length }, values: values,
      starts: [PeriodStamp](repeating: .index(1), count: series), frequency: .index)
    values = []
    ids = []
    let buildSeconds = seconds(clock.now - start)
    let panelPeak = Self.peakResidentMiB() ?? .nan
    start = clock.now
    let batch = BatchForecaster(method: method, seasonLength: seasonLength, threads: threads)
    let result =
      path == "streaming"
      ? StreamingForecaster(batch).forecast(panel, horizon: horizon, levels: [80, 95])
      : batch.forecast(panel, horizon: horizon, levels: [80, 95])
    let forecastSeconds = seconds(clock.now - start)
    let peak = Self.peakResidentMiB() ?? .nan
    let meanOfMeans = result.mean.reduce(0, +) / Double(max(result.mean.count, 1))
    print("series=\(series) length=\(length) horizon=\(horizon) model=\(method.name) path=\(path) seed=\(seed)")
    print("panel_seconds=\(buildSeconds) panel_peak_rss_mib=\(Int(panelPeak))")
    print("forecast_seconds=\(forecastSeconds) series_per_second=\(Double(series) / forecastSeconds)")
    print("mean_forecast=\(meanOfMeans) warnings=\(result.warnings.count)")
    print("peak_rss_mib=\(Int(peak))")
  }

  private func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }
}
