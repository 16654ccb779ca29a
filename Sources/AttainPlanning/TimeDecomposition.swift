import AttainData

/// One period of a time plan: a quarter, month, ISO week or day, clipped to the plan's range,
/// with its share of the target.
public struct PlanPeriod: Sendable, Hashable {
  /// The calendar level of a period.
  public enum Kind: String, Sendable, Hashable {
    /// A calendar quarter (Jan–Mar, …).
    case quarter
    /// A calendar month.
    case month
    /// An ISO 8601 week, Monday to Sunday.
    case isoWeek
    /// A single day.
    case day
  }
  /// Calendar level.
  public let kind: Kind
  /// `2026-Q1`, `2026-01`, `2026-W01` (ISO week-numbering year) or `2026-01-05`.
  public let label: String
  /// First day of the period inside the plan range (a period straddling the range boundary is
  /// clipped to it).
  public let start: CalendarDate
  /// Last day of the period inside the plan range (inclusive).
  public let end: CalendarDate
  /// The target in whole rounding units (exact integer; parts of a parent sum to it exactly).
  public let units: Int64
  /// The target in currency/quantity: `units × unit`.
  public let amount: Double
  /// Indices of the period's days in the plan's day array.
  public let days: Range<Int>
}

/// A target split over a date range at every calendar level.
///
/// Nested consistency holds exactly in integer units: days sum to their month and to their ISO
/// week, months to their quarter, quarters to the whole.
public struct TimePlan: Sendable, Hashable {
  /// The decomposed range.
  public let range: DateRange
  /// The rounding unit (e.g. 1 or 0.01).
  public let unit: Double
  /// The whole target in units (`round(target / unit)`).
  public let totalUnits: Int64
  /// Quarters overlapping the range, in order (clipped to the range).
  public let quarters: [PlanPeriod]
  /// Months overlapping the range, in order (clipped to the range).
  public let months: [PlanPeriod]
  /// ISO weeks (Monday–Sunday) overlapping the range, in order. A week straddling the range's
  /// start or end holds only its in-range days, so the first and last weeks may be short.
  public let weeks: [PlanPeriod]
  /// Per-day targets in units, `dayUnits[i]` for `range.start + i` days.
  public let dayUnits: [Int64]
  /// The day weights the split used (see `SeasonalProfile.dayWeights(for:)`).
  public let dayWeights: [Double]

  /// The whole target: `totalUnits × unit`.
  public var total: Double { Double(totalUnits) * unit }

  /// Per-day periods (allocates one `PlanPeriod` per day).
  public var days: [PlanPeriod] {
    let first = range.start.dayNumber
    return dayUnits.indices.map { i in
      let d = CalendarDate(dayNumber: first + i)
      return PlanPeriod(
        kind: .day, label: d.description, start: d, end: d, units: dayUnits[i], amount: Double(dayUnits[i]) * unit,
        days: i..<(i + 1))
    }
  }

  /// The target of `date` (nil outside the range).
  public func amount(on date: CalendarDate) -> Double? {
    guard range.contains(date) else { return nil }
    return Double(dayUnits[date.dayNumber - range.start.dayNumber]) * unit
  }
}

/// Splits targets over a date range by a seasonal profile, top-down with largest-remainder
/// rounding at each level: whole → quarters → months → days; ISO weeks are the sums of their
/// days.
///
/// The day weights and calendar segments are computed once at construction, so splitting many
/// targets (one per rep or product) over the same profile costs O(days) each and, with
/// `split(units:into:workspace:)`, allocates nothing.
///
/// Each level apportions its parent's units by the sums of the day weights below each child
/// (Hamilton's method, `LargestRemainder`). If every day weight in the range is 0 the days are
/// weighted equally instead.
public struct TimeSplitter: Sendable {
  /// The range split over.
  public let range: DateRange
  /// Day weights `w(d)` in date order (all 1 when the profile gave all zeros).
  public let dayWeights: [Double]
  /// Day-index ranges of the (clipped) months.
  let monthDays: [Range<Int>]
  /// Month-index ranges of the (clipped) quarters.
  let quarterMonths: [Range<Int>]
  /// Day-index ranges of the (clipped) ISO weeks.
  let weekDays: [Range<Int>]
  let monthWeights: [Double]
  let quarterWeights: [Double]

