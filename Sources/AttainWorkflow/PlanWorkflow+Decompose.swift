import AttainData
import AttainPlanning

extension Panel {
  /// The sum of `series` per calendar date (series aligned on their dates, added in the given
  /// order), ascending by date; index-stamped observations are skipped.
  /// - Complexity: O(observations of `series` · log dates).
  public func totalsByDate(series: [Int]) -> [(date: CalendarDate, total: Double)] {
    var sums: [CalendarDate: Double] = [:]
    for i in series {
      for t in 0..<length(of: i) {
        if case .date(let d) = stamp(of: i, at: t) { sums[d, default: 0] += values[offsets[i] + t] }
      }
    }
    return sums.keys.sorted().map { ($0, sums[$0, default: 0]) }
  }
}

extension PlanWorkflow {
  /// The month shares of `history` (monthly) for a time split: of series `id`, or of the sum of
  /// all series aligned on their dates; `file` names the history in messages.
  /// - Throws: a usage `PlanInputError` for a history that is not monthly, an unknown `id` or no
  ///   dated values; `PlanningError` from `SeasonalProfile.monthShares`.
  /// - Complexity: O(observations).
  public static func monthShares(history: Panel, id: String?, file: String) throws -> [Double] {
    guard history.frequency == .monthly else {
      throw PlanInputError("--history must be a monthly series CSV", isUsage: true)
    }
    let series: [Int]
    if let id {
      guard let i = history.index(of: id) else { throw PlanInputError("--id '\(id)' is not in \(file)", isUsage: true) }
      series = [i]
    } else {
      series = Array(0..<history.count)
    }
    let totals = history.totalsByDate(series: series)
    guard let first = totals.first?.date else { throw PlanInputError("--history has no dated values", isUsage: true) }
    return try SeasonalProfile.monthShares(monthlyHistory: totals.map(\.total), firstMonth: first)
  }
}
