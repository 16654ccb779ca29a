import AttainData
import AttainForecast
import AttainPlanning
import AttainRandom
import AttainSimulation
import Foundation

/// The task of `attain bench tracking`: conditional P(attain) for N units through
/// `ConditionalTracking`, and the cost of refitting their models.
///
/// Unit u = 0 … N−1 has a lognormal seasonal model (level L = 100 + u mod 900, month factors
/// 1 + 0.3 sin(2πm/12), σ = 0.2), actual to date 6L and target 6L + the expected remaining total.
/// The refit fits the method on `refitUnits` synthetic monthly series of 42 months.
public struct TrackingBenchmark: Sendable {
  /// Units N.
  public var units: Int
  /// Sample paths P per unit.
  public var paths: Int
  /// Remaining periods H.
  public var remaining: Int
  /// The seed of the simulation and of the refit data.
  public var seed: UInt64
  /// Timed repetitions of the simulation; the best counts.
  public var repeats: Int
  /// Series refitted for the refit timing (0: no refit).
  public var refitUnits: Int
  /// The method refitted.
  public var method: any ForecastingMethod
  /// Worker threads (nil: all cores).
  public var threads: Int?

  /// A task of `units` × `paths` × `remaining`, refitting `method` on `refitUnits` series.
  public init(
    units: Int, paths: Int, remaining: Int, seed: UInt64, repeats: Int, refitUnits: Int,
    method: any ForecastingMethod, threads: Int?
  ) {
    self.units = units
    self.paths = paths
    self.remaining = remaining
    self.seed = seed
    self.repeats = repeats
    self.refitUnits = refitUnits
    self.method = method
    self.threads = threads
  }

  /// The refit timing.
  public struct Refit: Sendable {
    /// Series with a fitted model.
    public var fitted: Int
    /// Wall-clock seconds of the refit.
    public var seconds: Double
    /// CPU seconds of the refit, summed over threads.
    public var cpuSeconds: Double
  }

  /// What the task measured.
  public struct Outcome: Sendable {
    /// Wall-clock seconds of the fastest simulation.
    public var seconds: Double
    /// CPU seconds of the fastest simulation, summed over threads.
    public var cpuSeconds: Double
    /// The mean over units of P(attain).
    public var meanProbability: Double
    /// The first unit's outlook, for inspection.
    public var firstUnit: ConditionalOutlook?
    /// The refit timing (nil when `refitUnits` is 0).
    public var refit: Refit?
  }

  /// Runs the simulation `repeats` times, then the refit.
  public func run() throws -> Outcome {
    let seasonal: [Double] = (0..<12).map { (m: Int) -> Double in
      1 + 0.3 * sin(2 * Double.pi * Double(m + 1) / 12)
    }
    let tracked = (0..<units).map { u -> ConditionalUnit in
      let level = Double(100 + u % 900)
      let rest = Array(seasonal[6...] + seasonal[..<6])
      let expected = level * (0..<remaining).reduce(0.0) { $0 + rest[$1 % 12] }
      return ConditionalUnit(
        id: "u\(u)", sampler: LognormalSeasonalSampler(level: level, seasonal: rest, sigma: 0.2),
        actualToDate: 6 * level, target: 6 * level + expected, originalProbability: 0.6)
    }
    let clock = ContinuousClock()
    var best = Duration.seconds(1_000_000)
    var bestCPU = Double.infinity
    var meanP = 0.0
    var first: ConditionalOutlook?
    for _ in 0..<repeats {
      let t0 = clock.now
      let c0 = processCPUSeconds()
      let outlook = try ConditionalTracking.outlook(
        units: tracked, remaining: remaining, paths: paths, seed: seed, threads: threads)
      best = min(best, clock.now - t0)
      bestCPU = min(bestCPU, processCPUSeconds() - c0)
      meanP = outlook.units.reduce(0) { $0 + $1.probability } / Double(units)
      first = outlook.units.first
    }
    var outcome = Outcome(
      seconds: best.inSeconds, cpuSeconds: bestCPU, meanProbability: meanP, firstUnit: first,
      refit: nil)
    guard refitUnits > 0, let start = CalendarDate(year: 2014, month: 1, day: 1) else {
      return outcome
    }
    var panel = Panel(frequency: .monthly)
    var rng = Xoshiro256PlusPlus(seed: seed, stream: 99)
    for u in 0..<refitUnits {
      let level = Double(100 + u % 900)
      let values = (0..<42).map { t in level * seasonal[t % 12] * exp(0.2 * rng.nextNormal() - 0.02)
      }
      panel.append(id: "u\(u)", start: .date(start), values: values)
    }
    let t0 = clock.now
    let c0 = processCPUSeconds()
    let fit = BatchForecaster(method: method, seasonLength: 12, threads: threads).fit(panel)
    let refitSeconds = (clock.now - t0).inSeconds
    let refitCPU = processCPUSeconds() - c0
    outcome.refit = Refit(
      fitted: fit.models.compactMap { $0 }.count, seconds: refitSeconds, cpuSeconds: refitCPU)
    return outcome
  }
}
