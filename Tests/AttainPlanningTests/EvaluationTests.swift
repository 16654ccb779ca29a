import Testing

@testable import AttainPlanning

@Suite struct EvaluationTests {
  @Test func standardGrades() throws {
    let g = GradeBands.standard
    #expect(
      [1.25, 1.10, 1.0999, 1.0, 0.95, 0.90, 0.80, 0.75, 0.5, -1].map(g.grade) == [
        "A", "A", "B", "B", "C", "C", "D", "D", "E", "E",
      ])
    #expect(g.grade(.nan) == "E")
    let custom = try GradeBands([("Gold", 1.2), ("Silver", 1.0)], otherwise: "None")
    #expect(custom.grade(1.1) == "Silver")
    #expect(throws: PlanningError.self) { try GradeBands([("A", 1.0), ("B", 1.0)], otherwise: "C") }
  }

  @Test func difficultyAdjustedScore() throws {
    let adj = try DifficultyAdjustment(strength: 1)
    // Stretch target (p = 0.3) hit at 100 %: 1 · (1 + 0.2) = 1.2; safe target (p = 0.9): 0.6.
    #expect(close(try adj.score(attainment: 1, probability: 0.3), 1.2))
    #expect(close(try adj.score(attainment: 1, probability: 0.9), 0.6))
    #expect(close(try adj.score(attainment: 1.1, probability: 0.5), 1.1))
    #expect(throws: PlanningError.self) { try adj.score(attainment: 1, probability: 1.5) }
    #expect(throws: PlanningError.self) { try DifficultyAdjustment(strength: 2) }
  }

  @Test func payoutCurveByHand() throws {
    let c = try PayoutCurve(threshold: 0.8, payoutAtThreshold: 0.5, acceleratorSlope: 2, cap: 2)
    let a: [Double] = [0.7, 0.79999, 0.8, 0.9, 1.0, 1.2, 1.5, 1.6, .nan]
    let expected: [Double] = [0, 0, 0.5, 0.75, 1, 1.4, 2, 2, 0]
    for (x, e) in zip(a, expected) { #expect(close(c.payout(x), e), "payout(\(x))") }
    #expect(try c.payouts(attainments: [0.9, 1.2], incentives: [1000, 2000]) == [750, 2800])
    // Threshold at 100 %: nothing below, 1 at target, accelerated above.
    let cliff = try PayoutCurve(threshold: 1, payoutAtThreshold: 0, acceleratorSlope: 1, cap: .infinity)
    #expect(cliff.payout(0.99) == 0 && cliff.payout(1) == 1 && close(cliff.payout(3), 3))
    #expect(throws: PlanningError.self) { try PayoutCurve(threshold: 1.2) }
    #expect(throws: PlanningError.self) { try PayoutCurve(cap: 0.5) }
  }

  /// Five paths, two units (targets 100, 200; incentives 1000, 500), path-major totals chosen so
  /// each path's cost is worked by hand with the curve t = .8, p_t = .5, s = 2, cap 2.
  @Test func costSummaryByHand() throws {
    let curve = try PayoutCurve()
    let totals: [Double] = [
      70, 200,  // 0·1000 + 1·500 = 500
      90, 200,  // .75·1000 + 500 = 1250
      100, 160,  // 1000 + .5·500 = 1250
      120, 240,  // 1.4·1000 + 1.4·500 = 2100
      200, 400,  // 2·1000 + 2·500 = 3000
    ]
    let s = try IncentiveCost.summary(
      totals: totals, layout: .pathMajor, paths: 5, units: 2, targets: [100, 200], incentives: [1000, 500], curve: curve
    )
    #expect(close(s.mean, (500 + 1250 + 1250 + 2100 + 3000) / 5))
    #expect(close(s.p50, 1250))
    #expect(close(s.p90, 2100 + 0.6 * 900))  // h = 4·0.9 = 3.6
    #expect(close(s.p10, 500 + 0.4 * 750))  // h = 0.4
    #expect(s.minimum == 500 && s.maximum == 3000 && s.onTargetCost == 1500)
    // The same data unit-major gives the same summary.
    var unitMajor = [Double](repeating: 0, count: 10)
    for p in 0..<5 { for i in 0..<2 { unitMajor[i * 5 + p] = totals[p * 2 + i] } }
    let u = try IncentiveCost.summary(
      totals: unitMajor, layout: .unitMajor, paths: 5, units: 2, targets: [100, 200], incentives: [1000, 500],
      curve: curve)
    #expect(u == s)
    #expect(throws: PlanningError.self) {
      try IncentiveCost.summary(
        totals: totals, layout: .pathMajor, paths: 4, units: 2, targets: [100, 200], incentives: [1000, 500],
        curve: curve)
    }
  }

  /// Property: on random data the layouts agree and the mean equals the brute-force mean.
  @Test func layoutsAgreeOnRandomData() throws {
    var rng = seededGenerator(3)
    let curve = try PayoutCurve(threshold: 0.5, payoutAtThreshold: 0.2, acceleratorSlope: 3, cap: 3)
    let (paths, units) = (257, 13)
    let targets = (0..<units).map { _ in 50 + rng.nextUniform() * 100 }
    let incentives = (0..<units).map { _ in rng.nextUniform() * 1000 }
    let totals = (0..<(paths * units)).map { _ in rng.nextUniform() * 200 }
    var unitMajor = totals
    for p in 0..<paths { for i in 0..<units { unitMajor[i * paths + p] = totals[p * units + i] } }
    let a = try IncentiveCost.summary(
      totals: totals, layout: .pathMajor, paths: paths, units: units, targets: targets, incentives: incentives,
      curve: curve)
    let b = try IncentiveCost.summary(
      totals: unitMajor, layout: .unitMajor, paths: paths, units: units, targets: targets, incentives: incentives,
      curve: curve)
    var brute = 0.0
    for p in 0..<paths {
      for i in 0..<units { brute += incentives[i] * curve.payout(totals[p * units + i] / targets[i]) }
    }
    #expect(close(a.mean, brute / Double(paths), rel: 1e-12))
    #expect(close(a.p50, b.p50, rel: 1e-12) && close(a.p90, b.p90, rel: 1e-12) && close(a.mean, b.mean, rel: 1e-12))
    #expect(a.p10 <= a.p50 && a.p50 <= a.p90 && a.p90 <= a.p95 && a.p95 <= a.maximum)
  }
}
