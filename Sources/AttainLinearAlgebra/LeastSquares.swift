internal import CLAPACK

/// The solution of a linear least-squares problem `min ‖A x − b‖₂` with its rank diagnostics.
///
/// Produced by `Matrix.leastSquares(_:reciprocalCondition:)`. For a full-rank design it also
/// holds the triangular factor needed for `(AᵀA)⁻¹`, the unscaled covariance of the estimate.
public struct LeastSquaresSolution: Sendable {
  /// The minimizer `x` (length `columns`). For a rank-deficient `A` it is the minimum-norm
  /// solution among all minimizers (the column-scaled problem's), as `dgelsy` defines it.
  public let coefficients: [Double]
  /// The effective rank found by the rank-revealing QR factorization.
  public let rank: Int
  /// Number of observations `m`.
  public let rows: Int
  /// Number of unknowns `n`.
  public let columns: Int
  /// `‖A x − b‖₂²`.
  public let residualSumOfSquares: Double
  /// Zero-based columns judged linearly dependent on the others (empty for full rank): the
  /// columns the pivoted QR placed after position `rank`.
  public let aliasedColumns: [Int]
  /// Estimate of the reciprocal 1-norm condition number of the column-equilibrated design's
  /// independent part (`R₁₁`), from LAPACK `dtrcon`. Near 1 is well conditioned; near the
  /// `reciprocalCondition` threshold the coefficients keep only about
  /// `-log10(reciprocalConditionEstimate / 1e-16)` correct digits.
  public let reciprocalConditionEstimate: Double

  /// `R` of `A·D·P = Q·R` (`n × n`, upper triangle, column-major), where `D` scales columns
  /// to unit norm and `P` is the QR pivoting.
  let factorR: [Double]
  /// One-based LAPACK pivot indices: column `k` of `A·D·P` is column `pivots[k] - 1` of `A·D`.
  let pivots: [Int32]
  /// The diagonal of `D`.
  let columnScales: [Double]

  /// Whether every column is independent (`rank == columns`).
  public var isFullRank: Bool { rank == columns }

  /// `(AᵀA)⁻¹`, the covariance of the coefficients divided by σ² (LAPACK `dpotri` on `R`).
  ///
  /// Computed as `D·P·(RᵀR)⁻¹·Pᵀ·D`, never by forming `AᵀA`, so it keeps the accuracy of the QR
  /// factorization (NIST Longley standard errors to ~1e-11 relative).
  /// - Throws: `.rankDeficient` naming the aliased columns when `rank < columns`.
  /// - Complexity: O(n³).
  public func unscaledCovariance() throws(LinearAlgebraError) -> Matrix {
    let n = columns
    guard isFullRank else {
      throw .rankDeficient(rank: rank, columns: n, aliasedColumns: aliasedColumns)
    }
    var inverse = factorR
    if n > 0 {
      let info = inverse.withUnsafeMutableBufferPointer {
        LAPACKE_dpotri(
          LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), blasInt(n), $0.baseAddress, blasInt(n))
      }
      if info > 0 { throw .singular(operation: "dpotri", pivot: Int(info)) }
      try LinearAlgebraError.check(info, "dpotri")
    }
    var result = Matrix(rows: n, columns: n)
    for j in 0..<n {
      for i in 0...j {
        let value = inverse[i + j * n]
        let pi = Int(pivots[i]) - 1
        let pj = Int(pivots[j]) - 1
        let scaled = value * columnScales[pi] * columnScales[pj]
        result[pi, pj] = scaled
        result[pj, pi] = scaled
      }
    }
    return result
  }
}

