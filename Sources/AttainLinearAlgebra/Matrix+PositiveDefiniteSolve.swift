internal import CLAPACK

extension Matrix {
  /// Solves `A X = B` for symmetric positive-definite `A` by Cholesky factorisation and two
  /// triangular solves (LAPACK `dposv`). Only the upper triangle of `A` is read.
  ///
  /// - Parameter rightHandSides: `B`, with `rows` rows and any number of columns.
  /// - Returns: `X`, the same shape as `B`.
  /// - Throws: `.notPositiveDefinite(order:)` when the leading minor of that order is not
  ///   positive definite; `.dimensionMismatch` for a non-square `A` or a `B` with the wrong
  ///   row count; `.nonFiniteInput` for NaN or infinity.
  /// - Complexity: O(n³/3 + n² · nrhs).
  public func solvePositiveDefinite(_ rightHandSides: Matrix) throws(LinearAlgebraError) -> Matrix {
    guard rows == columns else {
      throw .dimensionMismatch(operation: "solvePositiveDefinite", expected: "square matrix", got: "\(rows)×\(columns)")
    }
    guard rightHandSides.rows == rows else {
      throw .dimensionMismatch(
        operation: "solvePositiveDefinite", expected: "\(rows) rows in the right-hand side",
        got: "\(rightHandSides.rows)")
    }
    guard storage.allSatisfy(\.isFinite), rightHandSides.storage.allSatisfy(\.isFinite) else {
      throw .nonFiniteInput(operation: "solvePositiveDefinite")
    }
    var a = storage
    var b = rightHandSides
    if rows == 0 || b.columns == 0 { return b }
    let info = a.withUnsafeMutableBufferPointer { ap in
      b.storage.withUnsafeMutableBufferPointer { bp in
        LAPACKE_dposv(
          LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), blasInt(rows), blasInt(b.columns), ap.baseAddress,
          blasInt(rows), bp.baseAddress, blasInt(rows))
      }
    }
    if info > 0 { throw .notPositiveDefinite(order: Int(info)) }
    try LinearAlgebraError.check(info, "dposv")
    return b
  }
}
