import ArgumentParser
import Attain

/// Targets read from a CSV with a `unique_id` and a `target` column; optional columns:
/// `period_start` (YYYY-MM-DD; the phased output of `attain decompose`, one row per unit and
/// period), `probability` (the attainment probability the target was set at, e.g. from
/// `attain recommend`), `incentive` (target incentive at 100 % attainment). A unit's rows are
/// summed; probability and incentive are taken from its first row.
struct TargetFile {
  struct Entry {
    var id: String
    var total = 0.0
    var probability: Double?
    var incentive: Double?
    /// (period start, target) rows in file order, when the file has `period_start`.
    var phased: [(CalendarDate, Double)] = []
    /// Where the unit's first target is, for errors about its total.
    var location: (file: String, line: Int, column: Int) = ("", 0, 0)

    /// The located error for a unit total outside what a command allows (`rule`).
    func totalError(_ rule: String) -> DataError {
      DataError(
        file: location.file, line: location.line, column: location.column,
        reason: .outOfRange(value: "\(total)", column: "target", rule: rule + " (the unit's total)"))
    }
  }
  var entries: [Entry]
  var isPhased: Bool

  static func read(_ path: String) throws -> TargetFile {
    let table = try CSVTable.read(path: path)
    let idColumn = try table.column("unique_id")
    let targetColumn = try table.column("target")
    let periodColumn = table.header.firstIndex(of: "period_start")
    let probabilityColumn = table.header.firstIndex(of: "probability")
    let incentiveColumn = table.header.firstIndex(of: "incentive")
    var index: [String: Int] = [:]
    var entries: [Entry] = []
    for r in table.rows.indices {
      let id = try table.identifier(row: r, column: idColumn)
      let value = try table.number(row: r, column: targetColumn)
      guard value >= 0 else {
        throw table.error(
          row: r, column: targetColumn,
          .outOfRange(value: table.rows[r][targetColumn], column: "target", rule: "must be ≥ 0"))
      }
      let k: Int
      if let existing = index[id] {
        k = existing
      } else {
        k = entries.count
        index[id] = k
        var entry = Entry(id: id)
        let here = table.error(row: r, column: targetColumn, .emptyFile)
        entry.location = (here.file, here.line, here.column)
        if let c = probabilityColumn, !table.rows[r][c].isEmpty {
          let p = try table.number(row: r, column: c)
          guard p > 0 && p < 1 else {
            throw table.error(
              row: r, column: c, .outOfRange(value: table.rows[r][c], column: "probability", rule: "must be in (0, 1)"))
          }
          entry.probability = p
        }
        if let c = incentiveColumn, !table.rows[r][c].isEmpty { entry.incentive = try table.number(row: r, column: c) }
        entries.append(entry)
      }
      entries[k].total += value
      if let c = periodColumn {
        guard let date = isoDate(table.rows[r][c]) else {
          throw table.error(
            row: r, column: c, .nonNumeric(value: table.rows[r][c], column: "period_start (YYYY-MM-DD)"))
        }
        entries[k].phased.append((date, value))
      }
    }
    return TargetFile(entries: entries, isPhased: periodColumn != nil)
  }
}

/// The plan period cut into periods of a series frequency: period i starts at
/// `start.advanced(by: i)` and ends the day before the next one (the last is clipped to `end`).
struct PlanPeriods {
  var starts: [CalendarDate]
  var ends: [CalendarDate]
  var frequency: Frequency

  init(start: CalendarDate, end: CalendarDate, frequency: Frequency) throws {
    guard end >= start else { throw ValidationError("the plan period ends (\(end)) before it starts (\(start))") }
    guard frequency != .index else { throw ValidationError("tracking needs dated series (ds as YYYY-MM-DD)") }
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

  var count: Int { starts.count }
  /// Calendar days per period.
  var days: [Int] { zip(starts, ends).map { $0.1.dayNumber - $0.0.dayNumber + 1 } }
  /// Periods that ended on or before `date`.
  func elapsed(asOf date: CalendarDate) -> Int { ends.filter { $0 <= date }.count }
  /// The index of the period containing `date`, if any.
  func period(containing date: CalendarDate) -> Int? {
    guard let first = starts.first, date >= first, let last = ends.last, date <= last else { return nil }
    return starts.lastIndex { $0 <= date }
  }

  /// Per-period targets of an entry: its phased rows bucketed by period, or its total spread
  /// over the periods in proportion to their days.
  func targets(of entry: TargetFile.Entry, phased: Bool) throws -> [Double] {
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

extension Panel {
  /// The position of `stamp` in series `i` (nil when outside it).
  func position(of stamp: PeriodStamp, inSeries i: Int) -> Int? {
    let n = length(of: i)
    guard n > 0, stamp >= starts[i], stamp <= lastStamp(of: i) else { return nil }
    var lo = 0
    var hi = n - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      let s = self.stamp(of: i, at: mid)
      if s == stamp { return mid }
      if s < stamp { lo = mid + 1 } else { hi = mid - 1 }
    }
    return nil
  }

  /// The values of series `i` strictly before `stamp`.
  func values(of i: Int, before stamp: PeriodStamp) -> ArraySlice<Double> {
    let r = range(of: i)
    var count = 0
    while count < r.count && self.stamp(of: i, at: count) < stamp { count += 1 }
    return values[r.lowerBound..<(r.lowerBound + count)]
  }

  /// Index of every id.
  var indexByID: [String: Int] {
    var d: [String: Int] = [:]
    for (i, id) in ids.enumerated() { d[id] = i }
    return d
  }
}

/// Parses an ISO date `YYYY-MM-DD` (nil when malformed or not a calendar date).
func isoDate(_ text: String) -> CalendarDate? {
  let parts = text.split(separator: "-", omittingEmptySubsequences: false)
  guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
  else { return nil }
  return CalendarDate(year: y, month: m, day: d)
}

/// The date of option `name`, or a validation error naming it.
func isoDate(_ text: String, option name: String) throws -> CalendarDate {
  guard let d = isoDate(text) else { throw ValidationError("\(name) must be a date YYYY-MM-DD, got '\(text)'") }
  return d
}

/// Periods per year of a frequency, for year-over-year comparisons (nil: none).
func periodsPerYear(_ frequency: Frequency) -> Int? {
  switch frequency {
  case .monthly: 12
  case .quarterly: 4
  case .weekly: 52
  case .yearly: 1
  default: nil
  }
}

/// A number cell, or an empty text cell for nil / non-finite values.
func cell(_ value: Double?) -> ResultTable.Cell {
  guard let v = value, v.isFinite else { return .text("") }
  return .number(v)
}

/// A problem with the content of the plan inputs (missing actuals or history, a target outside
/// the plan period): reported as `error: <message>` with exit status 1, like other input errors.
struct PlanInputError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
