import Attain
import Benchmark

/// Planning: splitting many targets over time and organisation, and incentive cost over paths.
func planningBenchmarks() {
  // One largest-remainder split over 10 000 weights, scratch reused (no allocation).
  Benchmark("planning.largestRemainder.10k") { benchmark in
    var rng = Xoshiro256PlusPlus(seed: 1)
    let weights = (0..<10_000).map { _ in rng.nextUniform() }
    var out = [Int64](repeating: 0, count: weights.count)
    var scratch = LargestRemainder.Scratch()
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      weights.withUnsafeBufferPointer { w in
        out.withUnsafeMutableBufferPointer { o in
          try? LargestRemainder.apportion(units: 123_456_789, weights: w, into: o, scratch: &scratch)
        }
      }
    }
    blackHole(out)
  }

  // 10 000 rep targets split to days over 2026 (weekday profile, holidays, Double 11), one
  // splitter and workspace (allocation-free per target).
  Benchmark("planning.timeSplit.year.10k") { benchmark in
    guard
      let splitter = try? TimeSplitter(
        range: .year(2026),
        profile: SeasonalProfile(
          monthShares: (1...12).map(Double.init), weekdayWeights: [1, 1, 1, 1, 1.2, 0.6, 0.4],
          workingDays: WorkingCalendar(nonWorkingDayWeight: 0.5), events: [.double11(multiplier: 3)]))
    else { return }
    var ws = TimeSplitter.Workspace()
    var days = [Int64](repeating: 0, count: 365)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      for k in 0..<10_000 {
        days.withUnsafeMutableBufferPointer { d in
          try? splitter.split(units: Int64(1_000_000 + k), into: d, workspace: &ws)
        }
      }
    }
    blackHole(days)
  }

  // 1 000 reps × 365 days, consistent both ways (controlled rounding per level).
  Benchmark("planning.timeSplit.consistent.1k") { benchmark in
    guard
      let splitter = try? TimeSplitter(
        range: .year(2026),
        profile: SeasonalProfile(
          monthShares: (1...12).map(Double.init), weekdayWeights: [1, 1, 1, 1, 1.2, 0.6, 0.4],
          events: [.double11(multiplier: 3)]))
    else { return }
    var rng = Xoshiro256PlusPlus(seed: 4)
    let targets = (0..<1000).map { _ in Int64(500_000 + rng.next() % 1_000_000) }
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try? splitter.splitConsistently(units: targets))
    }
  }

  // 10 000 reps: blend, ramp, growth bounds −5 %…+30 %, rounding to cents.
  Benchmark("planning.orgSplit.10k") { benchmark in
    var rng = Xoshiro256PlusPlus(seed: 2)
    let units = (0..<10_000).map { i in
      PlanningUnit(
        id: "rep\(i)", lastYear: 1000 + rng.nextUniform() * 1000, forecast: 900 + rng.nextUniform() * 1400,
        ramp: i % 50 == 0 ? 0.5 : 1)
    }
    let splitter = OrganisationSplitter(growth: GrowthBounds(minimum: -0.05, maximum: 0.30), unit: 0.01)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try? splitter.split(16_000_000, over: units, buffer: 0.05))
    }
  }

  // Incentive cost distribution: 10 000 paths × 1 000 units (path-major totals).
  Benchmark("planning.incentiveCost.10kx1k") { benchmark in
    let (paths, units) = (10_000, 1_000)
    var rng = Xoshiro256PlusPlus(seed: 3)
    let totals = (0..<(paths * units)).map { _ in 60 + rng.nextUniform() * 80 }
    let targets = [Double](repeating: 100, count: units)
    let incentives = [Double](repeating: 1000, count: units)
    guard let curve = try? PayoutCurve() else { return }
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(
        try? IncentiveCost.summary(
          totals: totals, layout: .pathMajor, paths: paths, units: units, targets: targets, incentives: incentives,
          curve: curve))
    }
  }
}