/// Defaults shared by the least-squares routines.
public enum LeastSquares {
  /// The default rank threshold for `dgelsy`, applied after scaling every column to unit
  /// 2-norm: the rank is the largest `r` such that the estimated condition number of the
  /// leading `r × r` block of `R` stays below `1 / defaultReciprocalCondition = 1e12`.
  ///
  /// Why 1e-12: exactly collinear columns produce condition numbers near `1/ε ≈ 4.5e15` (ε the
  /// double-precision epsilon), so they are caught with three orders of magnitude to spare,
  /// while hard but solvable problems pass — the NIST StRD Filip design (10th-degree
  /// polynomial) has condition number 1.8e15 raw and 5.2e9 after column scaling. A problem
  /// accepted at the threshold still has about four correct significant digits (ε · 1e12).
  /// R's `lm` uses 1e-7 on a differently pivoted QR and rejects Filip.
  public static let defaultReciprocalCondition = 1e-12
}

extension Matrix {
  /// Solve `min ‖A x − b‖₂` with a rank-revealing, column-pivoted QR factorization
  /// (LAPACK `dgelsy`), after scaling each column of `A` to unit 2-norm so that rank decisions
  /// do not depend on the units of the columns.
  ///
  /// Tall problems (`rows ≥ 2 · columns`) are first reduced with the communication-avoiding
  /// tall-skinny QR (`dgeqr` + `dgemqr`, one pass over `A`), and `dgelsy` then works on the
  /// `n × n` factor `R`, which has the same singular values; this is the same reduction
  /// `dgelsd` (numpy's `lstsq`) makes for `m ≫ n`.
  ///
  /// - Parameters:
  ///   - b: the right-hand side, length `rows`.
  ///   - reciprocalCondition: the rank threshold (see `LeastSquares.defaultReciprocalCondition`).
  /// - Returns: the solution with its effective rank and aliased columns. A rank-deficient
  ///   problem is not an error here: the result reports it (`isFullRank`, `aliasedColumns`).
  /// - Throws: `.dimensionMismatch`, `.nonFiniteInput`, or a LAPACK failure.
  /// - Complexity: O(m · n²) flops, multithreaded by OpenBLAS for large `m`.
  /// - Reference: Golub & Van Loan, *Matrix Computations* (4th ed.), §5.4; LAPACK Users' Guide §2.4.2.
  public func leastSquares(
    _ b: [Double], reciprocalCondition: Double = LeastSquares.defaultReciprocalCondition
  ) throws(LinearAlgebraError) -> LeastSquaresSolution {
    let m = rows
    let n = columns
    guard b.count == m else {
      throw .dimensionMismatch(
        operation: "leastSquares", expected: "right-hand side of length \(m)", got: "\(b.count)")
    }
    guard b.allSatisfy(\.isFinite) else { throw .nonFiniteInput(operation: "leastSquares") }
    // Column scales D = diag(1 / ‖a_j‖); a zero column keeps scale 1 and is aliased below.
    // A NaN or infinite element makes its column's norm non-finite (one pass checks both).
    var scales = [Double](repeating: 1, count: n)
    var finite = true
    storage.withUnsafeBufferPointer { a in
      guard let base = a.baseAddress, m > 0 else { return }
      for j in 0..<n {
        let norm = Self.norm(base + j * m, count: m)
        if !norm.isFinite { finite = false }
        if norm > 0 { scales[j] = 1 / norm }
      }
    }
    guard finite else { throw .nonFiniteInput(operation: "leastSquares") }
    if m >= 2 * n && n > 0 {
      return try tallLeastSquares(b, scales: scales, reciprocalCondition: reciprocalCondition)
    }
    var a = [Double](repeating: 0, count: m * n)
    storage.withUnsafeBufferPointer { source in
      for j in 0..<n {
        let s = scales[j]
        for i in 0..<m { a[i + j * m] = source[i + j * m] * s }
      }
    }
    var rhs = [Double](repeating: 0, count: max(m, n, 1))
    for i in 0..<m { rhs[i] = b[i] }
    var kernel = RankRevealingSolver(rows: m, columns: n, reciprocalCondition: reciprocalCondition)
    let rank = try kernel.solve(a: &a, lda: max(m, 1), b: &rhs, ldb: max(m, n, 1))
    var x = [Double](repeating: 0, count: n)
    for j in 0..<n { x[j] = rhs[j] * scales[j] }
    // Residual with the original A.
    var residual = b
    if m > 0 && n > 0 {
      storage.withUnsafeBufferPointer { ap in
        x.withUnsafeBufferPointer { xp in
          residual.withUnsafeMutableBufferPointer { rp in
            cblas_dgemv(
              CblasColMajor, CblasNoTrans, blasInt(m), blasInt(n), -1.0, ap.baseAddress, blasInt(m),
              xp.baseAddress, 1,
              1.0, rp.baseAddress, 1)
          }
        }
      }
    }
    let rss = residual.reduce(0) { $0 + $1 * $1 }
    let factor = Self.upperSquare(of: a, lda: max(m, 1), n: n)
    return try LeastSquaresSolution.make(
      coefficients: x, rank: rank, rows: m, columns: n, rss: rss, factorR: factor,
      pivots: kernel.pivots,
      scales: scales)
  }