  /// Precomputes the day weights and the quarter/month/week segments of `range`.
  ///
  /// - Throws: the profile's validation errors (see `SeasonalProfile.dayWeights(for:)`).
  /// - Complexity: O(days in range).
  public init(range: DateRange, profile: SeasonalProfile = .uniform) throws(PlanningError) {
    self.range = range
    var w = try profile.dayWeights(for: range)
    if !w.contains(where: { $0 > 0 }) { w = [Double](repeating: 1, count: w.count) }
    dayWeights = w
    let first = range.start.dayNumber
    var months = [Range<Int>]()
    var quarters = [Range<Int>]()
    var weeks = [Range<Int>]()
    var mw = [Double]()
    var qw = [Double]()
    var i = 0
    let n = w.count
    while i < n {
      let d = CalendarDate(dayNumber: first + i)
      let j = min(n, CalendarDate.firstDayNumber(year: d.year, month: d.month + 1) - first)
      months.append(i..<j)
      var s = 0.0
      for t in i..<j { s += w[t] }
      mw.append(s)
      let q = (d.month - 1) / 3
      if let last = quarters.last, let lastMonth = last.last,
        CalendarDate(dayNumber: first + months[lastMonth].lowerBound).year == d.year,
        (CalendarDate(dayNumber: first + months[lastMonth].lowerBound).month - 1) / 3 == q
      {
        quarters[quarters.count - 1] = last.lowerBound..<(months.count)
        qw[qw.count - 1] += s
      } else {
        quarters.append((months.count - 1)..<months.count)
        qw.append(s)
      }
      i = j
    }
    i = 0
    while i < n {
      let d = CalendarDate(dayNumber: first + i)
      let j = min(n, i + 8 - d.isoWeekday)
      weeks.append(i..<j)
      i = j
    }
    monthDays = months
    quarterMonths = quarters
    weekDays = weeks
    monthWeights = mw
    quarterWeights = qw
  }

  /// Scratch buffers for `split(units:into:workspace:)`; reuse one per thread.
  public struct Workspace: Sendable {
    var scratch = LargestRemainder.Scratch()
    var quarterUnits: [Int64] = []
    var monthUnits: [Int64] = []
    /// Empty scratch; buffers grow on first use.
    public init() {}
  }

  /// Splits `total` units into per-day units (`days.count == range.dayCount`), top-down
  /// through quarters and months. Allocation-free once `workspace` has grown.
  ///
  /// - Throws: `.lengthMismatch` if `days` has the wrong length, `.amountTooLarge`.
  /// - Complexity: O(days · log(days per month)).
  public func split(
    units total: Int64, into days: UnsafeMutableBufferPointer<Int64>, workspace: inout Workspace
  ) throws(PlanningError) {
    guard days.count == dayWeights.count else {
      throw .lengthMismatch(name: "days", expected: dayWeights.count, got: days.count)
    }
    if workspace.quarterUnits.count != quarterWeights.count {
      workspace.quarterUnits = [Int64](repeating: 0, count: quarterWeights.count)
    }
    if workspace.monthUnits.count != monthWeights.count {
      workspace.monthUnits = [Int64](repeating: 0, count: monthWeights.count)
    }
    var scratch = workspace.scratch
    workspace.scratch = LargestRemainder.Scratch()
    defer { workspace.scratch = scratch }
    try quarterWeights.withUnsafeBufferPointer { (qw) throws(PlanningError) in
      try monthWeights.withUnsafeBufferPointer { (mw) throws(PlanningError) in
        try dayWeights.withUnsafeBufferPointer { (dw) throws(PlanningError) in
          try workspace.quarterUnits.withUnsafeMutableBufferPointer { (qu) throws(PlanningError) in
            try workspace.monthUnits.withUnsafeMutableBufferPointer { (mu) throws(PlanningError) in
              try LargestRemainder.apportion(units: total, weights: qw, into: qu, scratch: &scratch)
              for (q, ms) in quarterMonths.enumerated() {
                try LargestRemainder.apportion(
                  units: qu[q], weights: UnsafeBufferPointer(rebasing: mw[ms]),
                  into: UnsafeMutableBufferPointer(rebasing: mu[ms]), scratch: &scratch)
              }
              for (m, ds) in monthDays.enumerated() {
                try LargestRemainder.apportion(
                  units: mu[m], weights: UnsafeBufferPointer(rebasing: dw[ds]),
                  into: UnsafeMutableBufferPointer(rebasing: days[ds]), scratch: &scratch)
              }
            }
          }
        }
      }
    }
  }

