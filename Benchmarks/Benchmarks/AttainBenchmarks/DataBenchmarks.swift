import Attain
import Benchmark

/// AttainData throughput: reading the M3 training file (3.1 MB, 199,196 rows, 3003 series)
/// into a Panel, aggregating Superstore (9,994 order lines) to monthly Region/Category series,
/// and writing a Panel back to CSV. Peer comparison with pandas: Benchmarks/compare/read_csv_vs_pandas.sh.
func dataBenchmarks() {
  let m3Path = repositoryRoot.appendingPathComponent("datasets/m3/m3-train.csv").path
  let ordersPath = repositoryRoot.appendingPathComponent("datasets/superstore/superstore-orders.csv").path

  Benchmark("data.read.m3train") { benchmark in
    guard let bytes = try? FileBytes.read(path: m3Path) else { return }
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try? SeriesCSV.read(bytes: bytes, file: m3Path))
    }
  }

  Benchmark("data.aggregate.superstore.monthly") { benchmark in
    guard let bytes = try? FileBytes.read(path: ordersPath), let format = DateFormat("M/D/YYYY") else { return }
    let options = AggregationOptions(
      groupBy: ["Region", "Category"], dateColumn: "Order Date", dateFormat: format, valueColumn: "Sales",
      frequency: .monthly)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try? TransactionAggregation.aggregate(bytes: bytes, file: ordersPath, options: options))
    }
  }

  Benchmark("data.write.m3train") { benchmark in
    guard let panel = try? SeriesCSV.read(path: m3Path).panel else { return }
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(SeriesCSV.write(panel))
    }
  }
}
