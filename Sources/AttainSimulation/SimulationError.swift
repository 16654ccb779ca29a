/// Errors of the simulation layer, each with the context needed to fix the input.
public enum SimulationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A plan or scenario field is out of its valid range.
  case invalidPlan(field: String, reason: String)
  /// A unit's sampled total was NaN or infinite (its model produced a non-finite path).
  case nonFiniteTotal(unit: String, path: Int)
  /// A total is too large for the exact 128-bit fixed-point group sums (|total| ≥ 2⁹⁰).
  case totalOutOfRange(unit: String, path: Int)
  /// Two unit ids are equal; ids name random streams, so they must be unique.
  case duplicateUnit(id: String)
  /// Shards being combined disagree (path count, group names).
  case incompatibleShards(reason: String)
  /// Too few usable residuals to estimate the market correlation.
  case insufficientResiduals(needed: Int, got: Int)

  /// A one-line message for the CLI (`error: …`).
  public var description: String {
    switch self {
    case .invalidPlan(let field, let reason): return "invalid simulation plan: \(field): \(reason)"
    case .nonFiniteTotal(let unit, let path):
      return "unit '\(unit)': non-finite total on path \(path)"
    case .totalOutOfRange(let unit, let path):
      return "unit '\(unit)': total out of range on path \(path)"
    case .duplicateUnit(let id): return "duplicate unit id '\(id)'"
    case .incompatibleShards(let reason): return "cannot combine shards: \(reason)"
    case .insufficientResiduals(let needed, let got):
      return "market correlation needs \(needed) aligned residual series/periods, got \(got)"
    }
  }
}
