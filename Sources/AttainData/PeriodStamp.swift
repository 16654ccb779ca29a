/// The `ds` of one observation: a 1-based integer period index or a calendar date.
///
/// A dated stamp is always the *first day* of its period at the series' frequency
/// (a month is stamped `YYYY-MM-01`, an ISO week by its Monday, a quarter by its first day).
public enum PeriodStamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Integer period index (positive).
  case index(Int)
  /// Calendar date: the first day of the period.
  case date(CalendarDate)

  /// The stamp `n` periods later at frequency `frequency`.
  ///
  /// For `.index` stamps the frequency is ignored and `n` is added.
  public func advanced(by n: Int, frequency: Frequency) -> PeriodStamp {
    switch self {
    case .index(let i):
      return .index(i + n)
    case .date(let d):
      switch frequency {
      case .daily, .index: return .date(d.adding(days: n))
      case .weekly: return .date(d.adding(days: 7 * n))
      case .monthly: return .date(d.adding(months: n))
      case .quarterly: return .date(d.adding(months: 3 * n))
      case .yearly: return .date(d.adding(months: 12 * n))
      }
    }
  }

  /// `YYYY-MM-DD` for dates, the decimal integer for indices.
  public var description: String {
    switch self {
    case .index(let i): String(i)
    case .date(let d): d.description
    }
  }

  public static func < (a: PeriodStamp, b: PeriodStamp) -> Bool {
    switch (a, b) {
    case (.index(let x), .index(let y)): x < y
    case (.date(let x), .date(let y)): x < y
    case (.index, .date): true
    case (.date, .index): false
    }
  }
}
