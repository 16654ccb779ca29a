import AttainSimulation
import Foundation

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
    let seasonal = (1...12).map { 1 + 0.3 * sin(2 * Double.pi * Double($0) / 12) }
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
    let seconds = elapsed.inSeconds
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
