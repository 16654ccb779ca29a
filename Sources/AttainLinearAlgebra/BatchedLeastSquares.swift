internal import CLAPACK
import AttainParallel
import Dispatch
import Foundation

/// Many small independent least-squares fits of one shape (`rows × columns`), e.g. a
/// regression of each of 100,000 series on the same five drivers over 60 periods.
///
/// Each fit solves the same problem as `Matrix.leastSquares` (column scaling to unit norm, rank
/// decided by the rank-revealing `dgelsy`), organized for throughput:
/// - a fast path solves each fit by unpivoted Householder QR (`dgeqrf`, `dormqr`, `dtrtrs`) and accepts it when
///   `dtrcon` estimates `rcond(R) ≥ 10 × reciprocalCondition`; any other fit is re-solved by
///   `dgelsy`, which makes the rank decision (full-rank least-squares solutions are unique, so
///   both paths agree to rounding);
/// - LAPACK's optimal workspace is queried once; every worker allocates its buffers once and
///   reuses them for all its fits, so the loop over fits allocates nothing;
/// - fits are split into fixed chunks of 256 handed to `threads` workers on demand, with OpenBLAS
///   set to one thread for the duration (nested BLAS threads would oversubscribe the cores);
/// - every fit is computed by the same sequence of operations whatever the thread count, so the
///   results are bitwise identical for any `threads`.
///
/// `OpenBLAS`'s thread count is process-global: do not run two batches concurrently with other
/// code that needs multithreaded BLAS at the same moment.
public struct BatchedLeastSquares: Sendable {
  /// Observations per fit (m).
  public let rows: Int
  /// Coefficients per fit (n).
  public let columns: Int
  /// Rank threshold, as in `Matrix.leastSquares`.
  public let reciprocalCondition: Double

  /// Fits of shape `rows × columns`.
  /// - Throws: `.dimensionMismatch` unless `rows > columns ≥ 1` (σ needs a residual degree of freedom).
  public init(
    rows: Int, columns: Int, reciprocalCondition: Double = LeastSquares.defaultReciprocalCondition
  ) throws(LinearAlgebraError) {
    guard columns >= 1, rows > columns else {
      throw .dimensionMismatch(
        operation: "BatchedLeastSquares", expected: "rows > columns ≥ 1",
        got: "\(rows) × \(columns)")
    }
    self.rows = rows
    self.columns = columns
    self.reciprocalCondition = reciprocalCondition
  }

  /// Fit `count` problems stored contiguously.
  ///
  /// - Parameters:
  ///   - designs: `count · rows · columns` values; fit `k`'s design is the column-major block
  ///     starting at `k · rows · columns`.
  ///   - responses: `count · rows` values; fit `k`'s response starts at `k · rows`.
  ///   - threads: worker count (default: all active processors).
  /// - Complexity: O(count · rows · columns²) flops, parallel across fits.
  public func solve(
    designs: [Double], responses: [Double], threads: Int? = nil
  ) throws(LinearAlgebraError) -> BatchedLeastSquaresResult {
    let perDesign = rows * columns
    guard designs.count % perDesign == 0 else {
      throw .dimensionMismatch(
        operation: "BatchedLeastSquares.solve",
        expected: "a multiple of \(perDesign) design values",
        got: "\(designs.count)")
    }
    let count = designs.count / perDesign
    guard responses.count == count * rows else {
      throw .dimensionMismatch(
        operation: "BatchedLeastSquares.solve", expected: "\(count * rows) response values",
        got: "\(responses.count)")
    }
    return designs.withUnsafeBufferPointer { d in
      responses.withUnsafeBufferPointer { r in
        guard let designBase = d.baseAddress, let responseBase = r.baseAddress else {
          return BatchedLeastSquaresResult(
            count: 0, columns: columns, coefficients: [], sigmas: [], ranks: [])
        }
        return run(
          count: count, threads: threads,
          source: .buffers(design: designBase, response: responseBase))
      }
    }
  }

  /// Fit `count` problems whose data a closure writes on demand, so the whole batch never has
  /// to exist in memory at once (e.g. building each series' design from a `Panel`).
  ///
  /// - Parameter fill: called once per fit, possibly concurrently from several threads, with
  ///   the fit index and buffers of `rows · columns` (column-major design) and `rows` (response)
  ///   values to overwrite completely. It must not allocate if the batch is to be allocation-free.
  public func solve(
    count: Int, threads: Int? = nil,
    fill:
      @escaping @Sendable (
        Int, UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>
      ) -> Void
  ) -> BatchedLeastSquaresResult {
    run(count: max(count, 0), threads: threads, source: .closure(fill))
  }

