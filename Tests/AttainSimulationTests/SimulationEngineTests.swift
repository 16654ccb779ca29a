import AttainForecast
import AttainRandom
import Foundation
import Testing

@testable import AttainSimulation

@Suite struct SimulationEngineTests {
  /// 24 units in 3 groups with mixed models, targets, a market factor and a scenario.
  static func units() -> [SimulationUnit] {
    (0..<24).map { u in
      let sampler: any PathSampler =
        u % 3 == 0
        ? RandomWalkSampler(start: 50 + Double(u), sigma: 4)
        : LognormalSeasonalSampler(
          level: 100 + 10 * Double(u), seasonal: monthlySeasonal, sigma: 0.25)
      return SimulationUnit(
        id: "unit-\(u)", sampler: sampler, group: ["East", "West", "North"][u % 3],
        target: 6 * (80 + 10 * Double(u)))
    }
  }

  static let plan = SimulationPlan(paths: 400, horizon: 6, seed: 2024, marketCorrelation: 0.3)
  static let scenario = Scenario(
    name: "push", growth: 0.02, promotions: [.init(periods: [2], uplift: 0.1)],
    shocks: [.init(period: 5, amount: -3)])

  @Test func identicalForOneAndTwoThreadsAndAnyChunking() throws {
    var engine = try SimulationEngine(plan: Self.plan)
    let one = try engine.run(units: Self.units(), scenario: Self.scenario, threads: 1)
    let two = try engine.run(units: Self.units(), scenario: Self.scenario, threads: 2)
    engine.chunkSize = 3
    engine.batchPaths = 7
    let three = try engine.run(units: Self.units(), scenario: Self.scenario, threads: 3)
    #expect(one.units == two.units)
    #expect(one.groups == two.groups)
    #expect(one.groupPathTotals == two.groupPathTotals)
    #expect(one.units == three.units)
    #expect(one.groupPathTotals == three.groupPathTotals)
  }

