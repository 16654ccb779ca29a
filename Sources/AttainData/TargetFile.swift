/// Targets read from a CSV with a `unique_id` and a `target` column; optional columns:
/// `period_start` (YYYY-MM-DD; the phased output of `attain decompose`, one row per unit and
/// period), `probability` (the attainment probability the target was set at, e.g. from
/// `attain recommend`), `incentive` (target incentive at 100 % attainment). A unit's rows are
/// summed; probability and incentive are taken from its first row.
public struct TargetFile: Sendable {
  /// One unit's targets.
  public struct Entry: Sendable {
    /// The unit id (a series or group name).
    public var id: String
    /// The sum of the unit's target rows (currency or quantity).
    public var total = 0.0
    /// The attainment probability the target was set at, from the unit's first row.
    public var probability: Double?
    /// Target incentive at 100 % attainment, from the unit's first row.
    public var incentive: Double?
    /// (period start, target) rows in file order, when the file has `period_start`.
    public var phased: [(CalendarDate, Double)] = []
    /// Where the unit's first target is, for errors about its total.
    public var location: (file: String, line: Int, column: Int) = ("", 0, 0)

    /// A unit with no target rows yet.
    public init(id: String) { self.id = id }

    /// The located error for a unit total outside what a command allows (`rule`).
    public func totalError(_ rule: String) -> DataError {
      DataError(
        file: location.file, line: location.line, column: location.column,
        reason: .outOfRange(value: "\(total)", column: "target", rule: rule + " (the unit's total)"))
    }
  }
  /// The units in order of first appearance.
  public var entries: [Entry]
  /// Whether the file has a `period_start` column (targets phased by period).
  public var isPhased: Bool

  /// Reads and checks `path` (targets ≥ 0, probabilities in (0, 1), ISO period starts).
  /// - Throws: `DataError` located at the bad cell.
  /// - Complexity: O(file size).
  public static func read(_ path: String) throws(DataError) -> TargetFile {
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
        guard let date = CalendarDate(iso: table.rows[r][c]) else {
          throw table.error(
            row: r, column: c, .nonNumeric(value: table.rows[r][c], column: "period_start (YYYY-MM-DD)"))
        }
        entries[k].phased.append((date, value))
      }
    }
    return TargetFile(entries: entries, isPhased: periodColumn != nil)
  }
}

