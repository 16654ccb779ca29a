import AttainData
import Testing

@testable import AttainPlanning

private func date(_ y: Int, _ m: Int, _ d: Int) throws -> CalendarDate {
  try #require(CalendarDate(year: y, month: m, day: d))
}

@Suite struct TimeDecompositionTests {
  @Test func isoWeeksMatchTheStandard() throws {
    // ISO 8601 examples: years starting Thu (2026) have 53 weeks; 2021-01-03 is in 2020-W53.
    #expect(try date(2026, 1, 1).isoWeek == (2026, 1))
    #expect(try date(2027, 1, 1).isoWeek == (2026, 53))
    #expect(try date(2021, 1, 3).isoWeek == (2020, 53))
    #expect(try date(2021, 1, 4).isoWeek == (2021, 1))
    #expect(try date(2024, 12, 30).isoWeek == (2025, 1))
    #expect(try date(2008, 12, 29).isoWeek == (2009, 1))
  }

  @Test func uniformYearGivesEqualDays() throws {
    let plan = try TimePlan(splitting: 365_000, over: .year(2026))
    #expect(plan.dayUnits.count == 365)
    #expect(plan.dayUnits.allSatisfy { $0 == 1000 })
    #expect(plan.months.map(\.units) == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].map { Int64($0 * 1000) })
    #expect(plan.quarters.map(\.units) == [90_000, 91_000, 92_000, 92_000])
    #expect(plan.quarters.map(\.label) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
    // 2026-01-01 is a Thursday: W01 holds Jan 1–4 only (Dec 29–31 of 2025 are outside).
    #expect(plan.weeks.count == 53)
    #expect(plan.weeks[0].label == "2026-W01" && plan.weeks[0].units == 4000)
    let jan1 = try date(2026, 1, 1)
    let jan4 = try date(2026, 1, 4)
    #expect(plan.weeks[0].start == jan1 && plan.weeks[0].end == jan4)
    #expect(plan.weeks[1].units == 7000)
    #expect(plan.weeks[52].label == "2026-W53" && plan.weeks[52].units == 4000)
  }

  @Test func workingDaysAndHoliday() throws {
    // January 2026: 22 weekdays, minus the Jan 1 holiday = 21 working days; weekends weight 0.
    let cal = WorkingCalendar(holidays: [try date(2026, 1, 1)])
    #expect(cal.workingDays(in: try .month(2026, 1)) == 21)
    let plan = try TimePlan(
      splitting: 2100, over: try .month(2026, 1), profile: SeasonalProfile(workingDays: cal))
    for (i, u) in plan.dayUnits.enumerated() {
      let d = plan.range.start.adding(days: i)
      #expect(u == (cal.isWorkingDay(d) ? 100 : 0))
    }
    // A make-up working Saturday (Jan 3) takes a share; weekend days at weight 0.5.
    var cal2 = cal
    cal2.workingOverrides = [try date(2026, 1, 3)]
    cal2.nonWorkingDayWeight = 0.5
    // 22 working days + 9 non-working (8 weekend days without Jan 3, plus Jan 1) × 0.5 = 26.5.
    let plan2 = try TimePlan(
      splitting: 2650, over: try .month(2026, 1), profile: SeasonalProfile(workingDays: cal2))
    #expect(plan2.amount(on: try date(2026, 1, 3)) == 100)
    #expect(plan2.amount(on: try date(2026, 1, 4)) == 50)
    #expect(plan2.amount(on: try date(2026, 1, 1)) == 50)
  }

  @Test func double11AndBlackFriday() throws {
    // November 2026, uniform + Double 11 ×3: weights 29 × 1 + 3 = 32 → 100 per day, 300 on Nov 11.
    let plan = try TimePlan(
      splitting: 3200, over: try .month(2026, 11), profile: SeasonalProfile(events: [.double11(multiplier: 3)]))
    #expect(plan.amount(on: try date(2026, 11, 11)) == 300)
    #expect(plan.amount(on: try date(2026, 11, 12)) == 100)
    // US Thanksgiving 2026 is Nov 26, 2025 is Nov 27: Black Friday the day after.
    let bf = EventUplift.blackFriday(multiplier: 2)
    let (a, b, c, d) = (try date(2026, 11, 27), try date(2026, 11, 20), try date(2025, 11, 28), try date(2025, 11, 21))
    #expect(bf.applies(to: a) && !bf.applies(to: b))
    #expect(bf.applies(to: c) && !bf.applies(to: d))
    let thanksgiving = EventUplift(.nthWeekday(month: 11, weekday: 4, n: 4), multiplier: 1)
    #expect(thanksgiving.applies(to: try date(2026, 11, 26)))
    // US Memorial Day 2026: the last Monday of May is May 25 (not May 18).
    let memorial = EventUplift(.nthWeekday(month: 5, weekday: 1, n: -1), multiplier: 1)
    let (may25, may18) = (try date(2026, 5, 25), try date(2026, 5, 18))
    #expect(memorial.applies(to: may25) && !memorial.applies(to: may18))
  }

