extension Frequency {
  /// The sequential number of the period containing `date`, so that consecutive periods have
  /// consecutive numbers:
  /// daily: days since 1970-01-01; weekly: ISO weeks (Monday start) since the week of
  /// 1969-12-29; monthly: `12·year + month − 1`; quarterly: `4·year + (month − 1)/3`;
  /// yearly: the year; index: days (as daily).
  ///
  /// - Complexity: O(1).
  public func periodNumber(of date: CalendarDate) -> Int {
    switch self {
    case .daily, .index: date.dayNumber
    case .weekly: floorDivide(date.dayNumber + 3, 7)  // 1969-12-29 (day −3) was a Monday
    case .monthly: date.year * 12 + date.month - 1
    case .quarterly: date.year * 4 + (date.month - 1) / 3
    case .yearly: date.year
    }
  }

  /// The first day of period number `n` (inverse of `periodNumber(of:)` up to the period start):
  /// the day itself, the Monday of the ISO week, the 1st of the month, of the quarter's first
  /// month, or January 1st.
  ///
  /// - Complexity: O(1).
  public func startDate(ofPeriod n: Int) -> CalendarDate {
    switch self {
    case .daily, .index: CalendarDate(dayNumber: n)
    case .weekly: CalendarDate(dayNumber: 7 * n - 3)
    case .monthly: CalendarDate(uncheckedYear: floorDivide(n, 12), month: n - 12 * floorDivide(n, 12) + 1, day: 1)
    case .quarterly:
      CalendarDate(uncheckedYear: floorDivide(n, 4), month: 3 * (n - 4 * floorDivide(n, 4)) + 1, day: 1)
    case .yearly: CalendarDate(uncheckedYear: n, month: 1, day: 1)
    }
  }

  /// The first day of the period containing `date` (e.g. the Monday of its ISO week).
  public func periodStart(of date: CalendarDate) -> CalendarDate { startDate(ofPeriod: periodNumber(of: date)) }

  /// Infers a dated frequency from the smallest positive spacing, in days, between consecutive
  /// dates of a series: 1 → daily, 7 → weekly, 28…31 → monthly, 89…92 → quarterly,
  /// 365…366 → yearly; nil for any other spacing.
  public static func inferred(fromSpacingInDays days: Int) -> Frequency? {
    switch days {
    case 1: .daily
    case 7: .weekly
    case 28...31: .monthly
    case 89...92: .quarterly
    case 365...366: .yearly
    default: nil
    }
  }
}

/// ⌊a / b⌋ for b > 0.
@inline(__always)
func floorDivide(_ a: Int, _ b: Int) -> Int {
  let q = a / b
  return (a % b != 0 && a < 0) ? q - 1 : q
}
