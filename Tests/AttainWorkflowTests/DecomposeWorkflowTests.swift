import AttainData
import AttainPlanning
import Testing

@testable import AttainWorkflow

@Suite struct DecomposeWorkflowTests {
  func day(_ y: Int, _ m: Int) -> PeriodStamp { .date(CalendarDate(year: y, month: m, day: 1)!) }

  func history() -> Panel {
    var panel = Panel(frequency: .monthly)
    panel.append(id: "a", start: day(2023, 1), values: (1...24).map { Double($0) })
    panel.append(id: "b", start: day(2023, 7), values: (1...18).map { 10 * Double($0) })
    return panel
  }

  @Test func seriesAreSummedOnTheirDates() {
    let totals = history().totalsByDate(series: [0, 1])
    #expect(totals.count == 24)
    #expect(totals[0].total == 1 && totals[6].total == 7 + 10 && totals[23].total == 24 + 180)
    #expect(totals.map(\.date) == totals.map(\.date).sorted())
  }

  @Test func sharesComeFromOneSeriesOrTheSum() throws {
    let panel = history()
    let one = try PlanWorkflow.monthShares(history: panel, id: "a", file: "h.csv")
    let totals = panel.totalsByDate(series: [0])
    #expect(one == (try SeasonalProfile.monthShares(monthlyHistory: totals.map(\.total), firstMonth: totals[0].date)))
    let all = try PlanWorkflow.monthShares(history: panel, id: nil, file: "h.csv")
    let sums = panel.totalsByDate(series: [0, 1])
    #expect(all == (try SeasonalProfile.monthShares(monthlyHistory: sums.map(\.total), firstMonth: sums[0].date)))
  }

  @Test func badHistoriesAreUsageErrors() {
    #expect(throws: PlanInputError("--id 'z' is not in h.csv", isUsage: true)) {
      try PlanWorkflow.monthShares(history: history(), id: "z", file: "h.csv")
    }
    var quarterly = Panel(frequency: .quarterly)
    quarterly.append(id: "q", start: day(2023, 1), values: [1, 2, 3, 4])
    #expect(throws: PlanInputError("--history must be a monthly series CSV", isUsage: true)) {
      try PlanWorkflow.monthShares(history: quarterly, id: nil, file: "h.csv")
    }
    #expect(throws: PlanInputError("--history has no dated values", isUsage: true)) {
      try PlanWorkflow.monthShares(history: Panel(frequency: .monthly), id: nil, file: "h.csv")
    }
  }
}