  @Test func monthSharesAreKeptAndEventsMoveWithinTheMonth() throws {
    let shares = (1...12).map(Double.init)  // Σ = 78
    let profile = SeasonalProfile(monthShares: shares, events: [.double11(multiplier: 3)])
    let plan = try TimePlan(splitting: 78_000, over: .year(2026), profile: profile)
    #expect(plan.months.map(\.units) == (1...12).map { Int64($0 * 1000) })
    // November: 11000 over 29 + 3 = 32 day-weights → Nov 11 gets 3/32 of it.
    let nov11 = try #require(plan.amount(on: try date(2026, 11, 11)))
    #expect(abs(nov11 - 11_000 * 3 / 32) <= 1)
  }

  @Test func partialMonthsGetTheirPartOfTheShare() throws {
    // Jan 16 … Feb 14, 2026 with equal month shares: Jan carries 16/31 of a share, Feb 14/28.
    let range = try DateRange(start: try date(2026, 1, 16), end: try date(2026, 2, 14))
    let plan = try TimePlan(
      splitting: 10_000, over: range, profile: SeasonalProfile(monthShares: [Double](repeating: 1, count: 12)))
    let jan = 10_000 * (16.0 / 31) / (16.0 / 31 + 0.5)
    #expect(abs(Double(plan.months[0].units) - jan) < 1)
    #expect(plan.months.map(\.label) == ["2026-01", "2026-02"])
    #expect(plan.quarters.count == 1 && plan.quarters[0].units == 10_000)
  }

  @Test func rangeAcrossYears() throws {
    // Dec 15 2025 … Jan 15 2026 (32 days, uniform): Q4 2025 holds 17 days, Q1 2026 15 days.
    let range = try DateRange(start: try date(2025, 12, 15), end: try date(2026, 1, 15))
    let plan = try TimePlan(splitting: 3200, over: range)
    #expect(plan.quarters.map(\.label) == ["2025-Q4", "2026-Q1"])
    #expect(plan.quarters.map(\.units) == [1700, 1500])
    #expect(plan.months.map(\.label) == ["2025-12", "2026-01"])
    // ISO weeks: Dec 15 2025 is a Monday (2025-W51); Dec 29 2025 … Jan 4 2026 is 2026-W01.
    #expect(plan.weeks.map(\.label) == ["2025-W51", "2025-W52", "2026-W01", "2026-W02", "2026-W03"])
    #expect(plan.weeks.map(\.units) == [700, 700, 700, 700, 400])
  }

  @Test func cents() throws {
    let plan = try TimePlan(splitting: 1000, over: try .month(2026, 2), unit: 0.01)
    #expect(plan.totalUnits == 100_000)
    // 100000 cents over 28 days: 3571.43 → 12 days get 3572 cents, 16 days 3571.
    #expect(plan.dayUnits.filter { $0 == 3572 }.count == 12)
    #expect(plan.dayUnits.filter { $0 == 3571 }.count == 16)
  }

