import AttainData

/// The shape a target follows through time: how much of it each day should carry.
///
/// The weight of day `d` in a range is built from optional factors:
///
///     f(d) = weekday[wd(d)] · day[d] · work(d) · Π uplift_e(d)
///
/// with `weekday` the per-weekday weights (Monday first), `day` per-day weights for each day of
/// the range (e.g. a daily forecast), `work(d)` = 1 on working days and
/// `WorkingCalendar.nonWorkingDayWeight` otherwise, and the event multipliers. A missing factor
/// is 1.
///
/// With `monthShares` set, each calendar month keeps its share exactly and the day factors only
/// move the target *within* the month:
///
///     w(d) = share[month(d)] · f(d) / F(month(d)),   F(m) = Σ_{all days of month m} f
///
/// (the sum runs over the whole calendar month, so a range covering half a month gets the
/// corresponding part of its share; if `F(m) = 0` the month's days share it equally). Without
/// `monthShares`, `w(d) = f(d)` and month totals follow from the day factors (so e.g. a Double 11
/// uplift raises November). Monthly shares from history usually already contain the event
/// effects, which is why they are kept fixed. `dayWeights` and `monthShares` cannot be combined
/// (a daily profile already fixes the month totals).
public struct SeasonalProfile: Sendable, Hashable {
  /// Twelve non-negative month shares, January first (any scale); nil = no month constraint.
  public var monthShares: [Double]?
  /// Seven non-negative weekday weights, Monday first (any scale); nil = all 1.
  public var weekdayWeights: [Double]?
  /// One non-negative weight per day of the decomposed range, in date order; nil = all 1.
  public var dayWeights: [Double]?
  /// Working-day weighting; nil = every day counts the same.
  public var workingDays: WorkingCalendar?
  /// Event uplifts (multiply on matching days).
  public var events: [EventUplift]

  /// A profile; every factor is optional, and the default (`SeasonalProfile()`) spreads the
  /// target evenly over the days.
  public init(
    monthShares: [Double]? = nil, weekdayWeights: [Double]? = nil, dayWeights: [Double]? = nil,
    workingDays: WorkingCalendar? = nil, events: [EventUplift] = []
  ) {
    self.monthShares = monthShares
    self.weekdayWeights = weekdayWeights
    self.dayWeights = dayWeights
    self.workingDays = workingDays
    self.events = events
  }

  /// An even spread over calendar days.
  public static let uniform = SeasonalProfile()

  /// The day weights `w(d)` for every day of `range`, in date order.
  ///
  /// - Throws: `.lengthMismatch` for wrong-length arrays, `.invalidWeight` for negative or
  ///   non-finite weights or multipliers, `.conflictingProfile` for `dayWeights` with
  ///   `monthShares`.
  /// - Complexity: O(days) (O(days in the touched months) with `monthShares`), times the number
  ///   of events.
  public func dayWeights(for range: DateRange) throws(PlanningError) -> [Double] {
    try validate(dayCount: range.dayCount)
    let n = range.dayCount
    let first = range.start.dayNumber
    var w = [Double](repeating: 1, count: n)
    for i in 0..<n { w[i] = factor(CalendarDate(dayNumber: first + i), index: i) }
    guard let shares = monthShares else { return w }
    // Scale each month's days so that the whole calendar month sums to its share.
    var i = 0
    while i < n {
      let d = CalendarDate(dayNumber: first + i)
      let monthStart = CalendarDate.firstDayNumber(year: d.year, month: d.month)
      let monthEnd = CalendarDate.firstDayNumber(year: d.year, month: d.month + 1)  // exclusive
      var full = 0.0
      for k in monthStart..<monthEnd { full += factor(CalendarDate(dayNumber: k), index: nil) }
      let share = shares[d.month - 1]
      let j = min(n, monthEnd - first)
      for t in i..<j { w[t] = full > 0 ? share * w[t] / full : share / Double(monthEnd - monthStart) }
      i = j
    }
    return w
  }

  /// `f(d)`: the product of the weekday, day, working-day and event factors.
  func factor(_ date: CalendarDate, index: Int?) -> Double {
    var f = 1.0
    if let wd = weekdayWeights { f *= wd[date.isoWeekday - 1] }
    if let dw = dayWeights, let i = index { f *= dw[i] }
    if let cal = workingDays { f *= cal.weight(of: date) }
    for e in events where e.applies(to: date) { f *= e.multiplier }
    return f
  }

  func validate(dayCount: Int) throws(PlanningError) {
    func check(_ values: [Double], _ name: String, _ count: Int) throws(PlanningError) {
      guard values.count == count else { throw .lengthMismatch(name: name, expected: count, got: values.count) }
      for (i, v) in values.enumerated() where !(v.isFinite && v >= 0) { throw .invalidWeight(index: i, value: v) }
    }
    if let m = monthShares { try check(m, "monthShares", 12) }
    if let w = weekdayWeights { try check(w, "weekdayWeights", 7) }
    if let d = dayWeights { try check(d, "dayWeights", dayCount) }
    if dayWeights != nil && monthShares != nil {
      throw .conflictingProfile(reason: "dayWeights and monthShares cannot both be set")
    }
    if let c = workingDays, !(c.nonWorkingDayWeight.isFinite && c.nonWorkingDayWeight >= 0) {
      throw .invalidParameter(name: "nonWorkingDayWeight", value: c.nonWorkingDayWeight, rule: "must be finite and ≥ 0")
    }
    for e in events where !(e.multiplier.isFinite && e.multiplier >= 0) {
      throw .invalidParameter(name: "event multiplier", value: e.multiplier, rule: "must be finite and ≥ 0")
    }
  }
}
