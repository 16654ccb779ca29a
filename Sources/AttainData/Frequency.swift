/// How often a series is observed: the spacing between consecutive periods.
///
/// Dated frequencies (`daily` … `yearly`) step through the Gregorian calendar; `index` is a
/// plain 1-based integer period index with no calendar meaning (the M3 convention).
public enum Frequency: String, Sendable, CaseIterable, Codable {
  case daily, weekly, monthly, quarterly, yearly
  /// A plain integer period index (1, 2, 3, …) with no calendar.
  case index

  /// The conventional season length: daily 7 (day of week), weekly 52, monthly 12,
  /// quarterly 4, yearly 1, index 1.
  public var defaultSeasonLength: Int {
    switch self {
    case .daily: 7
    case .weekly: 52
    case .monthly: 12
    case .quarterly: 4
    case .yearly, .index: 1
    }
  }

  /// Parses user spellings: `daily`/`day`/`D`, `weekly`/`week`/`W`, `monthly`/`month`/`M`,
  /// `quarterly`/`quarter`/`Q`, `yearly`/`year`/`annual`/`Y`, `index`. Case-insensitive.
  public init?(parsing text: String) {
    switch text.lowercased() {
    case "daily", "day", "d": self = .daily
    case "weekly", "week", "w": self = .weekly
    case "monthly", "month", "m", "ms": self = .monthly
    case "quarterly", "quarter", "q", "qs": self = .quarterly
    case "yearly", "year", "annual", "y", "a", "ys": self = .yearly
    case "index", "integer", "none": self = .index
    default: return nil
    }
  }
}
