import Testing

@testable import AttainPlanning

@Suite struct LargestRemainderTests {
  @Test func equalThirdsTieGoesToLowerIndex() throws {
    // Quotas 33.33…; one leftover unit, three equal remainders → index 0.
    #expect(try LargestRemainder.apportion(units: 100, weights: [1, 1, 1]) == [34, 33, 33])
  }

  @Test func handCheckedQuotas() throws {
    // T = 7, w = (0.35, 0.35, 0.30): quotas 2.45, 2.45, 2.10 → floors 2,2,2, one leftover,
    // remainders .45 = .45 > .10, tie → index 0.
    #expect(try LargestRemainder.apportion(units: 7, weights: [0.35, 0.35, 0.30]) == [3, 2, 2])
    // T = 10, w = (6, 3, 1)/10 → exact quotas, no leftover.
    #expect(try LargestRemainder.apportion(units: 10, weights: [6, 3, 1]) == [6, 3, 1])
    // T = 25, w = (1, 2, 4): quotas 3.571, 7.143, 14.286 → 3+7+14 = 24, leftover to .571.
    #expect(try LargestRemainder.apportion(units: 25, weights: [1, 2, 4]) == [4, 7, 14])
  }

  @Test func centsOfMoney() throws {
    let parts = try LargestRemainder.apportion(100, weights: [1, 1, 1], unit: 0.01)
    #expect(parts == [33.34, 33.33, 33.33])
    // The amount is first rounded to the unit: 1000.4 with unit 1 → 1000.
    let whole = try LargestRemainder.apportion(1000.4, weights: [1, 3], unit: 1)
    #expect(whole == [250, 750])
  }

  @Test func negativeTotalMirrorsPositive() throws {
    #expect(try LargestRemainder.apportion(units: -100, weights: [1, 1, 1]) == [-34, -33, -33])
  }

  @Test func allZeroWeightsSplitEqually() throws {
    #expect(try LargestRemainder.apportion(units: 10, weights: [0, 0, 0]) == [4, 3, 3])
  }

  @Test func zeroWeightGetsNothing() throws {
    #expect(try LargestRemainder.apportion(units: 5, weights: [0, 1, 0, 1]) == [0, 3, 0, 2])
  }

  @Test func invalidInputsThrow() {
    #expect(throws: PlanningError.invalidWeight(index: 1, value: -1)) {
      try LargestRemainder.apportion(units: 5, weights: [1, -1])
    }
    #expect(throws: PlanningError.emptyWeights) { try LargestRemainder.apportion(units: 5, weights: []) }
    #expect(throws: PlanningError.invalidUnit(0)) { try LargestRemainder.apportion(5, weights: [1], unit: 0) }
    #expect(throws: PlanningError.self) { try LargestRemainder.apportion(.nan, weights: [1]) }
    #expect(throws: PlanningError.self) { try LargestRemainder.apportion(1e300, weights: [1], unit: 0.01) }
    #expect(throws: PlanningError.self) { try LargestRemainder.apportion(units: 5, weights: [1, .infinity]) }
  }

  /// Property: exact sum, quota property (each part is ⌊q⌋ or ⌈q⌉), zero weight → 0,
  /// invariance to scaling the weights by a power of two (exact in floating point).
  @Test func randomPropertiesHold() throws {
    var rng = seededGenerator(20_261_125)
    for _ in 0..<2000 {
      let n = Int(rng.next() % 12) + 1
      var w = [Double](repeating: 0, count: n)
      for i in 0..<n { w[i] = rng.next() % 4 == 0 ? 0 : rng.nextUniform() * 100 }
      let total = Int64(rng.next() % 100_000) - 20_000
      let parts = try LargestRemainder.apportion(units: total, weights: w)
      #expect(parts.reduce(0, +) == total)
      let sum = w.reduce(0, +)
      for i in 0..<n {
        let q = sum == 0 ? Double(total) / Double(n) : Double(total) * w[i] / sum
        #expect(Double(parts[i]) >= q.rounded(.down) - 1e-9 && Double(parts[i]) <= q.rounded(.up) + 1e-9)
        if sum > 0 && w[i] == 0 { #expect(parts[i] == 0) }
      }
      let scaled = try LargestRemainder.apportion(units: total, weights: w.map { $0 * 1024 })
      #expect(scaled == parts)
    }
  }

  /// Independent check: Hamilton's apportionment minimises Σ (p_i − q_i)² over all
  /// non-negative integer vectors with Σ p_i = T (Balinski & Young 2001, ch. 2). Brute force
  /// over every composition for small T and n.
  @Test func minimisesSquaredDeviationByBruteForce() throws {
    var rng = seededGenerator(42)
    for _ in 0..<200 {
      let n = Int(rng.next() % 3) + 2
      let total = Int64(rng.next() % 13)
      let w = (0..<n).map { _ in Double(rng.next() % 10) }
      let sum = w.reduce(0, +)
      let q = w.map { sum == 0 ? Double(total) / Double(n) : Double(total) * $0 / sum }
      func cost(_ p: [Int64]) -> Double { zip(p, q).reduce(0) { $0 + (Double($1.0) - $1.1) * (Double($1.0) - $1.1) } }
      var best = Double.infinity
      func enumerate(_ prefix: [Int64], _ left: Int64) {
        if prefix.count == n - 1 {
          best = min(best, cost(prefix + [left]))
          return
        }
        for k in 0...left { enumerate(prefix + [k], left - k) }
      }
      enumerate([], total)
      let parts = try LargestRemainder.apportion(units: total, weights: w)
      #expect(abs(cost(parts) - best) < 1e-9, "w = \(w), T = \(total)")
    }
  }

  @Test func hugeTotalsStayExact() throws {
    let total = LargestRemainder.maximumUnits - 7
    let parts = try LargestRemainder.apportion(units: total, weights: [1, 1e-9, 3, 0.5])
    #expect(parts.reduce(0, +) == total)
  }
}
