internal import CLAPACK

extension Matrix {
  /// The product `op(A) · op(B)` with BLAS `dgemm`, where `op(X)` is `X` or `Xᵀ`.
  ///
  /// - Parameters:
  ///   - other: the right operand `B`.
  ///   - transposingSelf: use `Aᵀ` instead of `A` (no copy is made).
  ///   - transposingOther: use `Bᵀ` instead of `B`.
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when the inner dimensions differ.
  /// - Complexity: O(m · n · k) flops, multithreaded by OpenBLAS (see `BLASThreads`).
  public func multiplied(
    by other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false
  ) throws(LinearAlgebraError) -> Matrix {
    let m = transposingSelf ? columns : rows
    let k = transposingSelf ? rows : columns
    let kOther = transposingOther ? other.columns : other.rows
    let n = transposingOther ? other.rows : other.columns
    guard k == kOther else {
      throw .dimensionMismatch(
        operation: "multiplied(by:)", expected: "inner dimension \(k)", got: "\(kOther)")
    }
    var result = Matrix(rows: m, columns: n)
    if m == 0 || n == 0 || k == 0 { return result }
    storage.withUnsafeBufferPointer { a in
      other.storage.withUnsafeBufferPointer { b in
        result.storage.withUnsafeMutableBufferPointer { c in
          cblas_dgemm(
            CblasColMajor, transposingSelf ? CblasTrans : CblasNoTrans,
            transposingOther ? CblasTrans : CblasNoTrans, blasInt(m), blasInt(n), blasInt(k), 1.0,
            a.baseAddress, blasInt(max(rows, 1)), b.baseAddress, blasInt(max(other.rows, 1)), 0.0,
            c.baseAddress, blasInt(max(m, 1)))
        }
      }
    }
    return result
  }

  /// The matrix-vector product `op(A) · x` with BLAS `dgemv`.
  ///
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when `x.count` differs from the number of
  ///   columns of `op(A)`.
  /// - Complexity: O(rows × columns).
  public func multiplied(by x: [Double], transposed: Bool = false) throws(LinearAlgebraError)
    -> [Double]
  {
    let inner = transposed ? rows : columns
    let outer = transposed ? columns : rows
    guard x.count == inner else {
      throw .dimensionMismatch(
        operation: "multiplied(by:transposed:)", expected: "vector of length \(inner)",
        got: "\(x.count)")
    }
    var y = [Double](repeating: 0, count: outer)
    if rows == 0 || columns == 0 { return y }
    storage.withUnsafeBufferPointer { a in
      x.withUnsafeBufferPointer { xp in
        y.withUnsafeMutableBufferPointer { yp in
          cblas_dgemv(
            CblasColMajor, transposed ? CblasTrans : CblasNoTrans, blasInt(rows), blasInt(columns),
            1.0,
            a.baseAddress, blasInt(max(rows, 1)), xp.baseAddress, 1, 0.0, yp.baseAddress, 1)
        }
      }
    }
    return y
  }

  /// The Gram matrix `AᵀA` (symmetric, both triangles filled) with BLAS `dsyrk`.
  ///
  /// - Complexity: O(rows × columns²), half the flops of a general multiply.
  public func gram() -> Matrix {
    var result = Matrix(rows: columns, columns: columns)
    if rows == 0 || columns == 0 { return result }
    storage.withUnsafeBufferPointer { a in
      result.storage.withUnsafeMutableBufferPointer { c in
        cblas_dsyrk(
          CblasColMajor, CblasUpper, CblasTrans, blasInt(columns), blasInt(rows), 1.0,
          a.baseAddress,
          blasInt(rows), 0.0, c.baseAddress, blasInt(columns))
      }
    }
    result.symmetrizeFromUpper()
    return result
  }

  /// Copy the upper triangle into the lower one.
  mutating func symmetrizeFromUpper() {
    let n = rows
    storage.withUnsafeMutableBufferPointer { c in
      for j in 0..<n {
        for i in (j + 1)..<n { c[i + j * n] = c[j + i * n] }
      }
    }
  }
}

/// Convert a dimension to the 32-bit integer BLAS and LAPACK use.
@inline(__always)
func blasInt(_ value: Int) -> Int32 { Int32(truncatingIfNeeded: value) }
