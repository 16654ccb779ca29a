import AttainLinearAlgebra
import Dispatch

extension LeastSquaresBenchmark {
  /// One `rows × columns` problem (see `problem(rows:columns:seed:)`) solved by
  /// `Matrix.leastSquares` `repeats` times; returns the last solution and the fastest time in
  /// seconds (data generation not timed).
  /// - Complexity: O(repeats × rows × columns²).
  public static func timeSolve(rows: Int, columns: Int, seed: UInt64, repeats: Int) throws -> (
    solution: LeastSquaresSolution?, seconds: Double
  ) {
    let (x, y) = problem(rows: rows, columns: columns, seed: seed)
    var best = Double.infinity
    var solution: LeastSquaresSolution?
    for _ in 0..<repeats {
      let start = DispatchTime.now().uptimeNanoseconds
      solution = try x.leastSquares(y)
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (solution, best)
  }

  /// `fits` problems (see `batch(fits:rows:columns:seed:)`) solved in one `BatchedLeastSquares`
  /// call on `threads` workers (nil: all cores), `repeats` times; returns the last result and the
  /// fastest time in seconds (data generation not timed).
  /// - Complexity: O(repeats × fits × rows × columns²).
  public static func timeBatch(
    fits: Int, rows: Int, columns: Int, seed: UInt64, threads: Int?, repeats: Int
  ) throws -> (result: BatchedLeastSquaresResult?, seconds: Double) {
    let (designs, responses) = batch(fits: fits, rows: rows, columns: columns, seed: seed)
    let solver = try BatchedLeastSquares(rows: rows, columns: columns)
    var best = Double.infinity
    var result: BatchedLeastSquaresResult?
    for _ in 0..<repeats {
      let start = DispatchTime.now().uptimeNanoseconds
      result = try solver.solve(designs: designs, responses: responses, threads: threads)
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (result, best)
  }
}
