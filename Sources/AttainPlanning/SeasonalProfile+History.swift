import AttainData

extension SeasonalProfile {
  /// Month shares from monthly history: over the most recent whole number of years
  /// (the last `12·⌊n/12⌋` months, so every calendar month is counted equally often),
  /// `share_m = Σ_{months in calendar month m} y / Σ y` (proportion of totals).
  ///
  /// - Parameters:
  ///   - history: monthly values, oldest first (at least 12, all finite and ≥ 0).
  ///   - firstMonth: any day of the first value's month.
  /// - Returns: twelve shares, January first, summing to 1 (equal shares if the history is all 0).
  /// - Throws: `.lengthMismatch` with fewer than 12 values, `.invalidWeight` for a negative or
  ///   non-finite value.
  /// - Complexity: O(n).
  public static func monthShares(monthlyHistory history: [Double], firstMonth: CalendarDate) throws(PlanningError)
    -> [Double]
  {
    guard history.count >= 12 else { throw .lengthMismatch(name: "monthlyHistory", expected: 12, got: history.count) }
    for (i, v) in history.enumerated() where !(v.isFinite && v >= 0) { throw .invalidWeight(index: i, value: v) }
    let skip = history.count % 12
    var sums = [Double](repeating: 0, count: 12)
    for i in skip..<history.count { sums[(firstMonth.month - 1 + i) % 12] += history[i] }
    let total = sums.reduce(0, +)
    return total > 0 ? sums.map { $0 / total } : [Double](repeating: 1.0 / 12, count: 12)
  }

  /// Weekday weights from daily history: over the most recent whole number of weeks (the
  /// last `7·⌊n/7⌋` days), `weight_wd = mean(y on weekday wd) / mean(y)`, Monday first, so a
  /// weekday at the average level weighs 1. Days in `excluding` (e.g. holidays, promotion days)
  /// are left out of both means.
  ///
  /// - Parameters:
  ///   - history: daily values, oldest first (at least 7, all finite and ≥ 0).
  ///   - firstDay: the date of `history[0]`.
  /// - Returns: seven weights, Monday first (all 1 if the history is all 0; a weekday with no
  ///   kept day gets 1).
  /// - Throws: `.lengthMismatch`, `.invalidWeight`.
  /// - Complexity: O(n).
  public static func weekdayWeights(
    dailyHistory history: [Double], firstDay: CalendarDate, excluding: Set<CalendarDate> = []
  ) throws(PlanningError) -> [Double] {
    guard history.count >= 7 else { throw .lengthMismatch(name: "dailyHistory", expected: 7, got: history.count) }
    for (i, v) in history.enumerated() where !(v.isFinite && v >= 0) { throw .invalidWeight(index: i, value: v) }
    var sums = [Double](repeating: 0, count: 7)
    var counts = [Int](repeating: 0, count: 7)
    var total = 0.0
    var count = 0
    for i in (history.count % 7)..<history.count {
      let d = firstDay.adding(days: i)
      if excluding.contains(d) { continue }
      sums[d.isoWeekday - 1] += history[i]
      counts[d.isoWeekday - 1] += 1
      total += history[i]
      count += 1
    }
    guard total > 0 else { return [Double](repeating: 1, count: 7) }
    let mean = total / Double(count)
    return (0..<7).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) / mean : 1 }
  }
}
