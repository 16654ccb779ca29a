import AttainData
import AttainForecast
import Testing

@testable import AttainWorkflow

@Suite struct PlanPeriodsTests {
  func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

  @Test func monthsOfAYearWithTheLastClipped() throws {
    let periods = try PlanPeriods(start: day(2024, 1, 1), end: day(2024, 3, 15), frequency: .monthly)
    #expect(periods.starts == [day(2024, 1, 1), day(2024, 2, 1), day(2024, 3, 1)])
    #expect(periods.ends == [day(2024, 1, 31), day(2024, 2, 29), day(2024, 3, 15)])
    #expect(periods.days == [31, 29, 15])
    #expect(periods.elapsed(asOf: day(2024, 2, 28)) == 1)
    #expect(periods.elapsed(asOf: day(2024, 2, 29)) == 2)
    #expect(periods.period(containing: day(2024, 2, 10)) == 1)
    #expect(periods.period(containing: day(2024, 3, 16)) == nil)
    #expect(periods.period(containing: day(2023, 12, 31)) == nil)
  }

  @Test func badPlansAreUsageErrors() {
    #expect(throws: PlanInputError("the plan period ends (2024-01-01) before it starts (2024-02-01)", isUsage: true)) {
      try PlanPeriods(start: day(2024, 2, 1), end: day(2024, 1, 1), frequency: .monthly)
    }
    #expect(throws: PlanInputError("tracking needs dated series (ds as YYYY-MM-DD)", isUsage: true)) {
      try PlanPeriods(start: day(2024, 1, 1), end: day(2024, 2, 1), frequency: .index)
    }
  }

  @Test func totalsArePhasedByDaysAndPhasedRowsAreBucketed() throws {
    let periods = try PlanPeriods(start: day(2024, 1, 1), end: day(2024, 3, 31), frequency: .monthly)
    var entry = TargetFile.Entry(id: "a")
    entry.total = 91
    #expect(try periods.targets(of: entry, phased: false) == [31, 29, 31])
    entry.phased = [(day(2024, 1, 15), 5), (day(2024, 3, 1), 7), (day(2024, 1, 1), 1)]
    #expect(try periods.targets(of: entry, phased: true) == [6, 0, 7])
    entry.phased = [(day(2024, 4, 1), 5)]
    #expect(throws: PlanInputError.self) { try periods.targets(of: entry, phased: true) }
  }
}

@Suite struct TrackedUnitsTests {
  func day(_ y: Int, _ m: Int, _ d: Int = 1) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

  /// Two units with monthly history from January 2022 through the months given.
  func panel(months: Int, values: (Int, Int) -> Double) -> Panel {
    var panel = Panel(frequency: .monthly)
    for (u, id) in ["a", "b"].enumerated() {
      panel.append(id: id, start: .date(day(2022, 1)), values: (0..<months).map { values(u, $0) })
    }
    return panel
  }

  func entries(_ totals: [Double]) -> [TargetFile.Entry] {
    zip(["a", "b"], totals).map { id, total in
      var e = TargetFile.Entry(id: id)
      e.total = total
      return e
    }
  }

  @Test func actualsHistoryAndLastYearAreAligned() throws {
    // 2022–2023 history, actuals Jan–Mar 2024 (36 + 3 months in one panel).
    let all = panel(months: 27) { u, t in Double(100 * (u + 1) + t) }
    let periods = try PlanPeriods(start: day(2024, 1), end: day(2024, 12, 31), frequency: .monthly)
    let history = panel(months: 24) { u, t in Double(100 * (u + 1) + t) }
    let tracked = try TrackedUnits(
      entries: entries([1200, 2400]), phased: false, periods: periods, elapsed: 3, actuals: all, history: history)
    #expect(tracked.actuals == [[124, 125, 126], [224, 225, 226]])
    #expect(tracked.lastYear.map { $0 ?? [] } == [[112, 113, 114], [212, 213, 214]])
    #expect(tracked.fitPanel.ids == ["a", "b"])
    #expect(Array(tracked.fitPanel.values(of: 0)) == (0..<24).map { Double(100 + $0) } + [124, 125, 126])
    #expect(tracked.periodTargets[0].count == 12)
    let total = tracked.total(periods: 12, elapsed: 3)
    #expect(total.actuals == [348, 350, 352])
    #expect(total.lastYear == [324, 326, 328])
    #expect(abs(total.targets.reduce(0, +) - 3600) < 1e-9)
    #expect(zip(total.targets, zip(tracked.periodTargets[0], tracked.periodTargets[1])).allSatisfy { $0 == $1.0 + $1.1 })
  }

  @Test func missingInputsAreNamed() throws {
    let periods = try PlanPeriods(start: day(2024, 1), end: day(2024, 12, 31), frequency: .monthly)
    let history = panel(months: 24) { _, t in Double(t) }
    let short = panel(months: 25) { _, t in Double(t) }
    #expect(throws: PlanInputError("no actual for 'a' in the period starting 2024-02-01")) {
      try TrackedUnits(entries: entries([1, 1]), phased: false, periods: periods, elapsed: 2, actuals: short, history: history)
    }
    let early = panel(months: 20) { _, t in Double(t) }
    #expect(throws: PlanInputError("history of 'a' ends at 2023-08-01, not just before 2024-01-01")) {
      try TrackedUnits(entries: entries([1, 1]), phased: false, periods: periods, elapsed: 0, actuals: history, history: early)
    }
    var unknown = entries([1])
    unknown[0].id = "z"
    #expect(throws: PlanInputError("no history for 'z'")) {
      try TrackedUnits(entries: unknown, phased: false, periods: periods, elapsed: 0, actuals: history, history: history)
    }
  }

  @Test func lastYearIsDroppedFromTheTotalWhenAUnitLacksIt() {
    let units = TrackedUnits(
      actuals: [[1, 2], [3, 4]], periodTargets: [[5, 5, 5], [1, 1, 1]], lastYear: [[1, 1], nil],
      fitPanel: Panel(frequency: .monthly))
    let total = units.total(periods: 3, elapsed: 2)
    #expect(total.targets == [6, 6, 6] && total.actuals == [4, 6] && total.lastYear == nil)
  }

  @Test func trackFitsEachUnitOnceAndAddsATotalRow() throws {
    let all = panel(months: 30) { u, t in 100 + Double(u) * 50 + Double(t % 12) * 3 + Double(t) }
    let history = panel(months: 24) { u, t in 100 + Double(u) * 50 + Double(t % 12) * 3 + Double(t) }
    let periods = try PlanPeriods(start: day(2024, 1), end: day(2024, 12, 31), frequency: .monthly)
    let log = FitLog()
    let model = ModelSettings(method: CountingMethod(inner: Theta(), log: log), frequency: .monthly, threads: 2)
    let rows = try PlanWorkflow.track(
      entries: entries([2000, 2600]), phased: false, periods: periods, elapsed: 6, actuals: all, history: history,
      model: model, settings: TrackSettings(paths: 500, seed: 3))
    #expect(log.fits(length: 30) == 2 && log.total == 2)
    #expect(rows.map(\.id) == ["a", "b", "TOTAL"])
    #expect(abs(rows[2].report.actualToDate - rows[0].report.actualToDate - rows[1].report.actualToDate) < 1e-9)
    #expect(abs(rows[2].report.target - 4600) < 1e-9)
    #expect(rows.allSatisfy { $0.outlook.landingQuantiles.count == 3 })
  }
}
