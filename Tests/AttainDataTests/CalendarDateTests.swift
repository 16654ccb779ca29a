import Testing

@testable import AttainData

@Suite struct CalendarDateTests {
  @Test func dayNumberRoundTrips() {
    for n in stride(from: -800_000, through: 800_000, by: 997) {
      let d = CalendarDate(dayNumber: n)
      #expect(d.dayNumber == n)
      #expect(CalendarDate(year: d.year, month: d.month, day: d.day) == d)
    }
  }

  @Test func knownDates() throws {
    #expect(try #require(CalendarDate(year: 1970, month: 1, day: 1)).dayNumber == 0)
    #expect(try #require(CalendarDate(year: 2000, month: 3, day: 1)).dayNumber == 11017)
    #expect(try #require(CalendarDate(year: 2026, month: 11, day: 25)).isoWeekday == 3)
    #expect(CalendarDate(year: 2019, month: 2, day: 29) == nil)
    #expect(CalendarDate(year: 2020, month: 2, day: 29) != nil)
    #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
    #expect(CalendarDate(year: 2020, month: 13, day: 1) == nil)
  }

  @Test func monthArithmeticClampsDay() throws {
    let jan31 = try #require(CalendarDate(year: 2020, month: 1, day: 31))
    #expect(jan31.adding(months: 1).description == "2020-02-29")
    #expect(jan31.adding(months: -2).description == "2019-11-30")
    #expect(jan31.adding(months: 12).description == "2021-01-31")
  }
}