  @Test func shardsCombineExactly() throws {
    let engine = try SimulationEngine(plan: Self.plan)
    let all = Self.units()
    let full = try engine.run(units: all, scenario: Self.scenario, threads: 2)
    // Interleaved shards in reversed order: any split gives the same numbers.
    let shardA = try engine.run(
      units: all.enumerated().filter { $0.offset % 2 == 0 }.map(\.element).reversed(),
      scenario: Self.scenario, threads: 1)
    let shardB = try engine.run(
      units: all.enumerated().filter { $0.offset % 2 == 1 }.map(\.element),
      scenario: Self.scenario, threads: 2)
    let merged = try shardA.groupPathTotals.merged(with: shardB.groupPathTotals)
    #expect(merged == full.groupPathTotals)
    #expect(merged.summaries(plan: Self.plan) == full.groups)
    let byId = Dictionary(uniqueKeysWithValues: (shardA.units + shardB.units).map { ($0.id, $0) })
    for unit in full.units { #expect(byId[unit.id] == unit) }
    // A JSON round trip of a shard's totals is exact too.
    let data = try JSONEncoder().encode(shardA.groupPathTotals)
    #expect(try JSONDecoder().decode(GroupPathTotals.self, from: data) == shardA.groupPathTotals)
  }

  @Test func keptUnitTotalsReproduceTheSummaries() throws {
    var engine = try SimulationEngine(plan: Self.plan)
    engine.keepsUnitTotals = true
    let result = try engine.run(units: Self.units(), scenario: Self.scenario, threads: 2)
    let totals = try #require(result.unitTotals)
    #expect(totals.count == result.units.count)
    for (unit, paths) in zip(result.units, totals) {
      #expect(paths.count == Self.plan.paths)
      let again = TotalSummary(
        totals: paths, target: unit.total.attainment?.target,
        quantileLevels: Self.plan.quantileLevels,
        attainmentProbabilities: Self.plan.attainmentProbabilities)
      #expect(again == unit.total)
    }
    // Group totals are the per-path sums of their units' totals.
    let east = try #require(result.groupPathTotals.totals(of: "East"))
    for p in [0, 17, 399] {
      let sum = zip(result.units, totals).filter { $0.0.group == "East" }.reduce(0.0) {
        $0 + $1.1[p]
      }
      #expect(close(east[p], sum, relative: 1e-12))
    }
  }

  /// The batch samplers' fused totals equal the per-path route up to rounding (the sums are
  /// formed in another order), path by path and in every summary.
  @Test func batchAndPerPathSamplersAgree() throws {
    var engine = try SimulationEngine(plan: Self.plan)
    engine.keepsUnitTotals = true
    let batch = Self.units()
    let perPath = batch.map {
      SimulationUnit(
        id: $0.id, sampler: PerPathOnly(inner: $0.sampler), group: $0.group, target: $0.target)
    }
    let a = try engine.run(units: batch, scenario: Self.scenario, threads: 2)
    let b = try engine.run(units: perPath, scenario: Self.scenario, threads: 2)
    let (ta, tb) = (try #require(a.unitTotals), try #require(b.unitTotals))
    var worst = 0.0
    for (x, y) in zip(ta.joined(), tb.joined()) { worst = max(worst, abs(x - y) / abs(y)) }
    #expect(worst < 1e-14, "largest relative difference of a path total \(worst)")
    for (u, v) in zip(a.units, b.units) {
      #expect(close(u.total.mean, v.total.mean, relative: 1e-14))
      #expect(close(u.total.standardDeviation, v.total.standardDeviation, relative: 1e-12))
      for (p, q) in zip(u.total.quantiles + u.total.targetsAtProbability,
        v.total.quantiles + v.total.targetsAtProbability)
      {
        #expect(p.level == q.level && close(p.value, q.value, relative: 1e-14))
      }
    }
    for (g, h) in zip(a.groups, b.groups) {
      #expect(close(g.total.mean, h.total.mean, relative: 1e-12))
    }
  }

  @Test func lognormalTotalMeanMatchesClosedForm() throws {
    // E[Σₕ L sₕ exp(σz − σ²/2)] = L Σₕ sₕ; Var = (L²)(e^{σ²} − 1) Σₕ sₕ² for independent periods.
    let plan = SimulationPlan(paths: 20_000, horizon: 12, seed: 9)
    let level = 250.0
    let sigma = 0.3
    let unit = SimulationUnit(
      id: "x",
      sampler: LognormalSeasonalSampler(level: level, seasonal: monthlySeasonal, sigma: sigma))
    let result = try SimulationEngine(plan: plan).run(units: [unit])
    let total = try #require(result.units.first?.total)
    let mean = level * monthlySeasonal.reduce(0, +)
    let sd =
      level * ((exp(sigma * sigma) - 1) * monthlySeasonal.reduce(0) { $0 + $1 * $1 }).squareRoot()
    #expect(abs(total.mean - mean) < 4 * sd / Double(plan.paths).squareRoot())
    #expect(close(total.standardDeviation, sd, relative: 0.03))
  }

  @Test(arguments: [-40.0, 0, 25, 60, 120])
  func randomWalkAttainmentMatchesNormalCDF(target: Double) throws {
    let horizon = 12
    let sigma = 2.0
    let plan = SimulationPlan(paths: 20_000, horizon: horizon, seed: 77, quantileLevels: [0.5])
    let unit = SimulationUnit(
      id: "rw", sampler: RandomWalkSampler(start: 0, sigma: sigma), target: target)
    let total = try #require(try SimulationEngine(plan: plan).run(units: [unit]).units.first?.total)
    let sd = sigma * Double((1...horizon).reduce(0) { $0 + $1 * $1 }).squareRoot()
    let exact = 1 - normalCDF(target / sd)
    let attainment = try #require(total.attainment)
    let mcError = (exact * (1 - exact) / Double(plan.paths)).squareRoot()
    #expect(abs(attainment.probability - exact) <= 4 * mcError + 1e-12)
    #expect(close(attainment.standardError, mcError, relative: 0.1) || exact < 1e-3)
    // E[(t − T)⁺] for T ~ N(0, sd²): (t)Φ(t/sd) + sd φ(t/sd).
    let z = target / sd
    let shortfall = target * normalCDF(z) + sd * exp(-z * z / 2) / (2 * Double.pi).squareRoot()
    #expect(abs(attainment.expectedShortfall - shortfall) < 0.05 * sd)
  }

  @Test func probabilitiesAreMonotoneInTarget() throws {
    let plan = SimulationPlan(paths: 2000, horizon: 6, seed: 3)
    let engine = try SimulationEngine(plan: plan)
    var previous = 1.0
    for target in stride(from: 300.0, through: 900, by: 50) {
      let unit = SimulationUnit(
        id: "m", sampler: LognormalSeasonalSampler(level: 100, seasonal: [1], sigma: 0.4),
        target: target)
      let attainment = try #require(try engine.run(units: [unit]).units.first?.total.attainment)
      #expect(attainment.probability >= 0 && attainment.probability <= 1)
      #expect(attainment.probability <= previous)
      previous = attainment.probability
    }
    #expect(previous < 0.01)
  }

  @Test func targetsAtProbabilityAreAttainedWithThatProbability() throws {
    let plan = SimulationPlan(
      paths: 5000, horizon: 12, seed: 5, attainmentProbabilities: [0.9, 0.6, 0.3])
    let unit = SimulationUnit(
      id: "t", sampler: LognormalSeasonalSampler(level: 100, seasonal: monthlySeasonal, sigma: 0.2))
    let engine = try SimulationEngine(plan: plan)
    let summary = try #require(try engine.run(units: [unit]).units.first?.total)
    #expect(summary.targetsAtProbability.map(\.level) == [0.9, 0.6, 0.3])
    let targets = summary.targetsAtProbability.map(\.value)
    #expect(targets[0] < targets[1] && targets[1] < targets[2])
    for entry in summary.targetsAtProbability {
      let check = SimulationUnit(id: "t", sampler: unit.sampler, target: entry.value)
      let p = try #require(
        try engine.run(units: [check]).units.first?.total.attainment?.probability)
      #expect(abs(p - entry.level) <= 1.0 / Double(plan.paths) + 1e-12)
    }
  }

  @Test func marketFactorGivesTheIntendedCorrelation() throws {
    // Random-walk totals are linear in the shocks, so corr(total_A, total_B) = ρ exactly.
    for rho in [0.0, 0.25, 0.6] {
      let plan = SimulationPlan(paths: 20_000, horizon: 4, seed: 12, marketCorrelation: rho)
      let units = ["A", "B"].map {
        SimulationUnit(id: $0, sampler: RandomWalkSampler(start: 10, sigma: 1), group: $0)
      }
      let result = try SimulationEngine(plan: plan).run(units: units)
      let a = try #require(result.groupPathTotals.totals(of: "A"))
      let b = try #require(result.groupPathTotals.totals(of: "B"))
      let r = correlation(a, b)
      let standardError = (1 - rho * rho) / Double(plan.paths).squareRoot()
      #expect(abs(r - rho) < 5 * standardError, "rho \(rho): sample \(r)")
    }
  }

  @Test func marketCorrelationIsEstimatedFromResiduals() throws {
    var rng = Xoshiro256PlusPlus(seed: 4)
    let rho = 0.35
    let periods = 400
    let market = (0..<periods).map { _ in rng.nextNormal() }
    let residuals = (0..<30).map { u in
      (0..<(periods + u)).map { t in
        t < u
          ? 1000
          : 3 * (rho.squareRoot() * market[t - u] + (1 - rho).squareRoot() * rng.nextNormal())
      }
    }
    let estimate = try MarketCorrelation.estimate(residuals: residuals)
    #expect(abs(estimate - rho) < 0.05)
    #expect(throws: SimulationError.self) {
      try MarketCorrelation.estimate(residuals: [[1, 2, 3]])
    }
  }

