internal import CLAPACK

extension Matrix {
  /// Solve `A X = B` for square `A` by LU factorization with partial pivoting (LAPACK `dgesv`).
  ///
  /// - Parameter rightHandSides: `B`, with `rows` rows and any number of columns.
  /// - Returns: `X`, the same shape as `B`.
  /// - Throws: `.dimensionMismatch` for a non-square `A` or a `B` with the wrong row count;
  ///   `.singular(pivot:)` when `U` has an exact zero on its diagonal (`info > 0`).
  /// - Complexity: O(n³) for the factorization plus O(n² · nrhs).
  public func solve(_ rightHandSides: Matrix) throws(LinearAlgebraError) -> Matrix {
    guard rows == columns else {
      throw .dimensionMismatch(
        operation: "solve", expected: "square matrix", got: "\(rows)×\(columns)")
    }
    guard rightHandSides.rows == rows else {
      throw .dimensionMismatch(
        operation: "solve", expected: "\(rows) rows in the right-hand side",
        got: "\(rightHandSides.rows)")
    }
    guard storage.allSatisfy(\.isFinite), rightHandSides.storage.allSatisfy(\.isFinite) else {
      throw .nonFiniteInput(operation: "solve")
    }
    var a = storage
    var b = rightHandSides
    if rows == 0 || b.columns == 0 { return b }
    var pivots = [Int32](repeating: 0, count: rows)
    let info = a.withUnsafeMutableBufferPointer { ap in
      b.storage.withUnsafeMutableBufferPointer { bp in
        pivots.withUnsafeMutableBufferPointer { pp in
          LAPACKE_dgesv(
            LAPACK_COL_MAJOR, blasInt(rows), blasInt(b.columns), ap.baseAddress, blasInt(rows),
            pp.baseAddress,
            bp.baseAddress, blasInt(rows))
        }
      }
    }
    if info > 0 { throw .singular(operation: "dgesv", pivot: Int(info)) }
    try LinearAlgebraError.check(info, "dgesv")
    return b
  }

  /// Solve `A x = b` for one right-hand side (LAPACK `dgesv`); see `solve(_:)` for matrices.
  public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
    let rhs = try Matrix(rows: b.count, columns: 1, columnMajor: b)
    return try solve(rhs).storage
  }

  /// The Cholesky factor of a symmetric positive-definite matrix (LAPACK `dpotrf`).
  ///
  /// Only the upper triangle of `self` is read. The result `U` is upper triangular with
  /// `UᵀU = A` (its strictly lower triangle is zero).
  ///
  /// - Throws: `.notPositiveDefinite(order:)` when the leading minor of that order is not
  ///   positive definite (`info > 0`), `.dimensionMismatch` for a non-square matrix.
  /// - Complexity: O(n³/3).
  public func cholesky() throws(LinearAlgebraError) -> Matrix {
    guard rows == columns else {
      throw .dimensionMismatch(
        operation: "cholesky", expected: "square matrix", got: "\(rows)×\(columns)")
    }
    guard storage.allSatisfy(\.isFinite) else { throw .nonFiniteInput(operation: "cholesky") }
    var u = self
    if rows == 0 { return u }
    let info = u.storage.withUnsafeMutableBufferPointer {
      LAPACKE_dpotrf(
        LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), blasInt(rows), $0.baseAddress, blasInt(rows))
    }
    if info > 0 { throw .notPositiveDefinite(order: Int(info)) }
    try LinearAlgebraError.check(info, "dpotrf")
    u.zeroStrictlyLower()
    return u
  }

  /// The inverse of an upper- or lower-triangular matrix (LAPACK `dtrtri`).
  ///
  /// Only the named triangle is read; the other triangle of the result is zero.
  /// - Throws: `.singular(pivot:)` when a diagonal element is exactly zero.
  /// - Complexity: O(n³/3).
  public func triangularInverse(upper: Bool = true) throws(LinearAlgebraError) -> Matrix {
    guard rows == columns else {
      throw .dimensionMismatch(
        operation: "triangularInverse", expected: "square matrix", got: "\(rows)×\(columns)")
    }
    var t = self
    if upper {
      t.zeroStrictlyLower()
    } else {
      t = t.transposed()
      t.zeroStrictlyLower()
      t = t.transposed()
    }
    if rows == 0 { return t }
    let info = t.storage.withUnsafeMutableBufferPointer {
      LAPACKE_dtrtri(
        LAPACK_COL_MAJOR, Int8(UInt8(ascii: upper ? "U" : "L")), Int8(UInt8(ascii: "N")),
        blasInt(rows),
        $0.baseAddress, blasInt(rows))
    }
    if info > 0 { throw .singular(operation: "dtrtri", pivot: Int(info)) }
    try LinearAlgebraError.check(info, "dtrtri")
    return t
  }

  /// The inverse of a symmetric positive-definite matrix through its Cholesky factor
  /// (LAPACK `dpotrf` then `dpotri`); both triangles of the result are filled.
  ///
  /// - Throws: `.notPositiveDefinite(order:)` as `cholesky()`.
  /// - Complexity: O(n³).
  public func positiveDefiniteInverse() throws(LinearAlgebraError) -> Matrix {
    var u = try cholesky()
    if rows == 0 { return u }
    let info = u.storage.withUnsafeMutableBufferPointer {
      LAPACKE_dpotri(
        LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), blasInt(rows), $0.baseAddress, blasInt(rows))
    }
    if info > 0 { throw .singular(operation: "dpotri", pivot: Int(info)) }
    try LinearAlgebraError.check(info, "dpotri")
    u.symmetrizeFromUpper()
    return u
  }

  /// Set the elements below the diagonal to zero.
  mutating func zeroStrictlyLower() {
    let m = rows
    let n = columns
    storage.withUnsafeMutableBufferPointer { a in
      for j in 0..<n where j + 1 < m {
        for i in (j + 1)..<m { a[i + j * m] = 0 }
      }
    }
  }
}
