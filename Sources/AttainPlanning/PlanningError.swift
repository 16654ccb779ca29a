import AttainData

/// Every way a planning computation can refuse its input, with enough context to say what to fix.
///
/// Planning functions never trap on input: they throw one of these cases.
public enum PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A weight list was empty (nothing to split over).
  case emptyWeights
  /// A weight at `index` was negative, NaN or infinite (`value` is the offending weight).
  case invalidWeight(index: Int, value: Double)
  /// An amount to split was NaN or infinite.
  case nonFiniteAmount(Double)
  /// The rounding unit must be finite and > 0.
  case invalidUnit(Double)
  /// `amount / unit` does not fit exactly in a Double's 53-bit integer range.
  case amountTooLarge(amount: Double, unit: Double)
  /// A parameter outside its documented domain (`name`, the value, and the rule it broke).
  case invalidParameter(name: String, value: Double, rule: String)
  /// Two arrays that must have matching lengths do not.
  case lengthMismatch(name: String, expected: Int, got: Int)
  /// A date range whose end is before its start.
  case invalidDateRange(start: CalendarDate, end: CalendarDate)
  /// The seasonal profile combines options that cannot be combined (explained in `reason`).
  case conflictingProfile(reason: String)
  /// A unit's column value needed by a blend weight is missing or invalid.
  case missingValue(unit: String, column: String)
  /// Growth floors/caps cannot be met when splitting `group`'s total (`""` at the top level):
  /// the total lies outside the feasible range [Σ floors, Σ caps].
  case infeasibleBounds(group: String, total: Double, minimum: Double, maximum: Double)
  /// A hierarchy's parent map is malformed (unknown parent, cycle, several roots, duplicate id).
  case invalidHierarchy(reason: String)
  /// Payout bands or grade bands that are not ordered as required.
  case invalidBands(reason: String)

  /// A one-line, lowercase explanation for `error: …` messages.
  public var description: String {
    switch self {
    case .emptyWeights: "no weights to split over"
    case .invalidWeight(let i, let v): "weight \(i) is \(v); weights must be finite and ≥ 0"
    case .nonFiniteAmount(let a): "amount \(a) is not finite"
    case .invalidUnit(let u): "rounding unit \(u) must be finite and > 0"
    case .amountTooLarge(let a, let u): "amount \(a) is more than 2^53 units of \(u)"
    case .invalidParameter(let n, let v, let r): "\(n) = \(v): \(r)"
    case .lengthMismatch(let n, let e, let g): "\(n) has \(g) values, expected \(e)"
    case .invalidDateRange(let s, let e): "date range ends (\(e)) before it starts (\(s))"
    case .conflictingProfile(let r): "seasonal profile: \(r)"
    case .missingValue(let u, let c): "unit \(u) has no valid \(c)"
    case .infeasibleBounds(let g, let t, let lo, let hi):
      "\(g.isEmpty ? "total" : "total of \(g)") \(t) cannot meet growth bounds: feasible totals are \(lo) … \(hi)"
    case .invalidHierarchy(let r): "hierarchy: \(r)"
    case .invalidBands(let r): "bands: \(r)"
    }
  }
}

/// Checks that a flat buffer holds `rows × columns` values, without trapping on negative or
/// overflowing sizes from input.
///
/// - Throws: `.lengthMismatch(name:expected:got:)` (expected −1 when the size is invalid).
func requireCount(_ name: String, _ actual: Int, rows: Int, columns: Int) throws(PlanningError) {
  let (product, overflow) = rows.multipliedReportingOverflow(by: columns)
  let valid = rows >= 0 && columns >= 0 && !overflow
  guard valid, actual == product else { throw .lengthMismatch(name: name, expected: valid ? product : -1, got: actual) }
}