  /// Splits many targets over the same range, e.g. each rep's yearly target to days.
  ///
  /// Returns day units unit-major: `result[k · days + i]` is target `k`'s share of day `i`.
  /// Each row sums exactly to its target. For a consistent team plan, take a team's day
  /// targets as the *sums* of its members' rows (aggregate upward) rather than splitting the
  /// team total separately: two independent roundings can differ by up to one unit per member
  /// and day.
  ///
  /// - Throws: `.amountTooLarge`.
  /// - Complexity: O(targets · days · log(days per month)); one allocation for the result.
  public func split(units targets: [Int64]) throws(PlanningError) -> [Int64] {
    let d = dayWeights.count
    var out = [Int64](repeating: 0, count: targets.count * d)
    var workspace = Workspace()
    try out.withUnsafeMutableBufferPointer { (all) throws(PlanningError) in
      for (k, target) in targets.enumerated() {
        try split(
          units: target, into: UnsafeMutableBufferPointer(rebasing: all[(k * d)..<((k + 1) * d)]),
          workspace: &workspace)
      }
    }
    return out
  }

  /// Splits many non-negative targets (e.g. the reps of a team) over the range so that the
  /// plan is consistent in **both** directions: each target's days sum exactly to it, and each
  /// day's targets sum exactly to the team's own day plan (the split of `Σ targets` by this
  /// splitter), and likewise for months and quarters.
  ///
  /// Level by level (quarters, then months within each quarter, then days within each month)
  /// the member × period table is rounded with `ControlledRounding.proportionalTable`: member
  /// `i`'s share of period `p` is `⌊x⌋` or `⌈x⌉` of `x = (member's parent-period units) ·
  /// (team's period units) / (team's parent-period units)`.
  ///
  /// - Returns: `days` unit-major (`days[k · dayCount + i]`) and the team's `dayTotals`.
  /// - Throws: `.invalidParameter` for a negative target, `.amountTooLarge`.
  /// - Complexity: about O(targets · days · log targets).
  public func splitConsistently(units targets: [Int64]) throws(PlanningError) -> (days: [Int64], dayTotals: [Int64]) {
    let d = dayWeights.count
    let r = targets.count
    guard r > 0 else { return ([], []) }
    var total: Int64 = 0
    for t in targets {
      guard t >= 0 else { throw .invalidParameter(name: "target", value: Double(t), rule: "must be ≥ 0") }
      guard t <= LargestRemainder.maximumUnits - total else { throw .amountTooLarge(amount: Double(t), unit: 1) }
      total += t
    }
    var workspace = Workspace()
    var team = [Int64](repeating: 0, count: d)
    try team.withUnsafeMutableBufferPointer { (t) throws(PlanningError) in
      try split(units: total, into: t, workspace: &workspace)
    }
    let quarterTable = try ControlledRounding.proportionalTable(
      rowTotals: targets, columnTotals: workspace.quarterUnits)
    var out = [Int64](repeating: 0, count: r * d)
    var memberQuarter = [Int64](repeating: 0, count: r)
    var memberMonth = [Int64](repeating: 0, count: r)
    for (q, ms) in quarterMonths.enumerated() {
      for i in 0..<r { memberQuarter[i] = quarterTable[i * quarterMonths.count + q] }
      let monthTable = try ControlledRounding.proportionalTable(
        rowTotals: memberQuarter, columnTotals: Array(workspace.monthUnits[ms]))
      for (k, m) in ms.enumerated() {
        for i in 0..<r { memberMonth[i] = monthTable[i * ms.count + k] }
        let ds = monthDays[m]
        let dayTable = try ControlledRounding.proportionalTable(
          rowTotals: memberMonth, columnTotals: Array(team[ds]))
        for i in 0..<r {
          for (e, day) in ds.enumerated() { out[i * d + day] = dayTable[i * ds.count + e] }
        }
      }
    }
    return (out, team)
  }

