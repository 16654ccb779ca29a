import AttainLinearAlgebra
import Foundation
import Testing

@Suite("Matrix basics and BLAS products")
struct MatrixTests {
  let a = try! Matrix(rows: [[1, 2, 3], [4, 5, 6]])

  @Test func layoutIsColumnMajor() {
    #expect(a.storage == [1, 4, 2, 5, 3, 6])
    #expect(a[1, 2] == 6)
    #expect(a.rowArrays == [[1, 2, 3], [4, 5, 6]])
    #expect(a.column(1) == [2, 5])
  }

  @Test func raggedRowsAreRejected() {
    #expect(throws: LinearAlgebraError.self) { try Matrix(rows: [[1, 2], [3]]) }
    #expect(throws: LinearAlgebraError.self) {
      try Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 3])
    }
  }

  @Test func transposeAndIdentity() throws {
    #expect(a.transposed().rowArrays == [[1, 4], [2, 5], [3, 6]])
    #expect(Matrix.identity(3).rowArrays == [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    #expect(try a.multiplied(by: .identity(3)) == a)
  }

  @Test func gemmAllTransposeCombinations() throws {
    let b = try Matrix(rows: [[7, 8], [9, 10], [11, 12]])
    // Hand-computed A·B.
    #expect(try a.multiplied(by: b).rowArrays == [[58, 64], [139, 154]])
    #expect(
      try b.multiplied(by: a, transposingSelf: true, transposingOther: true).rowArrays == [
        [58, 139], [64, 154],
      ])
    #expect(try a.multiplied(by: a, transposingSelf: true) == a.transposed().multiplied(by: a))
    #expect(try a.multiplied(by: a, transposingOther: true).rowArrays == [[14, 32], [32, 77]])
    #expect(a.gram() == (try a.transposed().multiplied(by: a)))
    #expect(throws: LinearAlgebraError.self) { try a.multiplied(by: a) }
  }

  @Test func gemv() throws {
    #expect(try a.multiplied(by: [1, 0, -1]) == [-2, -2])
    #expect(try a.multiplied(by: [1, 1], transposed: true) == [5, 7, 9])
    #expect(throws: LinearAlgebraError.self) { try a.multiplied(by: [1, 2]) }
  }
}

@Suite("Factorizations: dgesv, dpotrf, dtrtri, dpotri, dsyevr")
struct FactorizationTests {
  let spd = try! Matrix(rows: [[4, 12, -16], [12, 37, -43], [-16, -43, 98]])

