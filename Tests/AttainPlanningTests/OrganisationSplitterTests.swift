import Testing

@testable import AttainPlanning

@Suite struct OrganisationSplitterTests {
  @Test func blendOfHistoryAndForecast() throws {
    // History shares .1/.2/.7, forecast shares .12/.18/.70 → blended .11/.19/.70.
    let units = [
      PlanningUnit(id: "a", lastYear: 100, forecast: 120), PlanningUnit(id: "b", lastYear: 200, forecast: 180),
      PlanningUnit(id: "c", lastYear: 700, forecast: 700),
    ]
    let split = try OrganisationSplitter().split(1000, over: units)
    #expect(split.units == [110, 190, 700])
    #expect(split.ids == ["a", "b", "c"])
    #expect(close(split.weights[0], 0.11) && close(split.weights[1], 0.19))
  }

  @Test func growthBoundsClampAndRedistribute() throws {
    // Forecast-only weights .2/.1/.1/.6 of 1100 would give 220/110/110/660; bounds −5 %…+30 %
    // on last year 100/100/100/700 allow 95…130 and 665…910. Unit a caps at 130; the rest stay
    // proportional: 130 + 0.8 λ = 1100 → λ = 1212.5 → 121.25, 121.25, 727.5 (all inside bounds).
    let units = [
      PlanningUnit(id: "a", lastYear: 100, forecast: 200), PlanningUnit(id: "b", lastYear: 100, forecast: 100),
      PlanningUnit(id: "c", lastYear: 100, forecast: 100), PlanningUnit(id: "d", lastYear: 700, forecast: 600),
    ]
    let splitter = OrganisationSplitter(
      blend: BlendWeights(forecast: 1), growth: GrowthBounds(minimum: -0.05, maximum: 0.30))
    let split = try splitter.split(1100, over: units)
    #expect(close(split.lambda, 1212.5))
    #expect(split.status == [.atCap, .proportional, .proportional, .proportional])
    // Rounding 130, 121.25, 121.25, 727.5 to whole units: the leftover unit goes to the .5 remainder.
    #expect(split.units == [130, 121, 121, 728])
    // Total 750 is below the floors 3·95 + 665 = 950.
    #expect(throws: PlanningError.infeasibleBounds(group: "", total: 750, minimum: 950, maximum: 1300)) {
      try splitter.split(750, over: units)
    }
    #expect(throws: PlanningError.self) { try splitter.split(1400, over: units) }
    // Everyone at the floor: exactly 950 is feasible.
    #expect(try splitter.split(950, over: units).units == [95, 95, 95, 665])
  }

  @Test func perUnitBoundsAndNamedInfeasibleGroup() throws {
    // Equal history 100/100; a's own bounds 0…+10 % cap it at 110 of 300; b takes the rest
    // (the splitter's bounds −50 %…+200 % allow up to 300).
    let units = [
      PlanningUnit(id: "a", lastYear: 100, growth: GrowthBounds(minimum: 0, maximum: 0.1)),
      PlanningUnit(id: "b", lastYear: 100),
    ]
    let splitter = OrganisationSplitter(
      blend: BlendWeights(history: 1), growth: GrowthBounds(minimum: -0.5, maximum: 2))
    let split = try splitter.split(300, over: units)
    #expect(split.units == [110, 190] && split.status == [.atCap, .proportional])
    // In a tree, infeasibility names the parent whose children cannot meet their bounds.
    let tree = [
      OrganisationNode(
        PlanningUnit(id: "north", lastYear: 100),
        children: [
          OrganisationNode(PlanningUnit(id: "r1", lastYear: 10)),
          OrganisationNode(PlanningUnit(id: "r2", lastYear: 10)),
        ])
    ]
    let capped = OrganisationSplitter(
      blend: BlendWeights(history: 1), growth: GrowthBounds(minimum: -0.1, maximum: 0.1))
    #expect(throws: PlanningError.infeasibleBounds(group: "north", total: 100, minimum: 18, maximum: 22)) {
      try capped.decompose(100, tree: tree)
    }
  }

  @Test func newUnitsRampAndBuffer() throws {
    // History shares .25/.75; the new unit gets the mean .5 × ramp .5 = .25 → .2/.6/.2.
    let units = [
      PlanningUnit(id: "a", lastYear: 100), PlanningUnit(id: "b", lastYear: 300),
      PlanningUnit(id: "new", ramp: 0.5, isNew: true),
    ]
    let splitter = OrganisationSplitter(blend: BlendWeights(history: 1))
    #expect(try splitter.split(1000, over: units).units == [200, 600, 200])
    // 10 % buffer: the parts sum to 1100.
    let buffered = try splitter.split(1000, over: units, buffer: 0.1)
    #expect(buffered.units == [220, 660, 220] && buffered.totalUnits == 1100)
  }

  @Test func treeIsConsistent() throws {
    let tree = [
      OrganisationNode(
        PlanningUnit(id: "north", lastYear: 600), buffer: 0.05,
        children: [
          OrganisationNode(PlanningUnit(id: "r1", lastYear: 400)),
          OrganisationNode(PlanningUnit(id: "r2", lastYear: 200)),
        ]),
      OrganisationNode(
        PlanningUnit(id: "south", lastYear: 400),
        children: [
          OrganisationNode(PlanningUnit(id: "s1", lastYear: 100)),
          OrganisationNode(PlanningUnit(id: "s2", lastYear: 300)),
          OrganisationNode(PlanningUnit(id: "s3", ramp: 0.5, isNew: true)),
        ]),
    ]
    let targets = try OrganisationSplitter(blend: BlendWeights(history: 1)).decompose(10_000, tree: tree)
    let byId = Dictionary(uniqueKeysWithValues: targets.map { ($0.id, $0.units) })
    #expect(byId == ["north": 6000, "r1": 4200, "r2": 2100, "south": 4000, "s1": 800, "s2": 2400, "s3": 800])
    #expect(targets.map(\.id) == ["north", "r1", "r2", "south", "s1", "s2", "s3"])
    #expect(targets[1].parent == "north" && targets[1].level == 1)
  }

  @Test func missingIndicatorThrows() {
    let units = [PlanningUnit(id: "a", lastYear: 1, forecast: 2), PlanningUnit(id: "b", lastYear: 1)]
    #expect(throws: PlanningError.missingValue(unit: "b", column: "forecast")) {
      try OrganisationSplitter().split(10, over: units)
    }
    #expect(throws: PlanningError.self) {
      try OrganisationSplitter().split(10, over: [PlanningUnit(id: "a", lastYear: 1, forecast: 1, ramp: 2)])
    }
  }

  /// Property: the exact λ matches a bisection on `Σ clamp(λ w_i, lo_i, hi_i) = A`, the KKT
  /// conditions hold (free units proportional, floors/caps only where λw is outside), and the
  /// rounded parts sum exactly.
  @Test func clampedProportionalMatchesBisection() throws {
    var rng = seededGenerator(7)
    for _ in 0..<300 {
      let n = Int(rng.next() % 9) + 2
      let w = (0..<n).map { _ in rng.next() % 5 == 0 ? 0 : rng.nextUniform() }
      let lo = (0..<n).map { _ in rng.next() % 3 == 0 ? 0 : rng.nextUniform() * 50 }
      let hi = (0..<n).map { i in rng.next() % 4 == 0 ? Double.infinity : lo[i] + rng.nextUniform() * 100 }
      var minimum = 0.0
      var maximum = 0.0
      for i in 0..<n {
        minimum += lo[i]
        maximum += w[i] > 0 ? hi[i] : lo[i]
      }
      let top = maximum.isFinite ? maximum : minimum + 500
      let amount = minimum + rng.nextUniform() * (top - minimum)
      let (x, lambda) = try clampedProportional(amount: amount, weights: w, lower: lo, upper: hi, group: "")
      #expect(close(x.reduce(0, +), amount, rel: 1e-10, abs: 1e-9))
      func g(_ l: Double) -> Double { (0..<n).reduce(0) { $0 + min(max(l * w[$1], lo[$1]), hi[$1]) } }
      var a = 0.0
      var b = 1.0
      while g(b) < amount && b < 1e15 { b *= 2 }
      for _ in 0..<200 {
        let m = (a + b) / 2
        if g(m) < amount { a = m } else { b = m }
      }
      for i in 0..<n { #expect(close(x[i], min(max(b * w[i], lo[i]), hi[i]), rel: 1e-8, abs: 1e-7)) }
      for i in 0..<n where x[i] > lo[i] + 1e-9 && x[i] < hi[i] - 1e-9 { #expect(close(x[i], lambda * w[i], rel: 1e-9)) }
    }
  }

  @Test func randomTreesSumExactly() throws {
    var rng = seededGenerator(99)
    for _ in 0..<50 {
      let regions = (0..<Int(rng.next() % 4 + 1)).map { r in
        OrganisationNode(
          PlanningUnit(id: "R\(r)", lastYear: rng.nextUniform() * 1000 + 1, forecast: rng.nextUniform() * 1000),
          buffer: Double(rng.next() % 3) * 0.05,
          children: (0..<Int(rng.next() % 5 + 1)).map { k in
            OrganisationNode(
              PlanningUnit(
                id: "R\(r)-\(k)", lastYear: rng.nextUniform() * 100, forecast: rng.nextUniform() * 100,
                ramp: rng.next() % 4 == 0 ? 0.5 : 1))
          })
      }
      let total = rng.nextUniform() * 1e6
      let buffer = Double(rng.next() % 2) * 0.1
      let targets = try OrganisationSplitter(unit: 0.01).decompose(total, tree: regions, buffer: buffer)
      let top = targets.filter { $0.level == 0 }.map(\.units).reduce(0, +)
      #expect(top == (try LargestRemainder.units(of: total * (1 + buffer), unit: 0.01)))
      for r in regions {
        let parent = try #require(targets.first { $0.id == r.unit.id })
        let kids = targets.filter { $0.parent == r.unit.id }.map(\.units).reduce(0, +)
        #expect(kids == Int64((Double(parent.units) * (1 + r.buffer)).rounded(.toNearestOrAwayFromZero)))
      }
    }
  }
}
