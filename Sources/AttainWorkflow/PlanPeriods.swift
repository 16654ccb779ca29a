import AttainData

/// The plan period cut into periods of a series frequency: period i starts at
/// `start.advanced(by: i)` and ends the day before the next one (the last is clipped to `end`).
public struct PlanPeriods: Sendable, Equatable {
  /// The first day of each period.
  public var starts: [CalendarDate]
  /// The last day of each period (the last clipped to the plan's end).
  public var ends: [CalendarDate]
  /// The series frequency the periods follow.
  public var frequency: Frequency

  /// The periods of `frequency` from `start` to `end` (inclusive).
  /// - Throws: a usage `PlanInputError` when `end` precedes `start` or the series are undated.
  /// - Complexity: O(periods).
  public init(start: CalendarDate, end: CalendarDate, frequency: Frequency) throws(PlanInputError) {
    guard end >= start else {
      throw PlanInputError("the plan period ends (\(end)) before it starts (\(start))", isUsage: true)
    }
    guard frequency != .index else {
      throw PlanInputError("tracking needs dated series (ds as YYYY-MM-DD)", isUsage: true)
    }
    var s: [CalendarDate] = []
    var e: [CalendarDate] = []
    var stamp = PeriodStamp.date(start)
    while case .date(let d) = stamp, d <= end {
      let next = stamp.advanced(by: 1, frequency: frequency)
      guard case .date(let n) = next else { break }
      s.append(d)
      e.append(min(end, n.adding(days: -1)))
      stamp = next
    }
    starts = s
    ends = e
    self.frequency = frequency
  }

  /// Number of periods.
  public var count: Int { starts.count }
  /// Calendar days per period.
  public var days: [Int] { zip(starts, ends).map { $0.1.dayNumber - $0.0.dayNumber + 1 } }
  /// Periods that ended on or before `date`.
  public func elapsed(asOf date: CalendarDate) -> Int { ends.filter { $0 <= date }.count }
  /// The index of the period containing `date`, if any.
  public func period(containing date: CalendarDate) -> Int? {
    guard let first = starts.first, date >= first, let last = ends.last, date <= last else { return nil }
    return starts.lastIndex { $0 <= date }
  }

  /// Per-period targets of an entry: its phased rows bucketed by period, or its total spread
  /// over the periods in proportion to their days.
  /// - Throws: `PlanInputError` for a phased row outside the plan period.
  /// - Complexity: O(periods + rows).
  public func targets(of entry: TargetFile.Entry, phased: Bool) throws(PlanInputError) -> [Double] {
    var out = [Double](repeating: 0, count: count)
    if phased {
      for (date, value) in entry.phased {
        guard let k = period(containing: date) else {
          throw PlanInputError(
            "target of '\(entry.id)' for \(date) lies outside the plan period \(starts[0])…\(ends[count - 1])")
        }
        out[k] += value
      }
    } else {
      let d = days
      let total = Double(d.reduce(0, +))
      for k in 0..<count { out[k] = entry.total * Double(d[k]) / total }
    }
    return out
  }
}

