import AttainData
import AttainForecast
import AttainPlanning
import Testing

@testable import AttainWorkflow

@Suite struct EvaluateWorkflowTests {
  func day(_ y: Int, _ m: Int, _ d: Int = 1) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

  func entry(_ id: String, _ total: Double, probability: Double? = nil, incentive: Double? = nil) -> TargetFile.Entry {
    var e = TargetFile.Entry(id: id)
    e.total = total
    e.probability = probability
    e.incentive = incentive
    return e
  }

  func panel() -> Panel {
    var panel = Panel(frequency: .monthly)
    panel.append(id: "a", start: .date(day(2023, 11)), values: [100, 10, 20, 30, 40])  // Nov 2023 … Mar 2024
    panel.append(id: "b", start: .date(day(2024, 1)), values: [5, 5, 5])
    return panel
  }

  @Test func unitsAreScoredAndSummedIntoTotal() throws {
    let curve = try PayoutCurve(threshold: 0.8, payoutAtThreshold: 0.5, acceleratorSlope: 2, cap: 2)
    let grades = try GradeBands([("A", 1), ("B", 0.8)], otherwise: "C")
    let rows = try PlanWorkflow.evaluate(
      entries: [entry("a", 100, probability: 0.5, incentive: 1000), entry("b", 10)], actuals: panel(),
      start: day(2024, 1), end: day(2024, 3, 31), grades: grades, curve: curve,
      adjustment: try DifficultyAdjustment(strength: 0), defaultIncentive: 200)
    #expect(rows.map(\.id) == ["a", "b", "TOTAL"])
    #expect(rows.map(\.actual) == [90, 15, 105])  // only January…March are in the period
    #expect(rows[0].attainment == 0.9 && rows[0].grade == "B" && rows[1].grade == "A")
    #expect(rows[0].score != nil && rows[1].score == nil)
    #expect(rows[0].payout == curve.payout(0.9) * 1000 && rows[1].payout == curve.payout(1.5) * 200)
    #expect(rows[2].target == 110 && abs(rows[2].payoutFraction - (rows[0].payout + rows[1].payout) / 1200) < 1e-15)
  }

  @Test func missingActualsAndNonPositiveTargetsAreErrors() throws {
    let curve = try PayoutCurve(threshold: 0.8, payoutAtThreshold: 0.5, acceleratorSlope: 2, cap: 2)
    let grades = try GradeBands([("A", 1)], otherwise: "C")
    let adjustment = try DifficultyAdjustment(strength: 0)
    #expect(throws: PlanInputError("no actuals for 'z'")) {
      try PlanWorkflow.evaluate(
        entries: [entry("z", 1)], actuals: panel(), start: day(2024, 1), end: day(2024, 2), grades: grades,
        curve: curve, adjustment: adjustment, defaultIncentive: 1)
    }
    #expect(throws: DataError.self) {
      try PlanWorkflow.evaluate(
        entries: [entry("a", 0)], actuals: panel(), start: day(2024, 1), end: day(2024, 2), grades: grades,
        curve: curve, adjustment: adjustment, defaultIncentive: 1)
    }
  }

  @Test func incentiveCostFitsEachUnitOnceOnItsHistoryBeforeThePeriod() throws {
    var history = Panel(frequency: .monthly)
    for (u, id) in ["a", "b"].enumerated() {
      history.append(
        id: id, start: .date(day(2021, 1)), values: (0..<36).map { 100 + Double(u) * 20 + Double($0 % 12) * 2 })
    }
    let log = FitLog()
    let model = ModelSettings(method: CountingMethod(inner: Theta(), log: log), frequency: .monthly, threads: 2)
    let curve = try PayoutCurve(threshold: 0.8, payoutAtThreshold: 0.5, acceleratorSlope: 2, cap: 2)
    let summary = try PlanWorkflow.incentiveCost(
      entries: [entry("a", 1300), entry("b", 1500)], history: history, start: day(2023, 1), periods: 12,
      model: model, paths: 400, seed: 4, rho: 0.2, curve: curve, defaultIncentive: 100)
    #expect(log.fits(length: 24) == 2 && log.total == 2)  // 2021–2022 only
    #expect(summary.p10 <= summary.p50 && summary.p50 <= summary.p90 && summary.mean > 0)
    #expect(summary.onTargetCost == 200)
  }
}
