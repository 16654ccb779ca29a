import ArgumentParser
import Attain
import AttainBench

/// `attain bench lstsq`: one large least-squares problem (see `LeastSquaresBenchmark`).
struct BenchLeastSquares: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lstsq",
    abstract: "Time one rows × cols least-squares solve (rank-revealing QR, OpenBLAS).",
    discussion: "Example: attain bench lstsq --rows 1000000 --cols 20")

  @Option(help: "Observations.") var rows = 1_000_000
  @Option(help: "Coefficients, including the intercept column.") var cols = 20
  @Option(help: "Data seed (same generator as Benchmarks/compare/lstsq_vs_numpy.py).") var seed:
    UInt64 = 1
  @Option(help: "Timed repetitions; the minimum is reported.") var repeats = 3

  func validate() throws {
    guard rows > 0, cols > 0, rows >= cols else { throw ValidationError("need rows ≥ cols > 0") }
    guard repeats > 0 else { throw ValidationError("--repeats must be positive") }
  }

  func run() throws {
    let (solution, best) = try LeastSquaresBenchmark.timeSolve(
      rows: rows, columns: cols, seed: seed, repeats: repeats)
    guard let solution else { return }
    print("blas=\(BLASThreads.configuration) threads=\(BLASThreads.count)")
    print(
      "rank=\(solution.rank) rss=\(solution.residualSumOfSquares) b0=\(solution.coefficients[0]) b_last=\(solution.coefficients[cols - 1])"
    )
    print("seconds=\(best)")
  }
}

/// `attain bench batch-lstsq`: many small independent fits through `BatchedLeastSquares`.
struct BenchBatchLeastSquares: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch-lstsq",
    abstract: "Time many small independent least-squares fits in one batched call.",
    discussion: "Example: attain bench batch-lstsq --fits 100000 --rows 60 --cols 5")

  @Option(help: "Number of independent fits.") var fits = 100_000
  @Option(help: "Observations per fit.") var rows = 60
  @Option(help: "Coefficients per fit, including the intercept column.") var cols = 5
  @Option(help: "Data seed (fit k uses seed + k).") var seed: UInt64 = 1
  @Option(help: "Worker threads (default: all cores).") var threads: Int?
  @Option(help: "Timed repetitions; the minimum is reported.") var repeats = 3

  func validate() throws {
    guard fits > 0, cols > 0, rows > cols else {
      throw ValidationError("need fits > 0 and rows > cols > 0")
    }
    if let threads, threads < 1 { throw ValidationError("--threads must be positive") }
    guard repeats > 0 else { throw ValidationError("--repeats must be positive") }
  }

  func run() throws {
    let (result, best) = try LeastSquaresBenchmark.timeBatch(
      fits: fits, rows: rows, columns: cols, seed: seed, threads: threads, repeats: repeats)
    guard let result else { return }
    let fullRank = (0..<result.count).filter { result.status(ofFit: $0) == .fullRank }.count
    print(
      "fits=\(fits) full_rank=\(fullRank) fit0=\(Array(result.coefficients(ofFit: 0))) sigma0=\(result.sigmas[0])"
    )
    print("seconds=\(best)")
  }
}
