import ArgumentParser
import Attain
import Foundation

/// `attain bench tracking`: conditional tracking through the real engine, and the refit cost.
struct BenchTracking: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tracking",
    abstract: "Conditional P(attain) for N units with fitted models; also times refitting models.",
    discussion: """
      Unit u = 0…N-1 has a fitted lognormal seasonal model (level L = 100 + u mod 900, month factors
      1 + 0.3 sin(2πm/12), σ = 0.2), actual to date 6L and target 6L + the expected remaining total (so
      P(attain) is a little below 0.5: the lognormal median is below its mean); ConditionalTracking simulates the
      --remaining periods (P paths) and reports P(attain), landing quantiles and the revised target at
      p = 0.6. Prints seconds and cpu_seconds (the conditional simulation alone, best of --repeats; cpu_seconds /
      threads is the wall time on otherwise idle cores).
      Refit: ETS (--model) is fitted on --refit-units synthetic monthly series of 42 months (history + 6
      actuals); refit_seconds is measured on those and refit_seconds_extrapolated scales it linearly to N.
      Example: attain bench tracking --units 100000 --paths 1000 --remaining 6 --seed 1
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
      throw ValidationError("--units, --paths, --remaining, --repeats must be ≥ 1 and --refit-units ≥ 0")
    }
    if ModelCatalog.method(named: model) == nil { throw ValidationError("unknown --model '\(model)'") }
  }

  func run() throws {
    let seasonal: [Double] = (0..<12).map { (m: Int) -> Double in 1 + 0.3 * sin(2 * Double.pi * Double(m + 1) / 12) }
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
    print("seed=\(seed)")
    print("units=\(units) paths=\(paths) remaining=\(remaining) threads=\(threads ?? defaultSimulationThreads)")
    print("mean_p_attain=\(meanP)")
    if let first {
      print(
        "unit_u0: p=\(first.probability) se=\(first.standardError) revised_target_p60=\(first.revisedTarget ?? .nan)")
    }
    if refitUnits > 0, let method = ModelCatalog.method(named: model) {
      var panel = Panel(frequency: .monthly)
      var rng = Xoshiro256PlusPlus(seed: seed, stream: 99)
      guard let start = CalendarDate(year: 2014, month: 1, day: 1) else { return }
      for u in 0..<refitUnits {
        let level = Double(100 + u % 900)
        let values = (0..<42).map { t in level * seasonal[t % 12] * exp(0.2 * rng.nextNormal() - 0.02) }
        panel.append(id: "u\(u)", start: .date(start), values: values)
      }
      let t0 = clock.now
      let c0 = processCPUSeconds()
      let fit = BatchForecaster(method: method, seasonLength: 12, threads: threads).fit(panel)
      let refit = seconds(clock.now - t0)
      let refitCPU = processCPUSeconds() - c0
      print("refit_model=\(model) refit_units=\(refitUnits) fitted=\(fit.models.compactMap { $0 }.count)")
      print("refit_seconds=\(refit) refit_cpu_seconds=\(refitCPU)")
      print(
        "refit_seconds_extrapolated=\(refit * Double(units) / Double(refitUnits))"
          + " refit_cpu_seconds_extrapolated=\(refitCPU * Double(units) / Double(refitUnits))")
    }
    print("cpu_seconds=\(bestCPU)")
    print("seconds=\(seconds(best))")
  }

  func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }
}
