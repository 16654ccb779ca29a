import AttainBench
import Testing

/// The benchmark data generator must match the numpy side of
/// `Benchmarks/compare/lstsq_vs_numpy.py` bit for bit; both implement counter-based SplitMix64.
@Suite("LeastSquaresBenchmark data")
struct LeastSquaresBenchmarkTests {
  @Test func splitMix64ReferenceOutputs() {
    // The first two outputs of Vigna's reference splitmix64.c seeded with 0 are
    // 0xE220A8397B1DCDAF and 0x6E789E6AA1B965F4.
    #expect(
      LeastSquaresBenchmark.uniform(seed: 0, index: 0) == Double(
        UInt64(0xE220_A839_7B1D_CDAF) >> 11) * 0x1p-53)
    #expect(
      LeastSquaresBenchmark.uniform(seed: 0, index: 1) == Double(
        UInt64(0x6E78_9E6A_A1B9_65F4) >> 11) * 0x1p-53)
  }

  @Test func problemLayout() throws {
    let (x, y) = LeastSquaresBenchmark.problem(rows: 50, columns: 3, seed: 9)
    #expect(x.column(0).allSatisfy { $0 == 1 })
    #expect(x[0, 1] == LeastSquaresBenchmark.uniform(seed: 9, index: 0) - 0.5)
    #expect(x[0, 2] == LeastSquaresBenchmark.uniform(seed: 9, index: 50) - 0.5)
    // y = 1 + 2 x1 + 3 x2 + noise in [−0.5, 0.5).
    for i in 0..<50 {
      let noise = y[i] - (1 + 2 * x[i, 1] + 3 * x[i, 2])
      #expect(noise >= -0.5 - 1e-12 && noise < 0.5 + 1e-12)
    }
    let (designs, responses) = LeastSquaresBenchmark.batch(fits: 3, rows: 50, columns: 3, seed: 8)
    #expect(Array(designs[150..<300]) == x.storage)
    #expect(Array(responses[50..<100]) == y)
  }
}
