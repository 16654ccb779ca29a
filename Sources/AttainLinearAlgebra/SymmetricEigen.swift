internal import CLAPACK

/// The eigendecomposition `A = V · diag(λ) · Vᵀ` of a real symmetric matrix.
public struct SymmetricEigendecomposition: Sendable {
  /// Eigenvalues in ascending order.
  public let values: [Double]
  /// Orthonormal eigenvectors, column `k` belonging to `values[k]`.
  public let vectors: Matrix
}

extension Matrix {
  /// Eigenvalues and eigenvectors of a symmetric matrix by the MRRR algorithm (LAPACK `dsyevr`).
  ///
  /// Only the upper triangle is read. Useful for shrinkage covariance estimates (MinT
  /// reconciliation) and for checking positive definiteness with a margin.
  ///
  /// - Throws: `.dimensionMismatch` for a non-square matrix, `.nonFiniteInput`,
  ///   `.noConvergence` when `dsyevr` reports an internal failure (`info > 0`).
  /// - Complexity: O(n³).
  public func symmetricEigen() throws(LinearAlgebraError) -> SymmetricEigendecomposition {
    guard rows == columns else {
      throw .dimensionMismatch(
        operation: "symmetricEigen", expected: "square matrix", got: "\(rows)×\(columns)")
    }
    guard storage.allSatisfy(\.isFinite) else { throw .nonFiniteInput(operation: "symmetricEigen") }
    let n = rows
    if n == 0 {
      return SymmetricEigendecomposition(values: [], vectors: Matrix(rows: 0, columns: 0))
    }
    var a = storage
    var w = [Double](repeating: 0, count: n)
    var z = Matrix(rows: n, columns: n)
    var support = [Int32](repeating: 0, count: 2 * n)
    var found: Int32 = 0
    let info = a.withUnsafeMutableBufferPointer { ap in
      w.withUnsafeMutableBufferPointer { wp in
        z.storage.withUnsafeMutableBufferPointer { zp in
          support.withUnsafeMutableBufferPointer { sp in
            LAPACKE_dsyevr(
              LAPACK_COL_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "A")),
              Int8(UInt8(ascii: "U")),
              blasInt(n), ap.baseAddress, blasInt(n), 0, 0, 0, 0, 0, &found, wp.baseAddress,
              zp.baseAddress,
              blasInt(n), sp.baseAddress)
          }
        }
      }
    }
    try LinearAlgebraError.check(info, "dsyevr")
    return SymmetricEigendecomposition(values: w, vectors: z)
  }
}
