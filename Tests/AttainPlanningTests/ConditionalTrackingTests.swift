import AttainSimulation
import Foundation
import Testing

@testable import AttainPlanning

/// Conditional tracking against the closed form of a one-period lognormal remainder:
/// R = L·s·exp(σz − σ²/2), so P(A + R ≥ T) = 1 − Φ((ln((T − A)/(L s)) + σ²/2)/σ) and the
/// (1 − p) quantile of R is L·s·exp(σ Φ⁻¹(1 − p) − σ²/2).
@Suite struct ConditionalTrackingTests {
  let level = 100.0
  let sigma = 0.2

  func unit(actual: Double, target: Double, probability: Double? = nil, group: String? = nil) -> ConditionalUnit {
    ConditionalUnit(
      id: "u", sampler: LognormalSeasonalSampler(level: level, seasonal: [1], sigma: sigma), actualToDate: actual,
      target: target, originalProbability: probability, group: group)
  }

  func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

  @Test func probabilityMatchesTheLognormalClosedForm() throws {
    let paths = 40_000
    for target in [560.0, 600.0, 640.0] {
      let o = try ConditionalTracking.outlook(
        units: [unit(actual: 500, target: target)], remaining: 1, paths: paths, seed: 7)
      let u = try #require(o.units.first)
      let exact = 1 - normalCDF((log((target - 500) / level) + sigma * sigma / 2) / sigma)
      #expect(abs(u.probability - exact) <= 4 * (exact * (1 - exact) / Double(paths)).squareRoot() + 1e-9)
      #expect(close(u.standardError, (u.probability * (1 - u.probability) / Double(paths)).squareRoot()))
      #expect(close(u.landingMean, 500 + level, rel: 0.01))
    }
  }

  @Test func revisedTargetIsActualPlusTheQuantileAtTheOriginalProbability() throws {
    let o = try ConditionalTracking.outlook(
      units: [unit(actual: 500, target: 620, probability: 0.6)], remaining: 1, paths: 40_000, seed: 3)
    let revised = try #require(o.units.first?.revisedTarget)
    let z40 = -0.2533471031357997  // Φ⁻¹(0.4)
    let exact = 500 + level * exp(sigma * z40 - sigma * sigma / 2)
    #expect(close(revised, exact, rel: 0.005))
  }

  @Test func probabilityIsOneOnceTheTargetIsReachedAndMonotoneInTheTarget() throws {
    let targets = stride(from: 450.0, through: 900, by: 25).map { $0 }
    let units = targets.map { t in
      ConditionalUnit(
        id: "u", sampler: LognormalSeasonalSampler(level: level, seasonal: [1, 1.2, 0.8], sigma: sigma),
        actualToDate: 500, target: t)
    }
    var previous = 2.0
    for u in units {  // same id → same stream → same paths for every target
      let o = try ConditionalTracking.outlook(units: [u], remaining: 3, paths: 2000, seed: 11)
      let p = try #require(o.units.first).probability
      #expect(p <= previous)
      previous = p
      if u.target <= 500 {
        #expect(p == 1)
        #expect(o.units.first?.standardError == 0)
      }
    }
    #expect(previous < 0.5)
  }

  @Test func groupsSumActualsTargetsAndPaths() throws {
    let a = ConditionalUnit(
      id: "a", sampler: LognormalSeasonalSampler(level: 50, seasonal: [1], sigma: 0.1), actualToDate: 100, target: 160,
      group: "g")
    let b = ConditionalUnit(
      id: "b", sampler: LognormalSeasonalSampler(level: 70, seasonal: [1], sigma: 0.1), actualToDate: 30, target: 90,
      group: "g")
    let o = try ConditionalTracking.outlook(units: [a, b], remaining: 2, paths: 4000, seed: 5)
    let g = try #require(o.groups.first)
    #expect(g.actualToDate == 130 && g.target == 250)
    #expect(close(g.landingMean, o.units[0].landingMean + o.units[1].landingMean, rel: 1e-9))
    #expect(close(g.landingMean, 130 + 2 * 120, rel: 0.01))
  }

  @Test func nothingRemainingSettlesTheOutcome() throws {
    let o = try ConditionalTracking.outlook(
      units: [unit(actual: 500, target: 520, probability: 0.6), unit(actual: 530, target: 520).renamed("v")],
      remaining: 0, paths: 10, seed: 1)
    #expect(o.units.map(\.probability) == [0, 1])
    #expect(o.units[0].revisedTarget == 500)
    #expect(o.units[1].landingQuantiles.allSatisfy { $0.value == 530 })
  }

  @Test func invalidInputsThrow() {
    #expect(throws: SimulationError.self) {
      try ConditionalTracking.outlook(units: [unit(actual: .nan, target: 1)], remaining: 1, paths: 10, seed: 1)
    }
    #expect(throws: SimulationError.self) {
      try ConditionalTracking.outlook(
        units: [unit(actual: 1, target: 2, probability: 1)], remaining: 1, paths: 10, seed: 1)
    }
  }
}

extension ConditionalUnit {
  fileprivate func renamed(_ id: String) -> ConditionalUnit {
    var u = self
    u.id = id
    return u
  }
}
