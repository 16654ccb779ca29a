import Testing

@testable import AttainPlanning

@Suite struct ControlledRoundingTests {
  @Test func smallTableByHand() throws {
    // Rows 1, 1; columns 1, 1: x = 0.5 everywhere → a permutation; greedy takes (0,0) first
    // (ties to the lower index), then (1,1).
    #expect(try ControlledRounding.proportionalTable(rowTotals: [1, 1], columnTotals: [1, 1]) == [1, 0, 0, 1])
    // Rows 3, 7; columns 5, 5: x = 1.5/1.5/3.5/3.5 → rows need 1 and 1 extra, columns 1 and 1.
    let n = try ControlledRounding.proportionalTable(rowTotals: [3, 7], columnTotals: [5, 5])
    #expect(n == [2, 1, 3, 4])
    #expect(throws: PlanningError.self) { try ControlledRounding.proportionalTable(rowTotals: [1], columnTotals: [2]) }
    #expect(throws: PlanningError.self) {
      try ControlledRounding.proportionalTable(rowTotals: [-1, 2], columnTotals: [1])
    }
  }

  /// Property: exact margins and every cell within one unit of R_i·C_j/T, on random tables
  /// (including zeros and tables where greedy alone cannot finish).
  @Test func randomTablesHaveExactMargins() throws {
    var rng = seededGenerator(17)
    for _ in 0..<300 {
      let r = Int(rng.next() % 8) + 1
      let c = Int(rng.next() % 8) + 1
      let rows = (0..<r).map { _ in rng.next() % 4 == 0 ? Int64(0) : Int64(rng.next() % 50) }
      let total = rows.reduce(0, +)
      guard total > 0 else { continue }
      let weights = (0..<c).map { _ in rng.nextUniform() }
      let columns = try LargestRemainder.apportion(units: total, weights: weights)
      let n = try ControlledRounding.proportionalTable(rowTotals: rows, columnTotals: columns)
      for i in 0..<r { #expect(n[(i * c)..<((i + 1) * c)].reduce(0, +) == rows[i]) }
      for j in 0..<c { #expect((0..<r).reduce(Int64(0)) { $0 + n[$1 * c + j] } == columns[j]) }
      for i in 0..<r {
        for j in 0..<c {
          let x = Double(rows[i]) * Double(columns[j]) / Double(total)
          #expect(Double(n[i * c + j]) >= x.rounded(.down) - 1e-9 && Double(n[i * c + j]) <= x.rounded(.up) + 1e-9)
        }
      }
    }
  }

  @Test func teamPlanIsConsistentBothWays() throws {
    let splitter = try TimeSplitter(
      range: .year(2026),
      profile: SeasonalProfile(
        monthShares: (1...12).map { Double($0) }, weekdayWeights: [1, 1, 1, 1, 1.3, 0.7, 0.2],
        events: [.double11(multiplier: 3)]))
    var rng = seededGenerator(23)
    let targets = (0..<37).map { _ in Int64(rng.next() % 1_000_000) }
    let (days, team) = try splitter.splitConsistently(units: targets)
    let d = 365
    #expect(team == (try splitter.split(Double(targets.reduce(0, +)))).dayUnits)
    for (k, t) in targets.enumerated() { #expect(days[(k * d)..<((k + 1) * d)].reduce(0, +) == t) }
    for i in 0..<d { #expect((0..<targets.count).reduce(Int64(0)) { $0 + days[$1 * d + i] } == team[i]) }
    // Each member's month is within one unit of its proportional share of the team's month
    // given its quarter (so within a few units of target × month share).
    let plan = try splitter.split(Double(targets.reduce(0, +)))
    for (k, t) in targets.enumerated() {
      for m in plan.months {
        let mine = days[(k * d + m.days.lowerBound)..<(k * d + m.days.upperBound)].reduce(0, +)
        let share = Double(t) * Double(m.units) / Double(plan.totalUnits)
        #expect(abs(Double(mine) - share) < 3)
      }
    }
  }
}
