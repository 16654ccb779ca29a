import Attain
import AttainBench
import Benchmark

/// Least-squares benchmarks: one tall problem (TSQR + dgelsy) and a batch of small fits
/// (`BatchedLeastSquares`). Data from `LeastSquaresBenchmark`, identical to the numpy comparison
/// in `Benchmarks/compare/lstsq_vs_numpy.sh`.
func linearAlgebraBenchmarks() {
  Benchmark("lstsq.tall.100000x20") { benchmark in
    let (x, y) = LeastSquaresBenchmark.problem(rows: 100_000, columns: 20, seed: 1)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try x.leastSquares(y))
    }
  }

  Benchmark("lstsq.batch.1000x60x5") { benchmark in
    let (designs, responses) = LeastSquaresBenchmark.batch(
      fits: 1_000, rows: 60, columns: 5, seed: 1)
    let batch = try BatchedLeastSquares(rows: 60, columns: 5)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try batch.solve(designs: designs, responses: responses))
    }
  }

  Benchmark("lstsq.regression.60x4") { benchmark in
    let (x, y) = LeastSquaresBenchmark.problem(rows: 60, columns: 5, seed: 3)
    let drivers = (1..<5).map { x.column($0) }
    let names = ["price", "advertising", "promo", "headcount"]
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try LinearRegression().fit(response: y, predictors: drivers, names: names))
    }
  }
}
