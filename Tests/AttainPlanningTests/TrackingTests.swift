import Testing

@testable import AttainPlanning

@Suite struct TrackingTests {
  /// Q1 2026 by month: targets 100/100/200 (Jan 31, Feb 28, Mar 31 days), actuals Jan 90,
  /// Feb 120; last year 80/100/150. Every number below is worked by hand.
  @Test func quarterByHand() throws {
    let r = try TrackingReport(
      TrackingInput(
        targets: [100, 100, 200], actuals: [90, 120], periodDays: [31, 28, 31], lastYear: [80, 100, 150],
        deviationThreshold: 0.05))
    #expect(r.target == 400 && r.actualToDate == 210 && r.targetToDate == 200)
    #expect(r.elapsedDays == 59 && r.totalDays == 90)
    #expect(close(try #require(r.completion), 0.525))
    #expect(close(try #require(r.timeElapsedByDays), 59.0 / 90))
    #expect(close(try #require(r.timeElapsedByProfile), 0.5))
    #expect(close(try #require(r.paceIndex), 1.05))
    #expect(close(try #require(r.linearLanding), 210 * 90 / 59.0))  // 320.34
    #expect(close(try #require(r.profileLandingEstimate), 420))
    #expect(r.gap == 190)
    #expect(close(try #require(r.requiredPerRemainingDay), 190 / 31.0))
    #expect(close(try #require(r.requiredPerRemainingPeriod), 190))
    #expect(close(try #require(r.requiredPerRemainingWeek), 7 * 190 / 31.0))
    #expect(close(try #require(r.requiredVersusPlan), 0.95))
    #expect(close(try #require(r.yearOverYear), 210.0 / 180 - 1))
    #expect(close(try #require(r.periodOverPeriod), 120.0 / 90 - 1))
    #expect(r.deviations.count == 2)
    let d0 = try #require(r.deviations[0])
    let d1 = try #require(r.deviations[1])
    #expect(close(d0, -0.1) && close(d1, 0.2))
    #expect(r.flags == [.behind, .ahead])
    #expect(r.cumulativeFlag == .onTrack)  // pace +5 % is not beyond ±5 %
  }

  @Test func edgeCases() throws {
    // Nothing elapsed: ratios with zero denominators are nil.
    let start = try TrackingReport(TrackingInput(targets: [10, 10], actuals: []))
    #expect(
      start.completion == 0 && start.paceIndex == nil && start.linearLanding == nil && start.periodOverPeriod == nil)
    #expect(start.requiredPerRemainingDay == 10)
    // All elapsed: no remaining time.
    let end = try TrackingReport(TrackingInput(targets: [10, 0], actuals: [12, 3]))
    #expect(end.requiredPerRemainingDay == nil && end.gap == -5)
    #expect(end.deviations[1] == nil && end.flags == [.ahead, .ahead])
    #expect(throws: PlanningError.self) { try TrackingReport(TrackingInput(targets: [1], actuals: [1, 2])) }
    #expect(throws: PlanningError.self) {
      try TrackingReport(TrackingInput(targets: [1, 2], actuals: [1], periodDays: [3]))
    }
  }
}

@Suite struct TrackingFromPlanTests {
  /// A uniform 2026 plan of 365 000: after January (31 000 actual = plan) the pace is 1 and
  /// both elapsed measures are 31/365; weekly grain counts the short first week (4 days).
  @Test func yearPlanByMonthAndWeek() throws {
    let plan = try TimePlan(splitting: 365_000, over: .year(2026))
    let r = try TrackingReport(TrackingInput(plan: plan, grain: .month, actuals: [31_000]))
    #expect(r.totalDays == 365 && r.elapsedDays == 31 && r.totalPeriods == 12)
    #expect(close(try #require(r.timeElapsedByDays), 31.0 / 365))
    #expect(close(try #require(r.timeElapsedByProfile), 31.0 / 365))
    #expect(close(try #require(r.paceIndex), 1))
    #expect(close(try #require(r.linearLanding), 365_000))
    let w = try TrackingReport(TrackingInput(plan: plan, grain: .isoWeek, actuals: [4000, 7000]))
    #expect(w.elapsedDays == 11 && w.targetToDate == 11_000 && w.totalPeriods == 53)
  }
}