  @Test func invalidInputIsRejected() throws {
    #expect(throws: SimulationError.self) {
      try SimulationEngine(plan: SimulationPlan(paths: 0, horizon: 3, seed: 1))
    }
    #expect(throws: SimulationError.self) {
      try SimulationEngine(
        plan: SimulationPlan(paths: 10, horizon: 3, seed: 1, marketCorrelation: 1))
    }
    let engine = try SimulationEngine(plan: SimulationPlan(paths: 10, horizon: 3, seed: 1))
    let good = SimulationUnit(id: "a", sampler: RandomWalkSampler(start: 0, sigma: 1))
    #expect(throws: SimulationError.duplicateUnit(id: "a")) { try engine.run(units: [good, good]) }
    #expect(throws: SimulationError.nonFiniteTotal(unit: "b", path: 0)) {
      try engine.run(units: [good, SimulationUnit(id: "b", sampler: BrokenSampler())], threads: 2)
    }
    #expect(throws: SimulationError.self) {
      try engine.run(
        units: [good],
        scenario: Scenario(name: "bad", promotions: [.init(periods: [4], uplift: 0.1)]))
    }
  }

  /// A path whose first shock exceeds 1 gets a NaN or out-of-range total; the error names the
  /// first such path (found by drawing the unit's shocks again), wherever it falls among the
  /// groups of four the check scans, or the run succeeds when there is none.
  @Test func theFirstBadPathIsReported() throws {
    let plan = SimulationPlan(paths: 10, horizon: 3, seed: 4)
    let engine = try SimulationEngine(plan: plan)
    for u in 0..<60 {
      let id = "x\(u)"
      var rng = Xoshiro256PlusPlusX4(seed: plan.seed, stream: stableHash(id))
      var shocks = [Double](repeating: 0, count: plan.paths * plan.horizon)
      rng.fillNormals(&shocks)
      let first = (0..<plan.paths).first { shocks[$0 * plan.horizon] > 1 }
      for value in [Double.nan, 1e28] {
        let unit = SimulationUnit(id: id, sampler: BadOnLargeShock(value: value))
        if let first {
          let expected: SimulationError =
            value.isNaN
            ? .nonFiniteTotal(unit: id, path: first) : .totalOutOfRange(unit: id, path: first)
          #expect(throws: expected) { try engine.run(units: [unit], threads: 1) }
        } else {
          #expect(throws: Never.self) { try engine.run(units: [unit], threads: 1) }
        }
      }
    }
  }
}

/// Writes `value` in period 1 when the period's shock exceeds 1, else 0.
struct BadOnLargeShock: PathSampler {
  var value: Double
  var scratchCount: Int { 0 }
  func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    for h in 0..<path.count { path[h] = h == 0 && shocks[0] > 1 ? value : 0 }
  }
}
