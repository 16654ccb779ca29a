import AttainLinearAlgebra

/// Reproducible synthetic least-squares problems for benchmarks and peer comparisons.
///
/// Values come from a counter-based SplitMix64: element `i` of stream `seed` is
/// `mix(seed &+ (i + 1) &* 0x9E3779B97F4A7C15)`, mapped to a uniform double in [0, 1) with its top
/// 53 bits. Being counter-based, the generator vectorizes in numpy with wrapping `uint64`
/// arithmetic, so `Benchmarks/compare/lstsq_vs_numpy.py` builds bit-identical data.
///
/// A problem of `rows × columns`: column 0 is the intercept (ones); column `j ≥ 1` holds
/// `u − 0.5` with `u` the uniforms `i + rows·(j−1)`, i.e. the columns of a column-major buffer
/// filled in order; the response is `Σ_j (j + 1) x_ij + (v_i − 0.5)`, `v` the uniforms after the
/// design's.
public enum LeastSquaresBenchmark {
  /// SplitMix64's output function applied to counter `index` of stream `seed`, as a uniform
  /// double in [0, 1).
  @inline(__always)
  public static func uniform(seed: UInt64, index: UInt64) -> Double {
    var z = seed &+ (index &+ 1) &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Double(z >> 11) * 0x1p-53
  }

  /// One `rows × columns` problem (design, response) as described above.
  /// - Complexity: O(rows × columns).
  public static func problem(rows: Int, columns: Int, seed: UInt64 = 1) -> (
    design: Matrix, response: [Double]
  ) {
    var storage = [Double](repeating: 1, count: rows * columns)
    var response = [Double](repeating: 0, count: rows)
    fill(
      rows: rows, columns: columns, seed: seed, design: &storage, designOffset: 0,
      response: &response, responseOffset: 0)
    // The element count is rows × columns by construction, so the fallback is never taken.
    let design =
      (try? Matrix(rows: rows, columns: columns, columnMajor: storage))
      ?? Matrix(rows: rows, columns: columns)
    return (design, response)
  }

  /// `fits` independent problems of `rows × columns`, stored as `BatchedLeastSquares` expects;
  /// fit `k` uses stream `seed &+ k`.
  public static func batch(fits: Int, rows: Int, columns: Int, seed: UInt64 = 1) -> (
    designs: [Double], responses: [Double]
  ) {
    var designs = [Double](repeating: 1, count: fits * rows * columns)
    var responses = [Double](repeating: 0, count: fits * rows)
    for k in 0..<fits {
      fill(
        rows: rows, columns: columns, seed: seed &+ UInt64(k), design: &designs,
        designOffset: k * rows * columns,
        response: &responses, responseOffset: k * rows)
    }
    return (designs, responses)
  }

  private static func fill(
    rows: Int, columns: Int, seed: UInt64, design: inout [Double], designOffset: Int,
    response: inout [Double],
    responseOffset: Int
  ) {
    design.withUnsafeMutableBufferPointer { d in
      response.withUnsafeMutableBufferPointer { r in
        for i in 0..<rows {
          d[designOffset + i] = 1
          r[responseOffset + i] = 1  // coefficient 1 on the intercept
        }
        var counter: UInt64 = 0
        for j in 1..<max(columns, 1) {
          let weight = Double(j + 1)
          let column = designOffset + j * rows
          for i in 0..<rows {
            let x = uniform(seed: seed, index: counter) - 0.5
            counter += 1
            d[column + i] = x
            r[responseOffset + i] += weight * x
          }
        }
        for i in 0..<rows {
          r[responseOffset + i] += uniform(seed: seed, index: counter) - 0.5
          counter += 1
        }
      }
    }
  }
}
