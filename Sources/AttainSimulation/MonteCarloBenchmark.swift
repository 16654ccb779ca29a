import AttainRandom

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// CPU seconds used by the whole process so far (all threads), for rates that do not depend
/// on how busy a shared machine is.
public func processCPUSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// The fixed benchmark task of `attain bench monte-carlo`, run through the real engine.
///
/// Unit u = 0 … N−1 (id "u<u>") has level Lᵤ = 100 + (u mod 900) and month m = 1 … H sales
/// Lᵤ·sₘ·exp(σz − σ²/2) with sₘ = 1 + 0.3 sin(2πm/12) and σ = 0.2 (`LognormalSeasonalSampler`).
/// Per unit it reports P(total ≥ 12·Lᵤ) and the 60 % target (the 40th percentile of the total).
public struct MonteCarloBenchmark: Sendable {
  /// Units N.
  public var units: Int
  /// Paths P per unit.
  public var paths: Int
  /// Months H.
  public var horizon: Int
  /// The seed.
  public var seed: UInt64
  /// Worker threads.
  public var threads: Int

  /// A task of `units` × `paths` × `horizon`.
  public init(units: Int, paths: Int, horizon: Int, seed: UInt64, threads: Int) {
    self.units = units
    self.paths = paths
    self.horizon = horizon
    self.seed = seed
    self.threads = threads
  }

  /// What one run measured.
  public struct Outcome: Sendable {
    /// Wall-clock seconds of the engine run (model construction excluded).
    public var seconds: Double
    /// CPU seconds of the engine run, summed over threads.
    public var cpuSeconds: Double
    /// N·P·H / seconds.
    public var pathStepsPerSecond: Double
    /// The mean over units of P(total ≥ 12·Lᵤ).
    public var meanProbability: Double
    /// The mean over units of (60 % target)/(12·Lᵤ).
    public var meanRelativeTarget: Double
    /// The first unit's summary, for inspection.
    public var firstUnit: TotalSummary?
  }

  /// The benchmark units: level, seasonal factors for months 1 … 12, σ = 0.2, target 12·L.
  public func makeUnits() -> [SimulationUnit] {
    let seasonal = (1...12).map { 1 + 0.3 * _sin(2 * Double.pi * Double($0) / 12) }
    return (0..<units).map { u in
      let level = 100 + Double(u % 900)
      return SimulationUnit(
        id: "u\(u)",
        sampler: LognormalSeasonalSampler(level: level, seasonal: seasonal, sigma: 0.2),
        target: 12 * level)
    }
  }

  /// Runs the task and times it.
  public func run() throws(SimulationError) -> Outcome {
    let plan = SimulationPlan(
      paths: paths, horizon: horizon, seed: seed, quantileLevels: [], attainmentProbabilities: [0.6]
    )
    let engine = try SimulationEngine(plan: plan)
    let unitList = makeUnits()
    let clock = ContinuousClock()
    let cpuStart = processCPUSeconds()
    let start = clock.now
    let result = try engine.run(units: unitList, threads: threads)
    let elapsed = clock.now - start
    let cpuSeconds = processCPUSeconds() - cpuStart
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    var probability = 0.0
    var relative = 0.0
    for (u, summary) in result.units.enumerated() {
      probability += summary.total.attainment?.probability ?? .nan
      relative +=
        (summary.total.targetsAtProbability.first?.value ?? .nan) / (12 * (100 + Double(u % 900)))
    }
    let n = Double(max(units, 1))
    return Outcome(
      seconds: seconds, cpuSeconds: cpuSeconds,
      pathStepsPerSecond: Double(units) * Double(paths) * Double(horizon) / seconds,
      meanProbability: probability / n, meanRelativeTarget: relative / n,
      firstUnit: result.units.first?.total)
  }
}

/// Raw throughput of the engine's normal generator (`attain bench normals`): each worker fills
/// a cache-resident buffer of 4096 normals from its own `Xoshiro256PlusPlusX4` stream
/// (seed, chunk) repeatedly.
public enum NormalThroughput {
  /// Draws `count` normals on `threads` workers; returns the wall-clock and CPU seconds taken
  /// and the sum of the draws (≈ N(0, count), printed so the work cannot be optimised away).
  public static func measure(count: Int, threads: Int, seed: UInt64) -> (
    seconds: Double, cpuSeconds: Double, sum: Double
  ) {
    let block = 4096
    let perChunk = 1 << 20
    let chunks = (count + perChunk - 1) / perChunk
    var sums = [Double](repeating: 0, count: chunks)
    let clock = ContinuousClock()
    let cpuStart = processCPUSeconds()
    let start = clock.now
    sums.withUnsafeMutableBufferPointer { out in
      nonisolated(unsafe) let out = out
      parallelChunks(chunks: chunks, threads: threads) { chunk, _ in
        var rng = Xoshiro256PlusPlusX4(seed: seed, stream: UInt64(chunk))
        var buffer = [Double](repeating: 0, count: block)
        let drawn = min(perChunk, count - chunk * perChunk)
        // Summed in four independent accumulators inside the closure, so the check sum costs
        // little next to the draws it guards.
        let sum = buffer.withUnsafeMutableBufferPointer { b -> Double in
          var remaining = drawn
          var partial = SIMD4<Double>()
          while remaining > 0 {
            let n = min(block, remaining)
            rng.fillNormals(UnsafeMutableBufferPointer(rebasing: b[0..<n]))
            var i = 0
            while i + 4 <= n {
              partial += SIMD4(b[i], b[i + 1], b[i + 2], b[i + 3])
              i += 4
            }
            while i < n {
              partial[0] += b[i]
              i += 1
            }
            remaining -= n
          }
          return partial.sum()
        }
        out[chunk] = sum
      }
    }
    let elapsed = clock.now - start
    let cpuSeconds = processCPUSeconds() - cpuStart
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return (seconds, cpuSeconds, sums.reduce(0, +))
  }
}
