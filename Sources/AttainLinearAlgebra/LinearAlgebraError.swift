/// Errors raised by `AttainLinearAlgebra`, with the context needed to act on them.
///
/// LAPACK reports failures through an `info` code: a negative value means argument `-info`
/// was illegal (a bug in this library, reported as `.illegalArgument`), a positive value has a
/// routine-specific meaning that is mapped to a named case here.
public enum LinearAlgebraError: Error, Equatable, Sendable {
  /// The operands' shapes do not fit the operation.
  case dimensionMismatch(operation: String, expected: String, got: String)
  /// A matrix or vector contains NaN or ±infinity, which LAPACK cannot handle meaningfully.
  case nonFiniteInput(operation: String)
  /// `dgesv`/`dtrtri`: the matrix is exactly singular; `pivot` is the (one-based LAPACK)
  /// index of the zero diagonal element of the factor.
  case singular(operation: String, pivot: Int)
  /// `dpotrf`: the leading minor of order `order` is not positive definite.
  case notPositiveDefinite(order: Int)
  /// The least-squares design does not have full column rank: `rank` of `columns` columns are
  /// independent; `aliasedColumns` are the zero-based columns that the rank-revealing QR judged
  /// dependent on the others. Returned only by routines that need full rank (covariance).
  case rankDeficient(rank: Int, columns: Int, aliasedColumns: [Int])
  /// An eigenvalue or singular value iteration failed to converge (`info > 0` of `dsyevr`).
  case noConvergence(operation: String, info: Int)
  /// LAPACK rejected argument number `argument` (a negative `info`); a bug in this library.
  case illegalArgument(operation: String, argument: Int)
  /// LAPACKE could not allocate its workspace.
  case outOfMemory(operation: String)
}

extension LinearAlgebraError {
  /// Map a LAPACKE return code to an error, for the codes every routine shares.
  static func check(_ info: Int32, _ operation: String) throws(LinearAlgebraError) {
    if info == 0 { return }
    if info == -1010 || info == -1011 { throw .outOfMemory(operation: operation) }
    if info < 0 { throw .illegalArgument(operation: operation, argument: Int(-info)) }
    throw .noConvergence(operation: operation, info: Int(info))
  }
}
