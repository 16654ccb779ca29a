import ArgumentParser
import Attain
import AttainBench

/// `attain bench tracking`: conditional tracking through the real engine, and the refit cost.
struct BenchTracking: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tracking",
    abstract: "Conditional P(attain) for N units with fitted models; also times refitting models.",
    discussion: """
      Unit u = 0…N-1 has a fitted lognormal seasonal model (level L = 100 + u mod 900, month \
      factors 1 + 0.3 sin(2πm/12), σ = 0.2), actual to date 6L and target 6L + the expected \
      remaining total (so P(attain) is a little below 0.5: the lognormal median is below its \
      mean); ConditionalTracking simulates the --remaining periods (P paths) and reports \
      P(attain), landing quantiles and the revised target at p = 0.6. Prints seconds and \
      cpu_seconds (the conditional simulation alone, best of --repeats; cpu_seconds / threads is \
      the wall time on otherwise idle cores).

      Refit: ETS (--model) is fitted on --refit-units synthetic monthly series of 42 months \
      (history + 6 actuals); refit_seconds is measured on those and refit_seconds_extrapolated \
      scales it linearly to N.

      Example:
        attain bench tracking --units 100000 --paths 1000 --remaining 6 --seed 1
      """)

  @Option(help: "Units N.") var units = 100_000
  @Option(help: "Sample paths P per unit.") var paths = 1000
  @Option(help: "Remaining periods H.") var remaining = 6
  @Option(help: "Random seed.") var seed: UInt64 = 1
  @Option(help: "Timed repetitions of the simulation (best is reported).") var repeats = 1
  @Option(help: "Series refitted for the refit timing (0 = skip).") var refitUnits = 2000
  @Option(help: "Model refitted for the refit timing.") var model = "ets"
  @Option(help: "Worker threads (default: all cores).") var threads: Int?

  func validate() throws {
    guard units >= 1, paths >= 1, remaining >= 1, repeats >= 1, refitUnits >= 0 else {
      throw ValidationError(
        "--units, --paths, --remaining, --repeats must be ≥ 1 and --refit-units ≥ 0")
    }
    if ModelCatalog.method(named: model) == nil {
      throw ValidationError("unknown --model '\(model)'")
    }
  }

  func run() throws {
    guard let method = ModelCatalog.method(named: model) else {
      throw ValidationError("unknown --model '\(model)'")
    }
    let outcome = try TrackingBenchmark(
      units: units, paths: paths, remaining: remaining, seed: seed, repeats: repeats,
      refitUnits: refitUnits,
      method: method, threads: threads
    ).run()
    print("seed=\(seed)")
    print(
      "units=\(units) paths=\(paths) remaining=\(remaining) threads=\(threads ?? defaultSimulationThreads)"
    )
    print("mean_p_attain=\(outcome.meanProbability)")
    if let first = outcome.firstUnit {
      print(
        "unit_u0: p=\(first.probability) se=\(first.standardError) revised_target_p60=\(first.revisedTarget ?? .nan)"
      )
    }
    if let refit = outcome.refit {
      print("refit_model=\(model) refit_units=\(refitUnits) fitted=\(refit.fitted)")
      print("refit_seconds=\(refit.seconds) refit_cpu_seconds=\(refit.cpuSeconds)")
      print(
        "refit_seconds_extrapolated=\(refit.seconds * Double(units) / Double(refitUnits))"
          + " refit_cpu_seconds_extrapolated=\(refit.cpuSeconds * Double(units) / Double(refitUnits))"
      )
    }
    print("cpu_seconds=\(outcome.cpuSeconds)")
    print("seconds=\(outcome.seconds)")
  }
}
