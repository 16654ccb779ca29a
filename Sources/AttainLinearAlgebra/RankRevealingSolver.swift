internal import CLAPACK

/// A reusable `dgelsy` call for problems of one fixed shape: the workspace size is queried from
/// LAPACK once and the buffers are reused for every solve, so a loop of solves allocates nothing.
struct RankRevealingSolver {
  let rows: Int
  let columns: Int
  let reciprocalCondition: Double
  /// One-based pivots of the last solve (`dgelsy`'s `jpvt`).
  private(set) var pivots: [Int32]
  private var work: [Double]

  init(rows: Int, columns: Int, reciprocalCondition: Double) {
    self.rows = rows
    self.columns = columns
    self.reciprocalCondition = reciprocalCondition
    self.pivots = [Int32](repeating: 0, count: columns)
    // Workspace query (lwork = -1); fall back to the documented minimum if it fails.
    let mn = min(rows, columns)
    let minimum = max(mn + 3 * columns + 1, 2 * mn + 1, 1)
    var query = 0.0
    var dummyA = 0.0
    var dummyB = 0.0
    var dummyPivot: Int32 = 0
    var rank: Int32 = 0
    let info = LAPACKE_dgelsy_work(
      LAPACK_COL_MAJOR, blasInt(rows), blasInt(columns), 1, &dummyA, blasInt(max(rows, 1)), &dummyB,
      blasInt(max(rows, columns, 1)), &dummyPivot, reciprocalCondition, &rank, &query, -1)
    let size = info == 0 ? max(Int(query), minimum) : max(minimum, 64 * (columns + 1))
    self.work = [Double](repeating: 0, count: size)
  }

  /// Solve in place: `a` (`rows × columns`, leading dimension `lda`) is overwritten by its
  /// complete orthogonal factorization, `b` (length ≥ max(rows, columns)) by the solution.
  /// Returns the effective rank.
  mutating func solve(
    a: UnsafeMutablePointer<Double>, lda: Int, b: UnsafeMutablePointer<Double>, ldb: Int
  ) throws(LinearAlgebraError) -> Int {
    var rank: Int32 = 0
    let m = rows
    let n = columns
    let rcond = reciprocalCondition
    let info = pivots.withUnsafeMutableBufferPointer { pp in
      for k in 0..<pp.count { pp[k] = 0 }  // 0 = free column for dgeqp3
      return work.withUnsafeMutableBufferPointer { wp in
        LAPACKE_dgelsy_work(
          LAPACK_COL_MAJOR, blasInt(m), blasInt(n), 1, a, blasInt(lda), b, blasInt(ldb), pp.baseAddress, rcond, &rank,
          wp.baseAddress, blasInt(wp.count))
      }
    }
    try LinearAlgebraError.check(info, "dgelsy")
    return Int(rank)
  }

  /// Array convenience over `solve(a:lda:b:ldb:)`.
  mutating func solve(a: inout [Double], lda: Int, b: inout [Double], ldb: Int) throws(LinearAlgebraError) -> Int {
    if columns == 0 || rows == 0 { return 0 }  // minimum-norm solution: b stays zero
    return try a.withUnsafeMutableBufferPointer { (ap) throws(LinearAlgebraError) -> Int in
      try b.withUnsafeMutableBufferPointer { (bp) throws(LinearAlgebraError) -> Int in
        guard let aBase = ap.baseAddress, let bBase = bp.baseAddress else { return 0 }
        return try solve(a: aBase, lda: lda, b: bBase, ldb: ldb)
      }
    }
  }
}