  /// `m ≥ 2n`: reduce with tall-skinny QR, then run `dgelsy` on `R`.
  private func tallLeastSquares(
    _ b: [Double], scales: [Double], reciprocalCondition: Double
  ) throws(LinearAlgebraError) -> LeastSquaresSolution {
    let m = rows
    let n = columns
    // The scaled copy is written once, without zero-filling it first (a pass over A saved).
    var a = storage.withUnsafeBufferPointer { source in
      [Double](unsafeUninitializedCapacity: m * n) { target, initialized in
        for j in 0..<n {
          let s = scales[j]
          let src = source.baseAddress! + j * m
          let dst = target.baseAddress! + j * m
          for i in 0..<m { dst[i] = src[i] * s }
        }
        initialized = m * n
      }
    }
    var qtb = b
    // Workspace query for dgeqr (T and work sizes) and dgemqr.
    var tQuery = [Double](repeating: 0, count: 5)
    var workQuery = [Double](repeating: 0, count: 1)
    var info = a.withUnsafeMutableBufferPointer { ap in
      LAPACKE_dgeqr_work(
        LAPACK_COL_MAJOR, blasInt(m), blasInt(n), ap.baseAddress, blasInt(m), &tQuery, -1,
        &workQuery, -1)
    }
    try LinearAlgebraError.check(info, "dgeqr")
    let tsize = max(Int(tQuery[0]), 5)
    var lwork = max(Int(workQuery[0]), 1)
    var t = [Double](repeating: 0, count: tsize)
    var work = [Double](repeating: 0, count: lwork)
    info = a.withUnsafeMutableBufferPointer { ap in
      LAPACKE_dgeqr_work(
        LAPACK_COL_MAJOR, blasInt(m), blasInt(n), ap.baseAddress, blasInt(m), &t, blasInt(tsize),
        &work,
        blasInt(lwork))
    }
    try LinearAlgebraError.check(info, "dgeqr")
    info = a.withUnsafeBufferPointer { ap in
      qtb.withUnsafeMutableBufferPointer { bp in
        LAPACKE_dgemqr_work(
          LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int8(UInt8(ascii: "T")), blasInt(m), 1,
          blasInt(n),
          ap.baseAddress, blasInt(m), &t, blasInt(tsize), bp.baseAddress, blasInt(m), &workQuery, -1
        )
      }
    }
    try LinearAlgebraError.check(info, "dgemqr")
    lwork = max(Int(workQuery[0]), 1)
    if work.count < lwork { work = [Double](repeating: 0, count: lwork) }
    info = a.withUnsafeBufferPointer { ap in
      qtb.withUnsafeMutableBufferPointer { bp in
        LAPACKE_dgemqr_work(
          LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int8(UInt8(ascii: "T")), blasInt(m), 1,
          blasInt(n),
          ap.baseAddress, blasInt(m), &t, blasInt(tsize), bp.baseAddress, blasInt(m), &work,
          blasInt(work.count))
      }
    }
    try LinearAlgebraError.check(info, "dgemqr")
    var tailSquares = 0.0
    for i in n..<m { tailSquares += qtb[i] * qtb[i] }
    var r = Self.upperSquare(of: a, lda: m, n: n)
    let c = Array(qtb[0..<n])
    var rhs = c
    var kernel = RankRevealingSolver(rows: n, columns: n, reciprocalCondition: reciprocalCondition)
    let rank = try kernel.solve(a: &r, lda: n, b: &rhs, ldb: n)
    // ‖c − R₀ x_s‖² with R₀ the factor before dgelsy overwrote it: recompute from a.
    let r0 = Self.upperSquare(of: a, lda: m, n: n)
    var inner = c
    r0.withUnsafeBufferPointer { rp in
      rhs.withUnsafeBufferPointer { xp in
        inner.withUnsafeMutableBufferPointer { ip in
          cblas_dgemv(
            CblasColMajor, CblasNoTrans, blasInt(n), blasInt(n), -1.0, rp.baseAddress, blasInt(n),
            xp.baseAddress, 1,
            1.0, ip.baseAddress, 1)
        }
      }
    }
    let rss = tailSquares + inner.reduce(0) { $0 + $1 * $1 }
    var x = [Double](repeating: 0, count: n)
    for j in 0..<n { x[j] = rhs[j] * scales[j] }
    let factor = Self.upperSquare(of: r, lda: n, n: n)
    return try LeastSquaresSolution.make(
      coefficients: x, rank: rank, rows: m, columns: n, rss: rss, factorR: factor,
      pivots: kernel.pivots,
      scales: scales)
  }

