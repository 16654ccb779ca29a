internal import CLAPACK

/// Roots of real polynomials, as the eigenvalues of their companion matrix (LAPACK `dgeev`).
public enum PolynomialRoots {
  /// The moduli |z| of the complex roots of c₀ + c₁z + … + cₖzᵏ (coefficients in ascending
  /// powers; trailing zeros are dropped first), in no particular order.
  ///
  /// The roots are the eigenvalues of the k × k companion matrix of the monic polynomial,
  /// computed by `dgeev` (Hessenberg QR). Used for ARMA stationarity and invertibility checks,
  /// where the question is whether every root lies outside the unit circle.
  /// - Throws: `.nonFiniteInput`, `.noConvergence` when `dgeev` does not converge.
  /// - Complexity: O(k³).
  public static func moduli(ascending coefficients: [Double]) throws(LinearAlgebraError) -> [Double] {
    try roots(ascending: coefficients).map { ($0.real * $0.real + $0.imaginary * $0.imaginary).squareRoot() }
  }

  /// The complex roots (real, imaginary parts) of c₀ + c₁z + … + cₖzᵏ; see `moduli(ascending:)`.
  /// - Complexity: O(k³).
  public static func roots(ascending coefficients: [Double]) throws(LinearAlgebraError) -> [(
    real: Double, imaginary: Double
  )] {
    guard coefficients.allSatisfy(\.isFinite) else { throw .nonFiniteInput(operation: "polynomial roots") }
    var c = coefficients
    while let last = c.last, last == 0 { c.removeLast() }
    let k = c.count - 1
    if k <= 0 { return [] }
    let lead = c[k]
    // Companion matrix (column-major): first row −c_{k−1}/c_k … −c₀/c_k, ones on the subdiagonal.
    var a = [Double](repeating: 0, count: k * k)
    for j in 0..<k { a[j * k] = -c[k - 1 - j] / lead }
    for i in 1..<k { a[i + (i - 1) * k] = 1 }
    var wr = [Double](repeating: 0, count: k)
    var wi = [Double](repeating: 0, count: k)
    var unused = [Double](repeating: 0, count: 1)
    let info = a.withUnsafeMutableBufferPointer { ap in
      wr.withUnsafeMutableBufferPointer { rp in
        wi.withUnsafeMutableBufferPointer { ip in
          unused.withUnsafeMutableBufferPointer { up in
            LAPACKE_dgeev(
              LAPACK_COL_MAJOR, Int8(UInt8(ascii: "N")), Int8(UInt8(ascii: "N")), blasInt(k),
              ap.baseAddress, blasInt(k), rp.baseAddress, ip.baseAddress, up.baseAddress, 1,
              up.baseAddress, 1)
          }
        }
      }
    }
    try LinearAlgebraError.check(info, "dgeev")
    return (0..<k).map { (wr[$0], wi[$0]) }
  }
}

/// Allocation-free dense solves for hot loops that own their buffers.
public enum DenseSolve {
  /// Solves `A x = b` in place by LU with partial pivoting (LAPACK `dgesv`): `a` holds the
  /// n × n column-major matrix (overwritten by its factors), `b` the right-hand side
  /// (overwritten by x), `pivots` n integers of workspace.
  /// - Returns: false when `A` is exactly singular or LAPACK rejects the call.
  /// - Complexity: O(n³), no allocation.
  public static func solveInPlace(
    order n: Int, matrix a: UnsafeMutablePointer<Double>, rightHandSide b: UnsafeMutablePointer<Double>,
    pivots: UnsafeMutablePointer<Int32>
  ) -> Bool {
    let info = LAPACKE_dgesv(LAPACK_COL_MAJOR, blasInt(n), 1, a, blasInt(n), pivots, b, blasInt(n))
    return info == 0
  }
}
