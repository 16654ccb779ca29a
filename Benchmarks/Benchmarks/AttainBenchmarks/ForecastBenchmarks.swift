import Attain
import Benchmark
import Foundation

/// The first `count` M3 monthly training series (a minimal reader; CRLF-safe).
private func m3Monthly(count: Int) -> [[Double]] {
  let url = repositoryRoot.appendingPathComponent("datasets/m3/m3-train.csv")
  guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
  var series: [[Double]] = []
  var current = ""
  for line in text.split(whereSeparator: \.isNewline).dropFirst() {
    let f = line.split(separator: ",")
    guard f.count == 3, let id = Int(f[0].dropFirst()), id >= 1402, let y = Double(f[2]) else {
      continue
    }
    if f[0] != current {
      if series.count == count { break }
      series.append([])
      current = String(f[0])
    }
    series[series.count - 1].append(y)
  }
  return series
}

func forecastBenchmarks() {
  let monthly = m3Monthly(count: 100)
  var panel = Panel(frequency: .monthly)
  for (i, y) in monthly.enumerated() { panel.append(id: "m\(i)", start: .index(1), values: y) }

  Benchmark("fit.theta.m3monthly100") { benchmark in
    for _ in benchmark.scaledIterations {
      for y in monthly { blackHole(try? Theta().fit(y, seasonLength: 12)) }
    }
  }

  Benchmark("fit.dotm.m3monthly100") { benchmark in
    for _ in benchmark.scaledIterations {
      for y in monthly { blackHole(try? DynamicOptimizedTheta().fit(y, seasonLength: 12)) }
    }
  }

  Benchmark("forecast.auto.batch.m3monthly100") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(
        BatchForecaster(method: AutoForecast(), seasonLength: 12).forecast(
          panel, horizon: 18, levels: [80, 95]))
    }
  }

  // Sample paths must not allocate: 10 000 paths of 18 months from a fitted Theta model.
  if let y = monthly.first, let fitted = try? Theta().fit(y, seasonLength: 12) {
    Benchmark("paths.theta.10k") { benchmark in
      var shocks = [Double](repeating: 0.1, count: 18)
      var path = [Double](repeating: 0, count: 18)
      var scratch = [Double](repeating: 0, count: fitted.scratchCount)
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        for p in 0..<10_000 {
          shocks[p % 18] = -shocks[p % 18]
          shocks.withUnsafeBufferPointer { s in
            path.withUnsafeMutableBufferPointer { out in
              scratch.withUnsafeMutableBufferPointer {
                fitted.samplePath(shocks: s, into: out, scratch: $0)
              }
            }
          }
          blackHole(path[17])
        }
      }
    }
  }
}
