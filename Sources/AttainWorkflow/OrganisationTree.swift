import AttainData
import AttainPlanning

/// The organisation tree of a units table, for `decompose`.
public enum OrganisationTree {
  /// The top-level nodes of `table` with their descendants, in file order (a child may come
  /// before its parent in the file).
  /// - Throws: a usage `PlanInputError` when the parent links form a cycle.
  /// - Complexity: O(units²) (each level scans the units for children).
  public static func build(_ table: UnitTable) throws(PlanInputError) -> [OrganisationNode] {
    let units = table.rows.map {
      PlanningUnit(
        id: $0.id, lastYear: $0.history, forecast: $0.forecast, potential: $0.potential, capacity: $0.capacity,
        isNew: $0.isNew)
    }
    let parents = table.rows.map(\.parent)
    var visiting = Set<String>()
    func children(of parent: String?) throws(PlanInputError) -> [OrganisationNode] {
      var nodes: [OrganisationNode] = []
      for i in units.indices where parents[i] == parent {
        guard visiting.insert(units[i].id).inserted else {
          throw PlanInputError("--units: cycle at '\(units[i].id)'", isUsage: true)
        }
        nodes.append(OrganisationNode(units[i], children: try children(of: units[i].id)))
      }
      return nodes
    }
    let nodes = try children(of: nil)
    if visiting.count != units.count { throw PlanInputError("--units: the parent links form a cycle", isUsage: true) }
    return nodes
  }
}
