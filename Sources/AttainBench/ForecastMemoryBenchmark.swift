import AttainData
import AttainForecast
import AttainRandom
import Foundation

/// The task of `attain bench forecast-memory`: a large synthetic panel forecast by the streaming
/// or the batch path, timed, with the peak resident memory.
///
/// Series u = 0 … N−1 has T points yₜ = L·(1 + 0.2 sin(2πt/12)) + 0.1·L·zₜ with L = 100 + u mod 900
/// and z standard normal (xoshiro256++, seed, stream u); it is forecast H steps with 80/95 %
/// intervals.
public struct ForecastMemoryBenchmark: Sendable {
  /// Series N.
  public var series: Int
  /// Points T per series.
  public var length: Int
  /// The forecasting method.
  public var method: any ForecastingMethod
  /// Forecast horizon H.
  public var horizon: Int
  /// Season length passed to the method.
  public var seasonLength: Int
  /// True: `StreamingForecaster` (no fitted model kept per series); false: `BatchForecaster`.
  public var streaming: Bool
  /// The data seed.
  public var seed: UInt64
  /// Worker threads (nil: all cores).
  public var threads: Int?

  /// A task of `series` × `length` points forecast `horizon` steps by `method`.
  public init(
    series: Int, length: Int, method: any ForecastingMethod, horizon: Int, seasonLength: Int,
    streaming: Bool, seed: UInt64, threads: Int?
  ) {
    self.series = series
    self.length = length
    self.method = method
    self.horizon = horizon
    self.seasonLength = seasonLength
    self.streaming = streaming
    self.seed = seed
    self.threads = threads
  }

  /// What the task measured.
  public struct Outcome: Sendable {
    /// Seconds to build the panel.
    public var panelSeconds: Double
    /// Peak resident memory in MiB after building the panel (NaN without /proc).
    public var panelPeakMiB: Double
    /// Seconds of the forecast.
    public var forecastSeconds: Double
    /// Peak resident memory in MiB at the end (NaN without /proc).
    public var peakMiB: Double
    /// The mean of all point forecasts (printed so the work cannot be optimised away).
    public var meanForecast: Double
    /// Series that fell back to another model.
    public var warnings: Int
  }

  /// VmHWM (peak resident set) of this process in MiB, or nil when /proc is unavailable.
  public static func peakResidentMiB() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
      return kilobytes.map { $0 / 1024 }
    }
    return nil
  }

  /// Builds the panel, forecasts it and measures both.
  /// - Complexity: O(N × T) for the panel plus the method's fitting cost per series.
  public func run() -> Outcome {
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
    let panelSeconds = (clock.now - start).inSeconds
    let panelPeak = Self.peakResidentMiB() ?? .nan
    start = clock.now
    let batch = BatchForecaster(method: method, seasonLength: seasonLength, threads: threads)
    let result =
      streaming
      ? StreamingForecaster(batch).forecast(panel, horizon: horizon, levels: [80, 95])
      : batch.forecast(panel, horizon: horizon, levels: [80, 95])
    let forecastSeconds = (clock.now - start).inSeconds
    let peak = Self.peakResidentMiB() ?? .nan
    let meanOfMeans = result.mean.reduce(0, +) / Double(max(result.mean.count, 1))
    return Outcome(
      panelSeconds: panelSeconds, panelPeakMiB: panelPeak, forecastSeconds: forecastSeconds,
      peakMiB: peak, meanForecast: meanOfMeans, warnings: result.warnings.count)
  }
}