  /// Fits per scheduling chunk: large enough to amortize dispatch, small enough to balance.
  static let chunkSize = 256

  private func run(count: Int, threads: Int?, source: BatchSource) -> BatchedLeastSquaresResult {
    let n = columns
    var coefficients = [Double](repeating: 0, count: count * n)
    var sigmas = [Double](repeating: 0, count: count)
    var ranks = [Int32](repeating: 0, count: count)
    if count == 0 {
      return BatchedLeastSquaresResult(
        count: 0, columns: n, coefficients: [], sigmas: [], ranks: [])
    }
    let chunks = (count + Self.chunkSize - 1) / Self.chunkSize
    let available = max(threads ?? ProcessInfo.processInfo.activeProcessorCount, 1)
    let workers = min(available, chunks)
    let shape = self
    var workspaces = (0..<workers).map { _ in BatchWorkspace(shape: shape) }
    BLASThreads.withSingleThread {
      workspaces.withParallelAccess { spaces in
        coefficients.withParallelAccess { c in
          sigmas.withParallelAccess { s in
            ranks.withParallelAccess { rk in
              ParallelChunks.run(chunks: chunks, threads: workers) { chunk, worker in
                let start = chunk * Self.chunkSize
                let end = min(start + Self.chunkSize, count)
                c.withUnsafeMutableBufferPointer((start * n)..<(end * n)) { coefficientBase in
                  s.withUnsafeMutableBufferPointer(start..<end) { sigmaBase in
                    rk.withUnsafeMutableBufferPointer(start..<end) { rankBase in
                      for k in start..<end {
                        let j = k - start
                        spaces[worker].fit(
                          index: k, source: source, coefficients: coefficientBase.baseAddress! + j * n,
                          sigma: sigmaBase.baseAddress! + j, rank: rankBase.baseAddress! + j)
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return BatchedLeastSquaresResult(
      count: count, columns: n, coefficients: coefficients, sigmas: sigmas, ranks: ranks)
  }
}

/// The outcome of one fit in a batch.
public enum BatchFitStatus: Sendable, Equatable {
  /// Full column rank: coefficients and σ are the least-squares estimates.
  case fullRank
  /// Rank deficient: coefficients are the minimum-norm solution of the scaled problem.
  case rankDeficient(rank: Int)
  /// The fit's data contained NaN or infinity: its coefficients and σ are NaN.
  case nonFiniteInput
}

/// Results of `BatchedLeastSquares`, in contiguous buffers indexed by fit.
public struct BatchedLeastSquaresResult: Sendable {
  /// Number of fits.
  public let count: Int
  /// Coefficients per fit.
  public let columns: Int
  /// `count · columns` values: fit `k`'s coefficients are `coefficients[k·columns ..< (k+1)·columns]`.
  public let coefficients: [Double]
  /// Residual standard error of each fit, `√(RSS / (rows − rank))`.
  public let sigmas: [Double]
  /// Effective rank of each fit (−1 for non-finite input).
  public let ranks: [Int32]

  /// Fit `k`'s coefficients.
  public func coefficients(ofFit k: Int) -> ArraySlice<Double> {
    coefficients[(k * columns)..<((k + 1) * columns)]
  }

  /// Fit `k`'s status.
  public func status(ofFit k: Int) -> BatchFitStatus {
    let r = Int(ranks[k])
    if r < 0 { return .nonFiniteInput }
    return r == columns ? .fullRank : .rankDeficient(rank: r)
  }
}

/// Where a batch's data comes from: caller-owned contiguous buffers (read in place) or a
/// closure that writes each fit into the worker's buffers.
private enum BatchSource: @unchecked Sendable {
  case buffers(design: UnsafePointer<Double>, response: UnsafePointer<Double>)
  case closure(
    @Sendable (Int, UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void)
}

/// A zeroed, fixed-size scratch allocation owned by one worker (a class, so that the closure
/// filling it and the fit reading it do not overlap exclusive accesses to a struct property).
private final class ScratchBuffer {
  let buffer: UnsafeMutableBufferPointer<Double>

  init(count: Int) {
    buffer = .allocate(capacity: max(count, 1))
    buffer.initialize(repeating: 0)
  }

  deinit { buffer.deallocate() }
}

/// Per-worker buffers, allocated once and reused for every fit of that worker.
private struct BatchWorkspace {
  let rows: Int
  let columns: Int
  let reciprocalCondition: Double
  var solver: RankRevealingSolver
  var fastSolver: QRLeastSquaresSolver
  let design: ScratchBuffer
  let response: ScratchBuffer
  var scaled: [Double]
  var rhs: [Double]
  var scales: [Double]

  init(shape: BatchedLeastSquares) {
    rows = shape.rows
    columns = shape.columns
    reciprocalCondition = shape.reciprocalCondition
    solver = RankRevealingSolver(
      rows: rows, columns: columns, reciprocalCondition: shape.reciprocalCondition)
    fastSolver = QRLeastSquaresSolver(rows: rows, columns: columns)
    design = ScratchBuffer(count: rows * columns)
    response = ScratchBuffer(count: rows)
    scaled = [Double](repeating: 0, count: rows * columns)
    rhs = [Double](repeating: 0, count: max(rows, columns))
    scales = [Double](repeating: 1, count: columns)
  }

  mutating func fit(
    index: Int, source: BatchSource,
    coefficients: UnsafeMutablePointer<Double>, sigma: UnsafeMutablePointer<Double>,
    rank: UnsafeMutablePointer<Int32>
  ) {
    switch source {
    case .buffers(let design, let response):
      fit(
        design: design + index * rows * columns, response: response + index * rows,
        coefficients: coefficients, sigma: sigma, rank: rank)
    case .closure(let fill):
      fill(index, design.buffer, response.buffer)
      fit(
        design: UnsafePointer(design.buffer.baseAddress!),
        response: UnsafePointer(response.buffer.baseAddress!),
        coefficients: coefficients, sigma: sigma, rank: rank)
    }
  }

  /// Fit one problem read from `d` (column-major `rows × columns`) and `y` (`rows`).
  mutating func fit(
    design d: UnsafePointer<Double>, response y: UnsafePointer<Double>,
    coefficients: UnsafeMutablePointer<Double>, sigma: UnsafeMutablePointer<Double>,
    rank: UnsafeMutablePointer<Int32>
  ) {
    let m = rows
    let n = columns
    let threshold = 10 * reciprocalCondition
    let outcome: Int32 = scaled.withUnsafeMutableBufferPointer { aBuffer in
      rhs.withUnsafeMutableBufferPointer { bBuffer in
        scales.withUnsafeMutableBufferPointer { sBuffer in
          let a = aBuffer.baseAddress!
          let b = bBuffer.baseAddress!
          let s = sBuffer.baseAddress!
          // Column scales and finiteness.
          var finite = true
          for j in 0..<n {
            var sum = 0.0
            for i in 0..<m { sum += d[i + j * m] * d[i + j * m] }
            if !sum.isFinite { finite = false }
            s[j] = sum > 0 ? 1 / sum.squareRoot() : 1
          }
          for i in 0..<m where !y[i].isFinite { finite = false }
          guard finite else { return -1 }
          func load() {
            for j in 0..<n {
              let scale = s[j]
              for i in 0..<m { a[i + j * m] = d[i + j * m] * scale }
            }
            for i in 0..<m { b[i] = y[i] }
          }
          // Fast path: unpivoted QR accepted when R is comfortably well conditioned.
          load()
          if fastSolver.solve(a: a, b: b, threshold: threshold) >= threshold {
            for j in 0..<n { coefficients[j] = b[j] * s[j] }
            var rss = 0.0
            for i in n..<m { rss += b[i] * b[i] }
            sigma.pointee = (rss / Double(m - n)).squareRoot()
            return Int32(n)
          }
          // Rank-revealing path: dgelsy decides the rank.
          load()
          guard let r = try? solver.solve(a: a, lda: m, b: b, ldb: max(m, n)) else { return -1 }
          for j in 0..<n { coefficients[j] = b[j] * s[j] }
          var rss = 0.0
          for i in 0..<m {
            var fitted = 0.0
            for j in 0..<n { fitted += d[i + j * m] * coefficients[j] }
            let e = y[i] - fitted
            rss += e * e
          }
          sigma.pointee = (rss / Double(m - r)).squareRoot()
          return Int32(r)
        }
      }
    }
    if outcome < 0 {
      for j in 0..<n { coefficients[j] = .nan }
      sigma.pointee = .nan
    }
    rank.pointee = outcome
  }
}
