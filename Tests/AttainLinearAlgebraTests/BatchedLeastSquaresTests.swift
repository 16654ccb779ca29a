import AttainLinearAlgebra
import Foundation
import Testing

/// Serialized: these tests change or depend on OpenBLAS's process-wide thread count.
@Suite("BatchedLeastSquares and BLAS threads", .serialized)
struct BatchedLeastSquaresTests {
  @Test func blasThreadCountRoundTrips() {
    let previous = BLASThreads.count
    defer { BLASThreads.count = previous }
    BLASThreads.count = 1
    #expect(BLASThreads.count == 1)
    BLASThreads.count = 0
    #expect(BLASThreads.count == 1)
    #expect(!BLASThreads.configuration.isEmpty)
    // Nested and concurrent single-thread scopes restore the count only when the last one ends.
    BLASThreads.count = 2
    BLASThreads.withSingleThread {
      #expect(BLASThreads.count == 1)
      BLASThreads.withSingleThread { #expect(BLASThreads.count == 1) }
      #expect(BLASThreads.count == 1)
    }
    #expect(BLASThreads.count == 2)
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      BLASThreads.withSingleThread { #expect(BLASThreads.count == 1) }
    }
    #expect(BLASThreads.count == 2)
  }

  static let rows = 24
  static let columns = 4
  static let count = 1_300  // three chunks of 512, the last one partial

  /// Deterministic designs (intercept + 3 SplitMix64 uniforms) and noisy responses.
  static func data() -> (designs: [Double], responses: [Double]) {
    var state: UInt64 = 7
    func uniform() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      return Double(z >> 11) * 0x1p-53
    }
    var designs = [Double](repeating: 0, count: count * rows * columns)
    var responses = [Double](repeating: 0, count: count * rows)
    for k in 0..<count {
      let base = k * rows * columns
      for i in 0..<rows {
        designs[base + i] = 1
        var y = Double(k % 10)
        for j in 1..<columns {
          let v = uniform() * 10
          designs[base + i + j * rows] = v
          y += Double(j) * v
        }
        responses[k * rows + i] = y + uniform() - 0.5
      }
    }
    return (designs, responses)
  }

  @Test func matchesSingleFits() throws {
    let (designs, responses) = Self.data()
    let batch = try BatchedLeastSquares(rows: Self.rows, columns: Self.columns)
    let result = try batch.solve(designs: designs, responses: responses)
    #expect(result.count == Self.count)
    for k in stride(from: 0, to: Self.count, by: 97) {
      let block = Array(
        designs[(k * Self.rows * Self.columns)..<((k + 1) * Self.rows * Self.columns)])
      let x = try Matrix(rows: Self.rows, columns: Self.columns, columnMajor: block)
      let y = Array(responses[(k * Self.rows)..<((k + 1) * Self.rows)])
      let single = try x.leastSquares(y)
      #expect(result.status(ofFit: k) == .fullRank)
      for (a, b) in zip(result.coefficients(ofFit: k), single.coefficients) {
        #expect(isClose(a, b, relative: 1e-11))
      }
      let sigma = (single.residualSumOfSquares / Double(Self.rows - Self.columns)).squareRoot()
      #expect(isClose(result.sigmas[k], sigma, relative: 1e-11))
    }
  }

  @Test func resultsDoNotDependOnThreadCount() throws {
    let (designs, responses) = Self.data()
    let batch = try BatchedLeastSquares(rows: Self.rows, columns: Self.columns)
    let one = try batch.solve(designs: designs, responses: responses, threads: 1)
    let two = try batch.solve(designs: designs, responses: responses, threads: 2)
    let five = try batch.solve(designs: designs, responses: responses, threads: 5)
    #expect(one.coefficients == two.coefficients && one.coefficients == five.coefficients)
    #expect(one.sigmas == two.sigmas && one.sigmas == five.sigmas)
  }

  @Test func closureFillMatchesBuffers() throws {
    let (designs, responses) = Self.data()
    let batch = try BatchedLeastSquares(rows: Self.rows, columns: Self.columns)
    let buffered = try batch.solve(designs: designs, responses: responses)
    let m = Self.rows
    let perDesign = Self.rows * Self.columns
    let filled = batch.solve(count: Self.count) { k, design, response in
      for i in 0..<perDesign { design[i] = designs[k * perDesign + i] }
      for i in 0..<m { response[i] = responses[k * m + i] }
    }
    #expect(filled.coefficients == buffered.coefficients)
    #expect(filled.ranks == buffered.ranks)
  }

  @Test func rankDeficientAndNonFiniteFitsAreFlagged() throws {
    var (designs, responses) = Self.data()
    let perDesign = Self.rows * Self.columns
    // Fit 3: column 3 = 2 × column 1. Fit 5: a NaN response.
    for i in 0..<Self.rows {
      designs[3 * perDesign + 3 * Self.rows + i] = 2 * designs[3 * perDesign + Self.rows + i]
    }
    responses[5 * Self.rows + 2] = .nan
    let result = try BatchedLeastSquares(rows: Self.rows, columns: Self.columns)
      .solve(designs: designs, responses: responses)
    #expect(result.status(ofFit: 3) == .rankDeficient(rank: 3))
    #expect(result.status(ofFit: 5) == .nonFiniteInput)
    #expect(result.coefficients(ofFit: 5).allSatisfy { $0.isNaN })
    #expect(result.status(ofFit: 4) == .fullRank)
  }

  @Test func shapeErrors() throws {
    #expect(throws: LinearAlgebraError.self) { try BatchedLeastSquares(rows: 4, columns: 4) }
    let batch = try BatchedLeastSquares(rows: 5, columns: 2)
    #expect(throws: LinearAlgebraError.self) { try batch.solve(designs: [1, 2, 3], responses: []) }
    #expect(throws: LinearAlgebraError.self) {
      try batch.solve(designs: Array(repeating: 1, count: 10), responses: [1])
    }
    let empty = try batch.solve(designs: [], responses: [])
    #expect(empty.count == 0)
  }
}
