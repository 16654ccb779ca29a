import AttainData

/// Readable x-axis labels for period stamps and the choice of which periods to label.
///
/// Formats by frequency: monthly "Jan 2024", quarterly "2024 Q1", yearly "2024", weekly ISO week
/// "2024-W05" (ISO 8601 week-numbering year), daily "2024-02-05", integer indices as the number.
public enum PeriodLabels {
  static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// The label of one period stamp at `frequency`.
  public static func label(_ stamp: PeriodStamp, frequency: Frequency) -> String {
    switch stamp {
    case .index(let i):
      return String(i)
    case .date(let d):
      switch frequency {
      case .monthly: return "\(monthNames[d.month - 1]) \(d.year)"
      case .quarterly: return "\(d.year) Q\((d.month - 1) / 3 + 1)"
      case .yearly: return String(d.year)
      case .weekly:
        let (year, week) = isoWeek(d)
        return "\(year)-W" + (week < 10 ? "0\(week)" : "\(week)")
      case .daily, .index: return d.description
      }
    }
  }

  /// Labels of consecutive stamps.
  public static func labels(_ stamps: [PeriodStamp], frequency: Frequency) -> [String] {
    stamps.map { label($0, frequency: frequency) }
  }

  /// The ISO 8601 week-numbering year and week (1…53) containing `date`: the week belongs to the
  /// year of its Thursday.
  public static func isoWeek(_ date: CalendarDate) -> (year: Int, week: Int) {
    let thursday = date.adding(days: 4 - date.isoWeekday)
    guard let january1 = CalendarDate(year: thursday.year, month: 1, day: 1) else { return (date.year, 1) }
    return (thursday.year, (thursday.dayNumber - january1.dayNumber) / 7 + 1)
  }

  /// Indices (into `stamps`) of the periods to label so that at most `maximumLabels` labels appear.
  ///
  /// The stride is the smallest calendar-friendly step that fits (months 1, 2, 3, 6, 12, 24…;
  /// quarters 1, 2, 4, 8…; weeks 1, 2, 4, 13, 26, 52…; days 1, 7, 14, 28…; indices 1, 2, 5, 10…), and
  /// labels are aligned to calendar boundaries when the stride divides the year (quarter starts,
  /// Januaries). Always returns at least one index for non-empty input.
  /// - Complexity: O(count).
  public static func tickIndices(_ stamps: [PeriodStamp], frequency: Frequency, maximumLabels: Int) -> [Int] {
    let n = stamps.count
    guard n > 0 else { return [] }
    let limit = max(maximumLabels, 1)
    let stride = strideFor(count: n, frequency: frequency, maximumLabels: limit)
    var start = 0
    if case .date = stamps[0] {
      for offset in 0..<min(stride, n) {
        if isAligned(stamps[offset], stride: stride, frequency: frequency) {
          start = offset
          break
        }
      }
    }
    var result = Array(Swift.stride(from: start, to: n, by: stride))
    if result.count > limit { result = Array(result.prefix(limit)) }
    return result
  }

  /// Indices to label for `count` positions without calendar knowledge (integer strides 1, 2, 5…).
  public static func tickIndices(count: Int, maximumLabels: Int) -> [Int] {
    guard count > 0 else { return [] }
    let stride = strideFor(count: count, frequency: .index, maximumLabels: max(maximumLabels, 1))
    return Array(Swift.stride(from: 0, to: count, by: stride))
  }

  static func strideFor(count: Int, frequency: Frequency, maximumLabels: Int) -> Int {
    let base: [Int]
    switch frequency {
    case .monthly: base = [1, 2, 3, 6, 12]
    case .quarterly: base = [1, 2, 4]
    case .weekly: base = [1, 2, 4, 13, 26, 52]
    case .daily: base = [1, 7, 14, 28]
    case .yearly, .index: base = [1, 2, 5]
    }
    for s in base where (count + s - 1) / s <= maximumLabels { return s }
    // Beyond the calendar steps: the last step times 2, 5, 10, 20, 50, …
    let last = base.last ?? 1
    var power = 1
    while last * power <= count {
      for m in [2, 5, 10] {
        let s = last * power * m
        if (count + s - 1) / s <= maximumLabels { return s }
      }
      power *= 10
    }
    return max(count, 1)
  }

  static func isAligned(_ stamp: PeriodStamp, stride: Int, frequency: Frequency) -> Bool {
    guard case .date(let d) = stamp else { return true }
    switch frequency {
    case .monthly where 12 % stride == 0: return (d.month - 1) % stride == 0
    case .monthly where stride % 12 == 0: return d.month == 1
    case .quarterly where 4 % stride == 0: return ((d.month - 1) / 3) % stride == 0
    case .quarterly where stride % 4 == 0: return d.month == 1
    default: return true
    }
  }
}
