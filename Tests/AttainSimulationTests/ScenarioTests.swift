import Foundation
import Testing

@testable import AttainSimulation

@Suite struct ScenarioTests {
  static let plan = SimulationPlan(paths: 300, horizon: 12, seed: 8)
  static func unit(group: String? = "West") -> SimulationUnit {
    SimulationUnit(
      id: "s", sampler: LognormalSeasonalSampler(level: 100, seasonal: monthlySeasonal, sigma: 0.2),
      group: group)
  }

  /// Mean total under `scenario` with the same random numbers as the baseline.
  static func mean(_ scenario: Scenario, group: String? = "West") throws -> Double {
    let result = try SimulationEngine(plan: plan).run(
      units: [unit(group: group)], scenario: scenario)
    return try #require(result.units.first?.total.mean)
  }

  @Test func growthAndPriceScaleEveryPeriod() throws {
    let base = try Self.mean(.baseline)
    #expect(close(try Self.mean(Scenario(name: "g", growth: 0.1)), 1.1 * base, relative: 1e-12))
    let price = Scenario(name: "p", priceChange: 0.05, priceElasticity: -1.5)
    #expect(close(try Self.mean(price), pow(1.05, -1.5) * base, relative: 1e-12))
  }

  @Test func promotionsShocksAndRampsMoveTheirPeriods() throws {
    // Same random numbers as the baseline, so the difference is the uplift of period 3 alone.
    let base = try Self.mean(.baseline)
    let promo = Scenario(name: "promo", promotions: [.init(periods: [3], uplift: 0.5)])
    let promoMean = try Self.mean(promo)
    // The uplift adds 0.5 × (simulated period-3 mean) = 0.5 × 100 × s₃ within 4 MC errors.
    let added = promoMean - base
    #expect(
      abs(added - 0.5 * 100 * monthlySeasonal[2]) < 0.5 * 100 * monthlySeasonal[2] * 0.2 * 4
        / 300.0.squareRoot())
    let amount = Scenario(name: "shock", shocks: [.init(period: 7, amount: -250)])
    #expect(close(try Self.mean(amount), base - 250, relative: 1e-12))
  }

  @Test func adjustmentsComposePerPeriod() {
    let scenario = Scenario(
      name: "all", growth: 0.1, priceChange: 0.2, priceElasticity: -1,
      promotions: [.init(periods: [2], uplift: 0.3)],
      headcountRamp: .init(currentHeadcount: 10, addedHeadcount: 2, startPeriod: 3, rampPeriods: 4),
      shocks: [.init(period: 6, factor: 0.5, amount: 7)])
    var m = [Double](repeating: 0, count: 8)
    var a = [Double](repeating: 0, count: 8)
    m.withUnsafeMutableBufferPointer { mb in
      a.withUnsafeMutableBufferPointer { scenario.adjustments(multipliers: mb, amounts: $0) }
    }
    let level = 1.1 / 1.2
    let ramp = [0, 0, 0.25, 0.5, 0.75, 1, 1, 1].map { 1 + 0.2 * $0 }
    for h in 0..<8 {
      var expected = level * ramp[h]
      if h == 1 { expected *= 1.3 }
      if h == 5 { expected *= 0.5 }
      #expect(close(m[h], expected, relative: 1e-14), "period \(h + 1)")
      #expect(a[h] == (h == 5 ? 7 : 0))
    }
  }

  @Test func planScenariosRunWithCommonRandomNumbers() throws {
    var plan = Self.plan
    plan.scenarios = [.baseline, Scenario(name: "up", growth: 0.25)]
    let results = try SimulationEngine(plan: plan).runScenarios(units: [Self.unit()])
    #expect(results.map(\.scenario.name) == ["baseline", "up"])
    let base = try #require(results.first?.units.first?.total)
    let up = try #require(results.last?.units.first?.total)
    #expect(close(up.mean, 1.25 * base.mean, relative: 1e-12))
    for (a, b) in zip(base.quantiles, up.quantiles) {
      #expect(close(b.value, 1.25 * a.value, relative: 1e-12))
    }
    // Results are Codable for JSON output.
    let data = try JSONEncoder().encode(results)
    #expect(try JSONDecoder().decode([SimulationResult].self, from: data) == results)
  }

  @Test func scenarioGroupsLimitWhereItApplies() throws {
    let west = Scenario(name: "west", growth: 0.2, groups: ["West"])
    let base = try Self.mean(.baseline, group: "East")
    #expect(try Self.mean(west, group: "East") == base)
    #expect(close(try Self.mean(west, group: "West"), 1.2 * base, relative: 1e-12))
    #expect(try Self.mean(west, group: nil) == base)
  }

  @Test func documentedScenarioFileDecodes() throws {
    let json = """
      { "scenarios": [
        { "name": "baseline" },
        { "name": "expansion", "growth": 0.03, "priceChange": 0.05, "priceElasticity": -1.2,
          "promotions": [{ "periods": [3, 4], "uplift": 0.15 }],
          "headcountRamp": { "currentHeadcount": 20, "addedHeadcount": 4, "startPeriod": 2, "rampPeriods": 3 },
          "shocks": [{ "period": 7, "factor": 0.8 }, { "period": 9, "amount": -500 }],
          "groups": ["West"] } ] }
      """
    let file = try JSONDecoder().decode(ScenarioFile.self, from: Data(json.utf8))
    #expect(file.scenarios.map(\.name) == ["baseline", "expansion"])
    #expect(file.scenarios[1].headcountRamp?.rampPeriods == 3)
    #expect(file.scenarios[0].isIdentity && !file.scenarios[1].isIdentity)
    for scenario in file.scenarios { try scenario.validate(horizon: 12) }
    #expect(throws: SimulationError.self) { try file.scenarios[1].validate(horizon: 8) }
    let plan = SimulationPlan(paths: 10, horizon: 12, seed: 1, scenarios: file.scenarios)
    let round = try JSONDecoder().decode(SimulationPlan.self, from: JSONEncoder().encode(plan))
    #expect(round == plan)
  }
}
