import ArgumentParser
import Attain
import AttainBench

/// `attain bench monte-carlo`: the attainment Monte Carlo task through `SimulationEngine`.
struct BenchMonteCarlo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "monte-carlo",
    abstract: "The Monte Carlo attainment task, run through the simulation engine.",
    discussion: """
      Unit u = 0…N-1 has level L = 100 + u mod 900 and month m sales L·s_m·exp(0.2z − 0.02) with \
      s_m = 1 + 0.3 sin(2πm/12); per unit the engine reports P(total ≥ 12L) and the 60% target \
      (the 40th percentile of the total). Prints the seed first and path_steps_per_second last.

      Example:
        attain bench monte-carlo --units 10000 --paths 10000 --horizon 12 --seed 1
      """)

  @Option(help: "Units N.") var units = 10_000
  @Option(help: "Sample paths P per unit.") var paths = 10_000
  @Option(help: "Months H per path.") var horizon = 12
  @Option(help: "Random seed.") var seed: UInt64 = 1
  @Option(help: "Worker threads (default: all cores).") var threads: Int?

  func validate() throws {
    guard units >= 1, paths >= 1, horizon >= 1 else {
      throw ValidationError("--units, --paths and --horizon must be at least 1")
    }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
  }

  func run() throws {
    let threadCount = threads ?? defaultSimulationThreads
    let task = MonteCarloBenchmark(
      units: units, paths: paths, horizon: horizon, seed: seed, threads: threadCount)
    let outcome = try task.run()
    print("seed=\(seed)")
    print("units=\(units) paths=\(paths) horizon=\(horizon) threads=\(threadCount)")
    print("path_steps=\(units * paths * horizon)")
    print("seconds=\(outcome.seconds) cpu_seconds=\(outcome.cpuSeconds)")
    print("path_steps_per_cpu_second=\(Double(units * paths * horizon) / outcome.cpuSeconds)")
    print("mean_probability_total_ge_12L=\(outcome.meanProbability)")
    print("mean_target60_over_12L=\(outcome.meanRelativeTarget)")
    if let first = outcome.firstUnit {
      print(
        "unit_u0: p=\(first.attainment?.probability ?? .nan) target60=\(first.targetsAtProbability.first?.value ?? .nan)"
      )
    }
    print("path_steps_per_second=\(outcome.pathStepsPerSecond)")
  }
}

/// `attain bench normals`: raw throughput of the ziggurat normal generator.
struct BenchNormals: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "normals",
    abstract: "Raw throughput of the normal generator (xoshiro256++ ziggurat).",
    discussion:
      "Draws --count standard normals on --threads workers; prints normals_per_second last.")

  @Option(help: "Normals to draw.") var count = 1_000_000_000
  @Option(help: "Random seed.") var seed: UInt64 = 1
  @Option(help: "Worker threads (default: all cores).") var threads: Int?

  func validate() throws {
    guard count >= 1 else { throw ValidationError("--count must be at least 1") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
  }

  func run() {
    let threadCount = threads ?? defaultSimulationThreads
    let (seconds, cpuSeconds, sum) = NormalThroughput.measure(
      count: count, threads: threadCount, seed: seed)
    print("seed=\(seed) count=\(count) threads=\(threadCount)")
    print("seconds=\(seconds) cpu_seconds=\(cpuSeconds) sum=\(sum)")
    print("normals_per_cpu_second=\(Double(count) / cpuSeconds)")
    print("normals_per_second=\(Double(count) / seconds)")
  }
}
