import AttainData

/// Which days are working days: weekends and holidays are not, make-up working days are
/// (e.g. China's 调休 Saturdays), and a non-working day carries a configurable weight relative
/// to a working day (1).
///
/// Precedence for a date: listed in `workingOverrides` → working; else listed in `holidays`
/// → non-working; else its ISO weekday in `weekendDays` → non-working; else working.
public struct WorkingCalendar: Sendable, Hashable {
  /// ISO weekdays (Monday = 1 … Sunday = 7) that are not working days. Default: Saturday, Sunday.
  public var weekendDays: Set<Int>
  /// Dates that are not working days (public holidays, company shutdowns).
  public var holidays: Set<CalendarDate>
  /// Dates that are working days even if they fall on a weekend (make-up days).
  public var workingOverrides: Set<CalendarDate>
  /// The weight of a non-working day relative to a working day (weight 1); 0 puts no target on
  /// non-working days, e.g. 0.3 for shops that sell at reduced pace on weekends. Must be ≥ 0.
  public var nonWorkingDayWeight: Double

  /// A calendar with the given weekend days, holidays, make-up days and non-working-day weight.
  public init(
    weekendDays: Set<Int> = [6, 7], holidays: Set<CalendarDate> = [], workingOverrides: Set<CalendarDate> = [],
    nonWorkingDayWeight: Double = 0
  ) {
    self.weekendDays = weekendDays
    self.holidays = holidays
    self.workingOverrides = workingOverrides
    self.nonWorkingDayWeight = nonWorkingDayWeight
  }

  /// Whether `date` is a working day (see the type's precedence rules).
  public func isWorkingDay(_ date: CalendarDate) -> Bool {
    if workingOverrides.contains(date) { return true }
    if holidays.contains(date) { return false }
    return !weekendDays.contains(date.isoWeekday)
  }

  /// 1 for a working day, `nonWorkingDayWeight` otherwise.
  public func weight(of date: CalendarDate) -> Double {
    isWorkingDay(date) ? 1 : nonWorkingDayWeight
  }

  /// The number of working days in `range`.
  ///
  /// - Complexity: O(days in range) set look-ups.
  public func workingDays(in range: DateRange) -> Int {
    var n = 0
    for k in range.start.dayNumber...range.end.dayNumber where isWorkingDay(CalendarDate(dayNumber: k)) { n += 1 }
    return n
  }
}
