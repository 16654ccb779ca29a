/// The group of each series, read from a CSV with `unique_id` and `group` columns (the
/// `--group-map` of `simulate` and `recommend`): each group's total per path is the sum of its
/// series. A repeated id takes its last row's group.
public enum GroupMap {
  /// Reads `path`; every id must be one of `known` (the series of the panel).
  /// - Throws: `DataError` located at a missing column, an empty cell or an unknown id.
  /// - Complexity: O(file size).
  public static func read(path: String, knownIDs known: Set<String>) throws(DataError) -> [String: String] {
    let table = try CSVTable.read(path: path)
    let idColumn = try table.column("unique_id")
    let groupColumn = try table.column("group")
    var map: [String: String] = [:]
    for row in table.rows.indices {
      let id = try table.identifier(row: row, column: idColumn)
      guard known.contains(id) else { throw table.error(row: row, column: idColumn, .unknownID(id)) }
      map[id] = try table.identifier(row: row, column: groupColumn)
    }
    return map
  }
}

/// Targets by series id or group name, read from a CSV with `unique_id` and `target` columns
/// (the `--targets` of `simulate` and `recommend`), in file order.
public enum TargetList {
  /// Reads `path`; every id must be one of `known` (series or group names).
  /// - Throws: `DataError` located at a missing column, a bad number or an unknown id.
  /// - Complexity: O(file size).
  public static func read(path: String, knownIDs known: Set<String>) throws(DataError) -> [(id: String, target: Double)] {
    let table = try CSVTable.read(path: path)
    let idColumn = try table.column("unique_id")
    let targetColumn = try table.column("target")
    var rows: [(id: String, target: Double)] = []
    for row in table.rows.indices {
      let id = try table.identifier(row: row, column: idColumn)
      guard known.contains(id) else { throw table.error(row: row, column: idColumn, .unknownID(id)) }
      rows.append((id, try table.number(row: row, column: targetColumn)))
    }
    return rows
  }
}
