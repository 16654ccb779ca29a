import AttainData

/// Per-unit actuals, period targets, last-year values and the history + actuals panel to fit.
public struct TrackedUnits: Sendable {
  /// Actuals of each unit in the k elapsed periods.
  public var actuals: [[Double]] = []
  /// Targets of each unit per plan period (phased rows, or the total by days).
  public var periodTargets: [[Double]] = []
  /// Each unit's values in the same periods one year earlier (nil when the history lacks them).
  public var lastYear: [[Double]?] = []
  /// History before the plan followed by the actuals to date, one series per unit (to fit).
  public var fitPanel: Panel

  /// The units of `entries` over the first `k` elapsed `periods`.
  /// - Throws: `PlanInputError` for a unit without actuals or history, a gap in its actuals, or a
  ///   history that does not end just before the plan.
  /// - Complexity: O(units · (history length + k log n)).
  public init(
    entries: [TargetFile.Entry], phased: Bool, periods: PlanPeriods, elapsed k: Int, actuals panel: Panel,
    history: Panel
  ) throws(PlanInputError) {
    let actualIndex = panel.indexByID
    let historyIndex = history.indexByID
    fitPanel = Panel(frequency: panel.frequency)
    let startStamp = PeriodStamp.date(periods.starts[0])
    for entry in entries {
      periodTargets.append(try periods.targets(of: entry, phased: phased))
      var values = [Double](repeating: 0, count: k)
      if k > 0 {
        guard let i = actualIndex[entry.id] else {
          throw PlanInputError("no actuals for '\(entry.id)' in the actuals file")
        }
        for p in 0..<k {
          guard let value = panel.value(of: i, at: .date(periods.starts[p])) else {
            throw PlanInputError("no actual for '\(entry.id)' in the period starting \(periods.starts[p])")
          }
          values[p] = value
        }
      }
      actuals.append(values)
      guard let h = historyIndex[entry.id] else {
        throw PlanInputError("no history for '\(entry.id)'")
      }
      let past = history.values(of: h, before: startStamp)
      guard !past.isEmpty else { throw PlanInputError("no history for '\(entry.id)' before \(periods.starts[0])") }
      let lastPast = history.stamp(of: h, at: past.count - 1)
      guard lastPast.advanced(by: 1, frequency: history.frequency) == startStamp else {
        throw PlanInputError("history of '\(entry.id)' ends at \(lastPast), not just before \(periods.starts[0])")
      }
      fitPanel.append(id: entry.id, start: history.starts[h], values: Array(past) + values)
      // Same periods one year earlier, from the history.
      var ly: [Double]? = nil
      if let m = TrackedUnits.periodsPerYear(panel.frequency), k > 0 {
        var v = [Double]()
        for p in 0..<k {
          let stamp = PeriodStamp.date(periods.starts[p]).advanced(by: -m, frequency: panel.frequency)
          guard let value = history.value(of: h, at: stamp) else { break }
          v.append(value)
        }
        if v.count == k { ly = v }
      }
      lastYear.append(ly)
    }
  }

  /// Periods per year of a frequency, for year-over-year comparisons (nil: none).
  public static func periodsPerYear(_ frequency: Frequency) -> Int? {
    switch frequency {
    case .monthly: 12
    case .quarterly: 4
    case .weekly: 52
    case .yearly: 1
    default: nil
    }
  }
}

extension TrackedUnits {
  /// Tracked units from their parts (all arrays one entry per unit, in the same order).
  public init(actuals: [[Double]], periodTargets: [[Double]], lastYear: [[Double]?], fitPanel: Panel) {
    self.actuals = actuals
    self.periodTargets = periodTargets
    self.lastYear = lastYear
    self.fitPanel = fitPanel
  }
}
