/// The result of splitting a total over sibling units.
public struct OrganisationSplit: Sendable, Hashable {
  /// Where a unit's target ended relative to its growth bounds.
  public enum BoundStatus: String, Sendable, Hashable {
    /// Proportional to its weight (inside its bounds, or unbounded).
    case proportional
    /// Raised to its floor `lastYear·(1+minimum)`.
    case atFloor
    /// Lowered to its cap `lastYear·(1+maximum)`.
    case atCap
  }

  /// Unit ids, in input order.
  public let ids: [String]
  /// The blended, ramped weights (normalised to sum 1) the split started from.
  public let weights: [Double]
  /// Targets in whole rounding units; they sum exactly to `totalUnits`.
  public let units: [Int64]
  /// Targets `units × unit`.
  public let amounts: [Double]
  /// The amount assigned in total, in units: `round(total·(1+buffer) / unit)`.
  public let totalUnits: Int64
  /// The rounding unit.
  public let unit: Double
  /// Each unit's bound status.
  public let status: [BoundStatus]
  /// The multiplier λ with `target_i = clamp(λ·w_i, floor_i, cap_i)` before rounding.
  public let lambda: Double
}

/// One node of an organisation tree: a unit, the buffer its children's targets carry, and its
/// children.
public struct OrganisationNode: Sendable, Hashable {
  /// The unit (its indicators are compared with its siblings').
  public var unit: PlanningUnit
  /// Over-assignment of this node's children: they sum to this node's target × (1 + buffer).
  public var buffer: Double
  /// Sub-units (empty for a leaf, e.g. a rep).
  public var children: [OrganisationNode]

  /// A node.
  public init(_ unit: PlanningUnit, buffer: Double = 0, children: [OrganisationNode] = []) {
    self.unit = unit
    self.buffer = buffer
    self.children = children
  }
}

/// A unit's target in a decomposed organisation tree.
public struct AssignedTarget: Sendable, Hashable {
  /// The unit's id.
  public let id: String
  /// The parent's id (nil for top-level units).
  public let parent: String?
  /// Depth: 0 for top-level units.
  public let level: Int
  /// Target in rounding units.
  public let units: Int64
  /// Target amount (`units × unit`).
  public let amount: Double
  /// Bound status in its sibling split.
  public let status: OrganisationSplit.BoundStatus
}
