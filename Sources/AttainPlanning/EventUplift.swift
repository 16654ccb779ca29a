import AttainData

/// A multiplicative uplift of the day weight on event days (a promotion, a shopping festival).
///
/// Several uplifts on the same day multiply. Examples: `.annual(month: 11, day: 11, multiplier: 3)`
/// for Double 11 (光棍节 / Singles' Day), `.blackFriday(multiplier: 2.5)`.
public struct EventUplift: Sendable, Hashable {
  /// When the event happens.
  public enum Rule: Sendable, Hashable {
    /// One specific date.
    case date(CalendarDate)
    /// Every year on `month`/`day` (a February 29 rule matches leap years only).
    case annual(month: Int, day: Int)
    /// Every day from `start` through `end` inclusive.
    case span(start: CalendarDate, end: CalendarDate)
    /// Every year the `n`-th (1…5, or −1 for the last) ISO `weekday` (Monday = 1) of `month`,
    /// e.g. US Thanksgiving is the 4th Thursday of November: `.nthWeekday(month: 11, weekday: 4,
    /// n: 4)`; US Memorial Day the last Monday of May: `.nthWeekday(month: 5, weekday: 1, n: -1)`.
    case nthWeekday(month: Int, weekday: Int, n: Int)
    /// The Friday after US Thanksgiving (the 4th Thursday of November): Nov 23 … 29.
    case blackFriday
  }

  /// The days the uplift applies to.
  public var rule: Rule
  /// The factor applied to the day weight (must be finite and ≥ 0; 3 means three times a
  /// normal day's share).
  public var multiplier: Double

  /// An uplift of `multiplier` on the days of `rule`.
  public init(_ rule: Rule, multiplier: Double) {
    self.rule = rule
    self.multiplier = multiplier
  }

  /// Every year on `month`/`day`.
  public static func annual(month: Int, day: Int, multiplier: Double) -> EventUplift {
    EventUplift(.annual(month: month, day: day), multiplier: multiplier)
  }

  /// Double 11 (Singles' Day, November 11) every year.
  public static func double11(multiplier: Double) -> EventUplift {
    EventUplift(.annual(month: 11, day: 11), multiplier: multiplier)
  }

  /// Black Friday (the day after the 4th Thursday of November) every year.
  public static func blackFriday(multiplier: Double) -> EventUplift {
    EventUplift(.blackFriday, multiplier: multiplier)
  }

  /// Whether the event falls on `date`.
  public func applies(to date: CalendarDate) -> Bool {
    switch rule {
    case .date(let d): return d == date
    case .annual(let m, let d): return date.month == m && date.day == d
    case .span(let s, let e): return s <= date && date <= e
    case .nthWeekday(let m, let w, let n):
      guard date.month == m && date.isoWeekday == w else { return false }
      if n == -1 { return date.day + 7 > CalendarDate.daysIn(month: m, year: date.year) }
      return (date.day - 1) / 7 + 1 == n
    case .blackFriday:
      // The 4th Thursday falls on Nov 22…28, so the Friday after it on Nov 23…29.
      return date.month == 11 && date.isoWeekday == 5 && (23...29).contains(date.day)
    }
  }
}
