import AttainData

/// An inclusive range of calendar days `start … end`: a plan period (a year, a quarter, a
/// month, or any span such as a fiscal year or the rest of a quarter).
public struct DateRange: Sendable, Hashable, CustomStringConvertible {
  /// First day (inclusive).
  public let start: CalendarDate
  /// Last day (inclusive).
  public let end: CalendarDate

  /// The range `start … end` (both inclusive).
  ///
  /// - Throws: `PlanningError.invalidDateRange` when `end < start`.
  public init(start: CalendarDate, end: CalendarDate) throws(PlanningError) {
    guard start <= end else { throw .invalidDateRange(start: start, end: end) }
    self.start = start
    self.end = end
  }

  init(uncheckedStart start: CalendarDate, end: CalendarDate) {
    self.start = start
    self.end = end
  }

  /// Calendar year `year`: Jan 1 … Dec 31.
  public static func year(_ year: Int) -> DateRange {
    DateRange(
      uncheckedStart: CalendarDate(dayNumber: CalendarDate.firstDayNumber(year: year, month: 1)),
      end: CalendarDate(dayNumber: CalendarDate.firstDayNumber(year: year + 1, month: 1) - 1))
  }

  /// Quarter `quarter` (1…4) of `year`.
  ///
  /// - Throws: `PlanningError.invalidParameter` when `quarter` is outside 1…4.
  public static func quarter(_ year: Int, _ quarter: Int) throws(PlanningError) -> DateRange {
    guard (1...4).contains(quarter) else {
      throw .invalidParameter(name: "quarter", value: Double(quarter), rule: "must be 1…4")
    }
    let m = 3 * (quarter - 1) + 1
    return DateRange(
      uncheckedStart: CalendarDate(dayNumber: CalendarDate.firstDayNumber(year: year, month: m)),
      end: CalendarDate(dayNumber: CalendarDate.firstDayNumber(year: year, month: m + 3) - 1))
  }

  /// Month `month` (1…12) of `year`.
  ///
  /// - Throws: `PlanningError.invalidParameter` when `month` is outside 1…12.
  public static func month(_ year: Int, _ month: Int) throws(PlanningError) -> DateRange {
    guard (1...12).contains(month) else {
      throw .invalidParameter(name: "month", value: Double(month), rule: "must be 1…12")
    }
    return DateRange(
      uncheckedStart: CalendarDate(dayNumber: CalendarDate.firstDayNumber(year: year, month: month)),
      end: CalendarDate(dayNumber: CalendarDate.firstDayNumber(year: year, month: month + 1) - 1))
  }

  /// Number of days in the range (≥ 1).
  public var dayCount: Int { end.dayNumber - start.dayNumber + 1 }

  /// Whether `date` lies in the range.
  public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

  /// `start…end` in ISO dates.
  public var description: String { "\(start)…\(end)" }
}

extension CalendarDate {
  /// Day number of the first day of `month` of `year`; `month` may be 13 (January of the
  /// next year) for end-of-period arithmetic.
  static func firstDayNumber(year: Int, month: Int) -> Int {
    let y0 = year + (month - 1) / 12
    let m = (month - 1) % 12 + 1
    // Hinnant's days_from_civil for day 1 of (y0, m).
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * ((m + 9) % 12) + 2) / 5
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The ISO 8601 week this date belongs to: `(year, week)` with week 1…53.
  ///
  /// The ISO week-numbering year is the year of the week's Thursday; week 1 is the week
  /// containing January 4 (equivalently, the first Thursday). E.g. 2026-01-01 (a Thursday)
  /// is in 2026-W01, 2027-01-01 (a Friday) is in 2026-W53.
  public var isoWeek: (year: Int, week: Int) {
    let thursday = CalendarDate(dayNumber: dayNumber - isoWeekday + 4)
    let jan1 = CalendarDate.firstDayNumber(year: thursday.year, month: 1)
    return (thursday.year, (thursday.dayNumber - jan1) / 7 + 1)
  }

  /// The Monday that starts this date's ISO week.
  public var isoWeekMonday: CalendarDate { CalendarDate(dayNumber: dayNumber - isoWeekday + 1) }
}
