internal import CLAPACK

// The one place AttainPlanning touches LAPACK. MinT needs a single operation — solve a
// symmetric positive definite system — so it goes through this tiny internal function
// (LAPACK `dposv`: Cholesky factorisation + two triangular solves). When AttainLinearAlgebra's
// `Matrix` lands in this branch, this body can become a call to its Cholesky solve; nothing
// else in the module depends on CLAPACK.

/// Solves `A · X = B` in place for symmetric positive definite `A` (n × n, row-major, only
/// the lower triangle is read; overwritten by its Cholesky factor) and `B` (n × k,
/// row-major; overwritten by X).
///
/// - Throws: `.invalidParameter` when `A` is not positive definite (LAPACK `info > 0`: the
///   leading minor of that order is not positive) or the call is malformed (`info < 0`).
/// - Complexity: O(n³/3 + n²k).
func solvePositiveDefinite(_ a: inout [Double], n: Int, _ b: inout [Double], columns k: Int) throws(PlanningError) {
  guard n > 0, k > 0 else { return }
  guard a.count == n * n, b.count == n * k else {
    throw .lengthMismatch(name: "linear system", expected: n * n, got: a.count)
  }
  let info = a.withUnsafeMutableBufferPointer { ap in
    b.withUnsafeMutableBufferPointer { bp in
      LAPACKE_dposv(
        LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), Int32(k), ap.baseAddress, Int32(n), bp.baseAddress,
        Int32(k))
    }
  }
  guard info == 0 else {
    throw .invalidParameter(
      name: "covariance", value: Double(info),
      rule: info > 0 ? "matrix is not positive definite (leading minor \(info))" : "LAPACK dposv argument \(-info)")
  }
}
