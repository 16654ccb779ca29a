import Attain
import AttainBench
import Benchmark
import Foundation

/// The Monte Carlo engine and its kernels. The full task (10⁴ × 10⁴ × 12) is
/// `attain bench monte-carlo`; here a 1/100 slice on one thread keeps iterations short.
func simulationBenchmarks() {
  Benchmark("simulation.montecarlo.1000x1000x12") { benchmark in
    let task = MonteCarloBenchmark(units: 1000, paths: 1000, horizon: 12, seed: 1, threads: 1)
    for _ in benchmark.scaledIterations {
      blackHole(try task.run().meanProbability)
    }
  }

  Benchmark("simulation.engine.groups.market.200x2000x12") { benchmark in
    let seasonal = (1...12).map { 1 + 0.3 * sin(2 * Double.pi * Double($0) / 12) }
    let units = (0..<200).map {
      SimulationUnit(
        id: "u\($0)",
        sampler: LognormalSeasonalSampler(level: 100 + Double($0), seasonal: seasonal, sigma: 0.2),
        group: "g\($0 % 10)", target: 1200 + 12 * Double($0))
    }
    let engine = try SimulationEngine(
      plan: SimulationPlan(paths: 2000, horizon: 12, seed: 1, marketCorrelation: 0.3))
    let scenario = Scenario(
      name: "promo", growth: 0.02, promotions: [.init(periods: [3], uplift: 0.2)])
    for _ in benchmark.scaledIterations {
      blackHole(try engine.run(units: units, scenario: scenario, threads: 1).groups.count)
    }
  }

  Benchmark("simulation.vectorexp.64K") { benchmark in
    var values = (0..<65_536).map { Double($0 % 2000) / 100 - 10 }
    for _ in benchmark.scaledIterations {
      values.withUnsafeMutableBufferPointer { VectorExp.exponentiate($0) }
      blackHole(values[7])
      for i in values.indices { values[i] = Double(i % 2000) / 100 - 10 }
    }
  }
}
