import Testing

@testable import AttainLinearAlgebra

/// OpenBLAS's worker pool can be stopped and comes back by itself at the next call.
@Suite struct BLASThreadsTests {
  /// After `releaseIdleWorkers`, a product large enough for OpenBLAS to split over its threads
  /// is still exact (integer entries, so every sum is exact in any order), twice in a row.
  @Test func productsAreRightAfterReleasingTheWorkers() throws {
    #expect(BLASThreads.releaseIdleWorkers())
    let n = 300
    // A[i][j] = (i + 2j) mod 7, B[i][j] = (3i + j) mod 5: small integers.
    let a = try Matrix(
      rows: (0..<n).map { i in (0..<n).map { j in Double((i + 2 * j) % 7) } })
    let b = try Matrix(
      rows: (0..<n).map { i in (0..<n).map { j in Double((3 * i + j) % 5) } })
    for _ in 0..<2 {
      let c = try a.multiplied(by: b)
      for (i, j) in [(0, 0), (1, 2), (150, 77), (299, 299), (42, 256)] {
        var expected = 0.0
        for k in 0..<n { expected += Double((i + 2 * k) % 7) * Double((3 * k + j) % 5) }
        #expect(c[i, j] == expected)
      }
      BLASThreads.releaseIdleWorkers()
    }
  }
}
