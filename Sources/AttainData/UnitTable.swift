/// The organisation units CSV of `decompose --units`: `unique_id`, optional `parent` (empty for
/// a top-level unit) and the optional indicators `history`, `forecast`, `potential`, `capacity`
/// (each ≥ 0, empty = unknown) and `new` (1/true/yes marks a new unit).
public struct UnitTable: Sendable {
  /// One unit.
  public struct Row: Sendable, Equatable {
    /// The unit id.
    public var id: String
    /// The parent's id, nil for a top-level unit.
    public var parent: String?
    /// Last year's value (currency or quantity), if given.
    public var history: Double?
    /// The forecast, if given.
    public var forecast: Double?
    /// The potential, if given.
    public var potential: Double?
    /// The capacity, if given.
    public var capacity: Double?
    /// Whether the unit is new (no meaningful history).
    public var isNew: Bool

    /// A unit row; indicators default to unknown.
    public init(
      id: String, parent: String? = nil, history: Double? = nil, forecast: Double? = nil, potential: Double? = nil,
      capacity: Double? = nil, isNew: Bool = false
    ) {
      self.id = id
      self.parent = parent
      self.history = history
      self.forecast = forecast
      self.potential = potential
      self.capacity = capacity
      self.isNew = isNew
    }
  }

  /// The units in file order.
  public var rows: [Row]
  /// Whether the file has a `forecast` column.
  public var hasForecast: Bool

  /// A table of `rows`.
  public init(rows: [Row], hasForecast: Bool) {
    self.rows = rows
    self.hasForecast = hasForecast
  }

  /// Reads and checks `path`: ids unique, every parent a unit of the file, indicators ≥ 0.
  /// - Throws: `DataError` located at the bad cell.
  /// - Complexity: O(file size).
  public static func read(path: String) throws(DataError) -> UnitTable {
    let table = try CSVTable.read(path: path)
    let idColumn = try table.column("unique_id")
    let parentColumn = table.header.firstIndex(of: "parent")
    func optional(_ name: String, _ r: Int) throws(DataError) -> Double? {
      guard let c = table.header.firstIndex(of: name), !table.rows[r][c].isEmpty else { return nil }
      let value = try table.number(row: r, column: c)
      guard value >= 0 else {
        throw table.error(row: r, column: c, .outOfRange(value: table.rows[r][c], column: name, rule: "must be ≥ 0"))
      }
      return value
    }
    var rows: [Row] = []
    var seen = Set<String>()
    for r in table.rows.indices {
      let id = try table.identifier(row: r, column: idColumn)
      guard seen.insert(id).inserted else {
        throw table.error(row: r, column: idColumn, .duplicateID(id))
      }
      var isNew = false
      if let c = table.header.firstIndex(of: "new") {
        isNew = ["1", "true", "yes"].contains(table.rows[r][c].lowercased())
      }
      let p = parentColumn.map { table.rows[r][$0] } ?? ""
      rows.append(
        Row(
          id: id, parent: p.isEmpty ? nil : p, history: try optional("history", r), forecast: try optional("forecast", r),
          potential: try optional("potential", r), capacity: try optional("capacity", r), isNew: isNew))
    }
    for (r, row) in rows.enumerated() {
      if let p = row.parent, !seen.contains(p) {
        throw table.error(row: r, column: parentColumn ?? 0, .unknownID(p))
      }
    }
    return UnitTable(rows: rows, hasForecast: table.header.contains("forecast"))
  }
}
