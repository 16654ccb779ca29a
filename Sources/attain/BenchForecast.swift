import ArgumentParser
import Attain
import AttainBench

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

      Example:
        attain bench forecast-memory --series 1000000 --length 60 --model theta
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
    guard ModelCatalog.method(named: model) != nil else {
      throw ValidationError("unknown --model '\(model)'")
    }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
  }

  func run() throws {
    guard let method = ModelCatalog.method(named: model) else {
      throw ValidationError("unknown --model '\(model)'")
    }
    let outcome = ForecastMemoryBenchmark(
      series: series, length: length, method: method, horizon: horizon, seasonLength: seasonLength,
      streaming: path == "streaming", seed: seed, threads: threads
    ).run()
    print(
      "series=\(series) length=\(length) horizon=\(horizon) model=\(method.name) path=\(path) seed=\(seed)"
    )
    print("panel_seconds=\(outcome.panelSeconds) panel_peak_rss_mib=\(Int(outcome.panelPeakMiB))")
    print(
      "forecast_seconds=\(outcome.forecastSeconds) series_per_second=\(Double(series) / outcome.forecastSeconds)"
    )
    print("mean_forecast=\(outcome.meanForecast) warnings=\(outcome.warnings)")
    print("peak_rss_mib=\(Int(outcome.peakMiB))")
  }
}
