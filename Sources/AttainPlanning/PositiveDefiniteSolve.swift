import AttainLinearAlgebra

/// Solves `A · X = B` for symmetric positive definite `A` (n × n, row-major; symmetric, so
/// row- and column-major agree) and `B` (n × k, row-major; overwritten by X), through
/// `Matrix.solvePositiveDefinite` (LAPACK `dposv`).
///
/// - Throws: `.invalidParameter` when `A` is not positive definite or the system is malformed.
/// - Complexity: O(n³/3 + n²k).
func solvePositiveDefinite(_ a: inout [Double], n: Int, _ b: inout [Double], columns k: Int) throws(PlanningError) {
  guard n > 0, k > 0 else { return }
  guard a.count == n * n, b.count == n * k else {
    throw .lengthMismatch(name: "linear system", expected: n * n, got: a.count)
  }
  // B row-major n × k → column-major storage of an n × k matrix.
  var columnMajor = [Double](repeating: 0, count: n * k)
  for i in 0..<n { for j in 0..<k { columnMajor[j * n + i] = b[i * k + j] } }
  do {
    let matrix = try Matrix(rows: n, columns: n, columnMajor: a)
    let x = try matrix.solvePositiveDefinite(try Matrix(rows: n, columns: k, columnMajor: columnMajor))
    for i in 0..<n { for j in 0..<k { b[i * k + j] = x.storage[j * n + i] } }
  } catch {
    throw .invalidParameter(name: "covariance", value: .nan, rule: "\(error)")
  }
}