  /// The 2-norm of a contiguous vector: `√(x·x)` with BLAS `ddot` (vectorized, one pass), falling
  /// back to the overflow- and underflow-safe `dnrm2` when the sum of squares leaves the safe
  /// range; NaN or ±infinity for a vector containing them.
  static func norm(_ x: UnsafePointer<Double>, count: Int) -> Double {
    if count == 0 { return 0 }
    let sumOfSquares = cblas_ddot(blasInt(count), x, 1, x, 1)
    if sumOfSquares.isFinite && sumOfSquares > 1e-280 && sumOfSquares < 1e280 {
      return sumOfSquares.squareRoot()
    }
    if sumOfSquares.isNaN { return .nan }
    return cblas_dnrm2(blasInt(count), x, 1)
  }

  /// The leading `n × n` upper triangle of a column-major buffer, zeros below the diagonal.
  static func upperSquare(of a: [Double], lda: Int, n: Int) -> [Double] {
    var r = [Double](repeating: 0, count: n * n)
    for j in 0..<n {
      for i in 0...j where i < lda && i + j * lda < a.count { r[i + j * n] = a[i + j * lda] }
    }
    return r
  }
}

extension LeastSquaresSolution {
  /// Assemble a solution, estimating the condition of the independent block with `dtrcon`.
  static func make(
    coefficients: [Double], rank: Int, rows: Int, columns: Int, rss: Double, factorR: [Double],
    pivots: [Int32],
    scales: [Double]
  ) throws(LinearAlgebraError) -> LeastSquaresSolution {
    var rcondEstimate = 0.0
    if rank > 0 {
      let info = factorR.withUnsafeBufferPointer { rp in
        LAPACKE_dtrcon(
          LAPACK_COL_MAJOR, Int8(UInt8(ascii: "1")), Int8(UInt8(ascii: "U")),
          Int8(UInt8(ascii: "N")), blasInt(rank),
          rp.baseAddress, blasInt(columns), &rcondEstimate)
      }
      try LinearAlgebraError.check(info, "dtrcon")
    }
    let aliased = pivots[rank...].map { Int($0) - 1 }.sorted()
    return LeastSquaresSolution(
      coefficients: coefficients, rank: rank, rows: rows, columns: columns,
      residualSumOfSquares: rss,
      aliasedColumns: aliased, reciprocalConditionEstimate: rcondEstimate, factorR: factorR,
      pivots: pivots,
      columnScales: scales)
  }
}
