import AttainLinearAlgebra

/// Errors of the regression layer, each naming what the caller needs to fix.
public enum RegressionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Predictor columns do not have one value per observation, or names do not match columns.
  case dimensionMismatch(what: String, expected: Int, got: Int)
  /// Fewer observations than coefficients plus one (no residual degrees of freedom).
  case tooFewObservations(needed: Int, got: Int)
  /// A value is NaN or infinite.
  case nonFiniteValue(column: String, row: Int)
  /// A log-log fit met a value ≤ 0 in the response or a predictor.
  case nonPositiveValueForLog(column: String, row: Int, value: Double)
  /// The design is rank deficient: the named columns are (numerically) linear combinations of
  /// the others. Drop or combine them; `rank` of `columns` coefficients are estimable.
  case collinearPredictors(aliased: [String], rank: Int, columns: Int)
  /// An option is outside its valid range.
  case invalidOption(name: String, value: Double, reason: String)
  /// A linear-algebra failure that is not a property of the data (should not happen).
  case linearAlgebra(LinearAlgebraError)

  /// A one-line lowercase message.
  public var description: String {
    switch self {
    case .dimensionMismatch(let what, let e, let g): "\(what): expected \(e), got \(g)"
    case .tooFewObservations(let n, let g): "regression needs at least \(n) observations, got \(g)"
    case .nonFiniteValue(let c, let r): "non-finite value in column \(c) at row \(r + 1)"
    case .nonPositiveValueForLog(let c, let r, let v):
      "log-log regression needs positive values: column \(c) row \(r + 1) is \(v)"
    case .collinearPredictors(let a, let r, let c):
      "collinear predictors: \(a.joined(separator: ", ")) (rank \(r) of \(c) columns)"
    case .invalidOption(let n, let v, let r): "invalid \(n) = \(v): \(r)"
    case .linearAlgebra(let e): "linear algebra failure: \(e)"
    }
  }
}
