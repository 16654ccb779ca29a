import AttainData
import AttainPlanning
import Testing

@testable import AttainWorkflow

@Suite struct OrganisationTreeTests {
  func row(_ id: String, _ parent: String?, history: Double? = nil) -> UnitTable.Row {
    UnitTable.Row(id: id, parent: parent, history: history, forecast: nil, potential: nil, capacity: nil, isNew: false)
  }

  @Test func childrenJoinTheirParentsInFileOrder() throws {
    let table = UnitTable(
      rows: [row("East/b", "East"), row("West", nil), row("East", nil), row("East/a", "East"), row("West/x", "West")],
      hasForecast: false)
    let nodes = try OrganisationTree.build(table)
    #expect(nodes.map(\.unit.id) == ["West", "East"])
    #expect(nodes[0].children.map(\.unit.id) == ["West/x"])
    #expect(nodes[1].children.map(\.unit.id) == ["East/b", "East/a"])
  }

  @Test func cyclesAreUsageErrors() {
    let loop = UnitTable(rows: [row("top", nil), row("a", "b"), row("b", "a")], hasForecast: false)
    #expect(throws: PlanInputError("--units: the parent links form a cycle", isUsage: true)) {
      try OrganisationTree.build(loop)
    }
    let selfParent = UnitTable(rows: [row("a", "a")], hasForecast: false)
    #expect(throws: PlanInputError("--units: the parent links form a cycle", isUsage: true)) {
      try OrganisationTree.build(selfParent)
    }
  }
}