  /// Splits `target` (rounded to a multiple of `unit`) into quarters, months, ISO weeks and
  /// days of the range.
  ///
  /// - Throws: `.nonFiniteAmount`, `.invalidUnit`, `.amountTooLarge`.
  /// - Complexity: O(days · log(days per month)).
  public func split(_ target: Double, unit: Double = 1) throws(PlanningError) -> TimePlan {
    let total = try LargestRemainder.units(of: target, unit: unit)
    var workspace = Workspace()
    var dayUnits = [Int64](repeating: 0, count: dayWeights.count)
    try dayUnits.withUnsafeMutableBufferPointer { (d) throws(PlanningError) in
      try split(units: total, into: d, workspace: &workspace)
    }
    let first = range.start.dayNumber
    func period(_ kind: PlanPeriod.Kind, _ label: String, _ ds: Range<Int>, _ u: Int64) -> PlanPeriod {
      PlanPeriod(
        kind: kind, label: label, start: CalendarDate(dayNumber: first + ds.lowerBound),
        end: CalendarDate(dayNumber: first + ds.upperBound - 1), units: u, amount: Double(u) * unit, days: ds)
    }
    func two(_ k: Int) -> String { k < 10 ? "0\(k)" : "\(k)" }
    let months = monthDays.enumerated().map { (m, ds) in
      let d = CalendarDate(dayNumber: first + ds.lowerBound)
      return period(.month, "\(d.year)-\(two(d.month))", ds, workspace.monthUnits[m])
    }
    let quarters = quarterMonths.enumerated().map { (q, ms) in
      let ds = monthDays[ms.lowerBound].lowerBound..<monthDays[ms.upperBound - 1].upperBound
      let d = CalendarDate(dayNumber: first + ds.lowerBound)
      return period(.quarter, "\(d.year)-Q\((d.month - 1) / 3 + 1)", ds, workspace.quarterUnits[q])
    }
    let weeks = weekDays.map { ds in
      var u: Int64 = 0
      for t in ds { u += dayUnits[t] }
      let w = CalendarDate(dayNumber: first + ds.lowerBound).isoWeek
      return period(.isoWeek, "\(w.year)-W\(two(w.week))", ds, u)
    }
    return TimePlan(
      range: range, unit: unit, totalUnits: total, quarters: quarters, months: months, weeks: weeks,
      dayUnits: dayUnits, dayWeights: dayWeights)
  }
}

extension TimePlan {
  /// Splits `target` over `range` by `profile` in one call (see `TimeSplitter`).
  ///
  /// - Throws: profile validation errors and amount/unit errors.
  public init(
    splitting target: Double, over range: DateRange, profile: SeasonalProfile = .uniform, unit: Double = 1
  ) throws(PlanningError) {
    self = try TimeSplitter(range: range, profile: profile).split(target, unit: unit)
  }
}

extension TimePlan {
  /// The plan's periods at one calendar level (`.day` builds the per-day periods).
  public func periods(_ kind: PlanPeriod.Kind) -> [PlanPeriod] {
    switch kind {
    case .quarter: quarters
    case .month: months
    case .isoWeek: weeks
    case .day: days
    }
  }
}

extension TrackingInput {
  /// Tracking inputs from a time plan at one grain: the period targets and (in-range) day
  /// counts come from the plan; `actuals` (and `lastYear`) are per period of that grain.
  ///
  /// For example, with a yearly `TimePlan` and `grain: .month`, pass the months' actuals so far.
  public init(
    plan: TimePlan, grain: PlanPeriod.Kind, actuals: [Double], lastYear: [Double]? = nil,
    deviationThreshold: Double = 0.1
  ) {
    let periods = plan.periods(grain)
    self.init(
      targets: periods.map(\.amount), actuals: actuals, periodDays: periods.map(\.days.count), lastYear: lastYear,
      deviationThreshold: deviationThreshold)
  }
}