  @Test func solveKnownSystem() throws {
    // 2x + y − z = 8, −3x − y + 2z = −11, −2x + y + 2z = −3  ⇒  (2, 3, −1).
    let m = try Matrix(rows: [[2, 1, -1], [-3, -1, 2], [-2, 1, 2]])
    let x = try m.solve([8, -11, -3])
    for (got, want) in zip(x, [2.0, 3, -1]) { #expect(abs(got - want) < 1e-14) }
    let many = try m.solve(Matrix(rows: [[8, 1], [-11, 0], [-3, 0]]))
    #expect(abs(many[0, 0] - 2) < 1e-14)
    let product = try m.multiplied(by: many)
    #expect(abs(product[0, 1] - 1) < 1e-14 && abs(product[1, 1]) < 1e-14)
  }

  @Test func singularSystemIsTyped() {
    let m = try! Matrix(rows: [[1, 2], [2, 4]])
    #expect(throws: LinearAlgebraError.singular(operation: "dgesv", pivot: 2)) {
      try m.solve([1, 2])
    }
    #expect(throws: LinearAlgebraError.nonFiniteInput(operation: "solve")) {
      try m.solve([.nan, 2])
    }
  }

  @Test func choleskyOfTextbookMatrix() throws {
    // The classic example: U = [[2, 6, −8], [0, 1, 5], [0, 0, 3]].
    let u = try spd.cholesky()
    #expect(u.rowArrays == [[2, 6, -8], [0, 1, 5], [0, 0, 3]])
    #expect(try u.multiplied(by: u, transposingSelf: true) == spd)
  }

  @Test func notPositiveDefiniteIsTyped() {
    let m = try! Matrix(rows: [[1, 2], [2, 1]])
    #expect(throws: LinearAlgebraError.notPositiveDefinite(order: 2)) { try m.cholesky() }
  }

  @Test func inverses() throws {
    let inverse = try spd.positiveDefiniteInverse()
    let product = try spd.multiplied(by: inverse)
    for i in 0..<3 {
      for j in 0..<3 { #expect(abs(product[i, j] - (i == j ? 1 : 0)) < 1e-10) }
    }
    let u = try spd.cholesky()
    let uInverse = try u.triangularInverse()
    let identity = try u.multiplied(by: uInverse)
    for i in 0..<3 {
      for j in 0..<3 { #expect(abs(identity[i, j] - (i == j ? 1 : 0)) < 1e-14) }
    }
    let l = u.transposed()
    let lInverse = try l.triangularInverse(upper: false)
    #expect(lInverse == uInverse.transposed())
    #expect(throws: LinearAlgebraError.self) {
      try Matrix(rows: [[1, 1], [0, 0]]).triangularInverse()
    }
  }

  @Test func symmetricEigenvalues() throws {
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, −1)/√2 and (1, 1)/√2.
    let m = try Matrix(rows: [[2, 1], [1, 2]])
    let e = try m.symmetricEigen()
    #expect(abs(e.values[0] - 1) < 1e-14 && abs(e.values[1] - 3) < 1e-14)
    #expect(abs(abs(e.vectors[0, 1]) - 0.5.squareRoot()) < 1e-14)
    // V diag(λ) Vᵀ reconstructs the matrix.
    var scaled = e.vectors
    for j in 0..<2 { for i in 0..<2 { scaled[i, j] *= e.values[j] } }
    let back = try scaled.multiplied(by: e.vectors, transposingOther: true)
    for i in 0..<2 { for j in 0..<2 { #expect(abs(back[i, j] - m[i, j]) < 1e-14) } }
  }
}

@Suite("Least squares: rank, aliasing, tall path")
struct LeastSquaresTests {
  /// A deterministic pseudo-random design (SplitMix64 uniforms, intercept in column 0).
  static func design(rows: Int, columns: Int, seed: UInt64 = 42) -> Matrix {
    var state = seed
    var m = Matrix(rows: rows, columns: columns)
    for j in 0..<columns {
      for i in 0..<rows {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        m[i, j] = j == 0 ? 1 : Double(z >> 11) * 0x1p-53 - 0.5
      }
    }
    return m
  }

  @Test func exactFitRecoversCoefficients() throws {
    for rows in [5, 12, 400] {  // 5 and 12 < 2·6 take dgelsy directly; 400 the tall QR path
      let x = Self.design(rows: rows, columns: 6)
      let beta = [1.5, -2, 0.25, 3, -0.5, 10]
      let y = try x.multiplied(by: beta)
      let s = try x.leastSquares(y)
      if rows >= 6 {
        #expect(s.isFullRank)
        for j in 0..<6 { #expect(isClose(s.coefficients[j], beta[j], relative: 1e-12)) }
        #expect(s.residualSumOfSquares < 1e-20)
      } else {
        #expect(s.rank == 5)
      }
    }
  }

  @Test func tallAndDirectPathsAgree() throws {
    let x = Self.design(rows: 40, columns: 4)
    let y = (0..<40).map { sin(Double($0)) }
    let tall = try x.leastSquares(y)
    // Compare against the normal equations, solved by Cholesky (well conditioned here).
    let xtx = x.gram()
    let xty = try x.multiplied(by: y, transposed: true)
    let u = try xtx.cholesky()
    let z = try u.transposed().solve(xty)
    let normal = try u.solve(z)
    for j in 0..<4 { #expect(isClose(tall.coefficients[j], normal[j], relative: 1e-10)) }
    let fitted = try x.multiplied(by: tall.coefficients)
    var rss = 0.0
    for i in 0..<40 { rss += (y[i] - fitted[i]) * (y[i] - fitted[i]) }
    #expect(isClose(tall.residualSumOfSquares, rss, relative: 1e-12))
    let covariance = try tall.unscaledCovariance()
    let inverse = try xtx.positiveDefiniteInverse()
    for i in 0..<4 {
      for j in 0..<4 { #expect(isClose(covariance[i, j], inverse[i, j], relative: 1e-9)) }
    }
  }

  @Test(arguments: [10, 100])
  func collinearColumnIsReportedAsAliased(rows: Int) throws {
    var x = Self.design(rows: rows, columns: 4)
    for i in 0..<rows { x[i, 3] = 2 * x[i, 1] - x[i, 2] }  // column 3 = 2·c1 − c2
    let y = (0..<rows).map { Double($0 % 7) }
    let s = try x.leastSquares(y)
    #expect(s.rank == 3)
    #expect(s.aliasedColumns.count == 1)
    #expect([1, 2, 3].contains(s.aliasedColumns[0]))
    #expect(throws: LinearAlgebraError.self) { try s.unscaledCovariance() }
  }

  @Test func zeroColumnIsAliased() throws {
    var x = Self.design(rows: 30, columns: 3)
    for i in 0..<30 { x[i, 2] = 0 }
    let s = try x.leastSquares((0..<30).map(Double.init))
    #expect(s.rank == 2 && s.aliasedColumns == [2])
    #expect(s.coefficients[2] == 0)
  }

  @Test func invalidInput() throws {
    let x = Self.design(rows: 10, columns: 2)
    #expect(throws: LinearAlgebraError.self) { try x.leastSquares([1, 2]) }
    var bad = Array(repeating: 1.0, count: 10)
    bad[3] = .infinity
    #expect(throws: LinearAlgebraError.nonFiniteInput(operation: "leastSquares")) {
      try x.leastSquares(bad)
    }
    for (value, rows) in [(Double.nan, 10), (.infinity, 10), (-.infinity, 3)] {
      var y = Self.design(rows: rows, columns: 2)
      y[1, 1] = value
      #expect(throws: LinearAlgebraError.nonFiniteInput(operation: "leastSquares")) {
        try y.leastSquares(Array(repeating: 1, count: rows))
      }
    }
    // Huge and tiny columns are scaled safely (the norm falls back to dnrm2).
    var extreme = Self.design(rows: 10, columns: 3)
    for i in 0..<10 {
      extreme[i, 1] *= 1e200
      extreme[i, 2] *= 1e-200
    }
    let beta = [1.0, 2e-200, 3e200]
    let s = try extreme.leastSquares(try extreme.multiplied(by: beta))
    for j in 0..<3 { #expect(isClose(s.coefficients[j], beta[j], relative: 1e-12)) }
  }

  @Test func emptyProblems() throws {
    let noRows = Matrix(rows: 0, columns: 3)
    let s = try noRows.leastSquares([])
    #expect(s.rank == 0 && s.coefficients == [0, 0, 0])
    let noColumns = Matrix(rows: 4, columns: 0)
    let t = try noColumns.leastSquares([1, 2, 3, 4])
    #expect(t.coefficients.isEmpty && t.residualSumOfSquares == 30)
  }
}