  @Test func invalidProfilesThrow() throws {
    #expect(throws: PlanningError.lengthMismatch(name: "monthShares", expected: 12, got: 11)) {
      try TimeSplitter(range: .year(2026), profile: SeasonalProfile(monthShares: [Double](repeating: 1, count: 11)))
    }
    #expect(throws: PlanningError.self) {
      try TimeSplitter(
        range: .month(2026, 1),
        profile: SeasonalProfile(
          monthShares: [Double](repeating: 1, count: 12), dayWeights: [Double](repeating: 1, count: 31)))
    }
    #expect(throws: PlanningError.invalidWeight(index: 2, value: -1)) {
      try TimeSplitter(range: .year(2026), profile: SeasonalProfile(weekdayWeights: [1, 1, -1, 1, 1, 1, 1]))
    }
    #expect(throws: PlanningError.self) { try DateRange(start: try date(2026, 2, 1), end: try date(2026, 1, 1)) }
    #expect(throws: PlanningError.self) { try DateRange.quarter(2026, 5) }
  }

  /// Property: nested sums are exact for random profiles, ranges and targets; each level's
  /// parts are within one unit of their quota.
  @Test func nestedConsistencyOnRandomProfiles() throws {
    var rng = seededGenerator(11)
    for _ in 0..<60 {
      let start = CalendarDate(dayNumber: 19_000 + Int(rng.next() % 1500))
      let range = try DateRange(start: start, end: start.adding(days: Int(rng.next() % 500)))
      var profile = SeasonalProfile(
        weekdayWeights: (0..<7).map { _ in rng.nextUniform() + 0.1 },
        workingDays: WorkingCalendar(nonWorkingDayWeight: rng.nextUniform()),
        events: [.double11(multiplier: 3), .blackFriday(multiplier: 2)])
      if rng.next() % 2 == 0 { profile.monthShares = (0..<12).map { _ in rng.nextUniform() } }
      let target = Double(rng.next() % 10_000_000) - 1_000_000
      let plan = try TimePlan(splitting: target, over: range, profile: profile, unit: 0.01)
      let days = plan.dayUnits
      #expect(days.reduce(0, +) == plan.totalUnits)
      #expect(plan.quarters.map(\.units).reduce(0, +) == plan.totalUnits)
      #expect(plan.weeks.map(\.units).reduce(0, +) == plan.totalUnits)
      for m in plan.months { #expect(days[m.days].reduce(0, +) == m.units) }
      for w in plan.weeks {
        #expect(days[w.days].reduce(0, +) == w.units)
        #expect(w.days.count <= 7)
        #expect(w.start.isoWeek == w.end.isoWeek)
      }
      for q in plan.quarters {
        let inQuarter = plan.months.filter { $0.start >= q.start && $0.end <= q.end }
        #expect(inQuarter.map(\.units).reduce(0, +) == q.units)
      }
      // Day quota property within each month.
      for m in plan.months {
        let ws = plan.dayWeights[m.days]
        let s = ws.reduce(0, +)
        for (t, w) in zip(m.days, ws) where s > 0 {
          let q = Double(m.units) * w / s
          #expect(abs(Double(days[t]) - q) < 1 + 1e-6)
        }
      }
    }
  }

  @Test func manyTargetsSplitRowByRow() throws {
    let splitter = try TimeSplitter(
      range: try .quarter(2026, 2), profile: SeasonalProfile(weekdayWeights: [1, 1, 1, 1, 1, 0.5, 0]))
    let targets: [Int64] = [91_000, 12_345, 0, 7]
    let all = try splitter.split(units: targets)
    let d = splitter.dayWeights.count
    #expect(d == 91 && all.count == 4 * d)
    for (k, t) in targets.enumerated() {
      let row = Array(all[(k * d)..<((k + 1) * d)])
      #expect(row == (try splitter.split(Double(t))).dayUnits)
      #expect(row.reduce(0, +) == t)
    }
  }

  @Test func workspaceSplitMatchesPlan() throws {
    let splitter = try TimeSplitter(
      range: .year(2025), profile: SeasonalProfile(weekdayWeights: [1, 1, 1, 1, 2, 3, 0.5]))
    var ws = TimeSplitter.Workspace()
    var out = [Int64](repeating: 0, count: 365)
    for target in [12_345.0, 999_999, 7] {
      try out.withUnsafeMutableBufferPointer { try splitter.split(units: Int64(target), into: $0, workspace: &ws) }
      #expect(out == (try splitter.split(target)).dayUnits)
    }
  }
}

@Suite struct ProfileFromHistoryTests {
  @Test func monthSharesUseWholeYears() throws {
    // 14 months from Nov 2024: the first 2 are dropped; Jan 2025 … Dec 2025 = 1…12 (Σ 78),
    // but listed from Nov: values[2...13] are Jan…Dec.
    let history: [Double] = [999, 999] + (1...12).map(Double.init)
    let shares = try SeasonalProfile.monthShares(monthlyHistory: history, firstMonth: try date(2024, 11, 1))
    for m in 0..<12 { #expect(close(shares[m], Double(m + 1) / 78)) }
    // Starting in July: index 0 is July.
    let july = try SeasonalProfile.monthShares(
      monthlyHistory: [Double](repeating: 1, count: 11) + [12], firstMonth: try date(2025, 7, 1))
    #expect(close(july[5], 12.0 / 23))  // the 12th value is June
    #expect(throws: PlanningError.self) {
      try SeasonalProfile.monthShares(monthlyHistory: [1, 2], firstMonth: try date(2025, 1, 1))
    }
  }

  @Test func weekdayWeightsByHand() throws {
    // Two weeks from Monday 2026-01-05: Mon–Fri 10, Sat 20, Sun 0 → mean 10 → (1,1,1,1,1,2,0).
    let week: [Double] = [10, 10, 10, 10, 10, 20, 0]
    let w = try SeasonalProfile.weekdayWeights(dailyHistory: week + week, firstDay: try date(2026, 1, 5))
    #expect(zip(w, [1, 1, 1, 1, 1, 2, 0]).allSatisfy { close($0, $1) })
    // Excluding the second Saturday changes nothing (it equals the first); excluding both Mondays
    // leaves Monday at weight 1 and the mean at 120 / 12 = 10.
    let ex = try SeasonalProfile.weekdayWeights(
      dailyHistory: week + week, firstDay: try date(2026, 1, 5),
      excluding: [try date(2026, 1, 5), try date(2026, 1, 12)])
    #expect(zip(ex, [1, 1, 1, 1, 1, 2, 0]).allSatisfy { close($0, $1) })
  }
}
