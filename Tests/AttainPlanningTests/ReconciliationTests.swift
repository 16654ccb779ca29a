import Testing

@testable import AttainPlanning

@Suite struct ReconciliationTests {
  // T → {A, B}, A → {AA, AB}; bottom in node order: B, AA, AB.
  let hierarchy: Hierarchy

  init() throws {
    hierarchy = try Hierarchy(nodes: [("T", nil), ("A", "T"), ("B", "T"), ("AA", "A"), ("AB", "A")])
  }

  @Test func summingMatrix() {
    #expect(hierarchy.bottom == [2, 3, 4])
    #expect(hierarchy.root == 0)
    #expect(
      hierarchy.summingMatrix == [
        1, 1, 1,
        0, 1, 1,
        1, 0, 0,
        0, 1, 0,
        0, 0, 1,
      ])
  }

  @Test func bottomUpSumsTheLeaves() throws {
    // h = 2; rows T, A, B, AA, AB (T and A base forecasts are ignored).
    let base: [Double] = [999, 999, 888, 888, 5, 6, 1, 2, 3, 4]
    let y = try Reconciliation.bottomUp(base, hierarchy: hierarchy, horizon: 2)
    #expect(y == [9, 12, 4, 6, 5, 6, 1, 2, 3, 4])
  }

  @Test func topDownProportionsByHand() throws {
    // History, T = 2: B [60, 100], AA [10, 10], AB [30, 90]; totals [100, 200].
    let history: [Double] = [0, 0, 0, 0, 60, 100, 10, 10, 30, 90]
    let avgProp = try Reconciliation.proportions(
      history: history, hierarchy: hierarchy, periods: 2, method: .averageOfProportions)
    // B (0.6 + 0.5)/2, AA (0.1 + 0.05)/2, AB (0.3 + 0.45)/2.
    #expect(zip(avgProp, [0.55, 0.075, 0.375]).allSatisfy { close($0, $1) })
    let propAvg = try Reconciliation.proportions(
      history: history, hierarchy: hierarchy, periods: 2, method: .proportionOfAverages)
    #expect(zip(propAvg, [160.0 / 300, 20.0 / 300, 120.0 / 300]).allSatisfy { close($0, $1) })
    // Root forecast 1000 (h = 1) → B 550, AA 75, AB 375, A 450.
    let y = try Reconciliation.topDown(
      [1000, 0, 0, 0, 0], history: history, periods: 2, hierarchy: hierarchy, horizon: 1)
    #expect(zip(y, [1000, 450, 550, 75, 375]).allSatisfy { close($0, $1) })
  }

  @Test func topDownForecastProportionsByHand() throws {
    // Root 1000; level 1 base A 300, B 100 → A 750, B 250; under A: AA 10, AB 30 → 187.5, 562.5.
    let y = try Reconciliation.topDownForecastProportions(
      [1000, 300, 100, 10, 30], hierarchy: hierarchy, horizon: 1)
    #expect(zip(y, [1000, 750, 250, 187.5, 562.5]).allSatisfy { close($0, $1) })
    // A negative child forecast: equal split of A's 750 between AA and AB.
    let z = try Reconciliation.topDownForecastProportions([1000, 300, 100, -10, 30], hierarchy: hierarchy, horizon: 1)
    #expect(close(z[3], 375) && close(z[4], 375))
  }

  @Test func malformedHierarchiesThrow() {
    #expect(throws: PlanningError.self) { try Hierarchy(nodes: [("T", nil), ("T", "T")]) }
    #expect(throws: PlanningError.self) { try Hierarchy(nodes: [("T", nil), ("A", "X")]) }
    #expect(throws: PlanningError.self) { try Hierarchy(nodes: [("T", nil), ("U", nil)]) }
    #expect(throws: PlanningError.self) { try Hierarchy(nodes: [("T", nil), ("A", "B"), ("B", "A"), ("C", "T")]) }
    #expect(throws: PlanningError.self) { try Reconciliation.bottomUp([1, 2], hierarchy: hierarchy, horizon: 1) }
  }

  /// Property on random trees: reconciled forecasts are coherent (each parent = Σ children),
  /// bottom-up leaves coherent input unchanged, top-down keeps the root forecast.
  @Test func randomTreesAreCoherent() throws {
    var rng = seededGenerator(5)
    for _ in 0..<100 {
      let n = Int(rng.next() % 20) + 2
      var nodes: [(id: String, parent: String?)] = [("n0", nil)]
      for i in 1..<n { nodes.append(("n\(i)", "n\(Int(rng.next() % UInt64(i)))")) }
      let hier = try Hierarchy(nodes: nodes)
      let h = 3
      let base = (0..<(n * h)).map { _ in rng.nextUniform() * 100 }
      let history = (0..<(n * 4)).map { _ in rng.nextUniform() * 100 }
      for y in [
        try Reconciliation.bottomUp(base, hierarchy: hier, horizon: h),
        try Reconciliation.topDown(
          base, history: history, periods: 4, hierarchy: hier, horizon: h, method: .proportionOfAverages),
        try Reconciliation.topDown(base, history: history, periods: 4, hierarchy: hier, horizon: h),
        try Reconciliation.topDownForecastProportions(base, hierarchy: hier, horizon: h),
      ] {
        for p in 0..<n {
          let kids = (0..<n).filter { hier.parents[$0] == p }
          guard !kids.isEmpty else { continue }
          for t in 0..<h {
            #expect(close(y[p * h + t], kids.reduce(0) { $0 + y[$1 * h + t] }, rel: 1e-12, abs: 1e-9))
          }
        }
      }
      let coherent = try Reconciliation.bottomUp(base, hierarchy: hier, horizon: h)
      #expect(try Reconciliation.bottomUp(coherent, hierarchy: hier, horizon: h) == coherent)
      let td = try Reconciliation.topDown(base, history: history, periods: 4, hierarchy: hier, horizon: h)
      for t in 0..<h { #expect(close(td[t], base[t], rel: 1e-12)) }
    }
  }
}

@Suite struct InputSizeTests {
  /// Sizes from input never trap: negative or overflowing shapes throw.
  @Test func hostileShapesThrow() throws {
    let h = try Hierarchy(nodes: [("T", nil), ("A", "T")])
    #expect(throws: PlanningError.self) { try h.aggregate(bottom: [1], horizon: Int.max) }
    #expect(throws: PlanningError.self) { try Reconciliation.bottomUp([1, 2], hierarchy: h, horizon: -2) }
    #expect(throws: PlanningError.self) {
      try IncentiveCost.summary(
        totals: [1], layout: .pathMajor, paths: Int.max, units: 2, targets: [1, 1], incentives: [1, 1],
        curve: try PayoutCurve())
    }
    #expect(throws: PlanningError.self) {
      try ControlledRounding.proportionalTable(
        rowTotals: [Int64](repeating: LargestRemainder.maximumUnits, count: 3), columnTotals: [1])
    }
    #expect(throws: PlanningError.self) {
      try ShrinkageCovariance(residuals: [1, 2], series: Int.max, observations: 2)
    }
  }
}
