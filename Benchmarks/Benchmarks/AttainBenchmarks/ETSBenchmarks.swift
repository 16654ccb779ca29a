import Attain
import Benchmark
import Foundation

/// The first `count` M3 monthly training series (datasets/m3), read with a minimal CSV parse.
private func m3Monthly(_ count: Int) -> [[Double]] {
  let base = repositoryRoot.appendingPathComponent("datasets/m3")
  guard
    let meta = try? String(contentsOf: base.appendingPathComponent("m3-meta.csv"), encoding: .utf8),
    let train = try? String(
      contentsOf: base.appendingPathComponent("m3-train.csv"), encoding: .utf8)
  else { return [] }
  var ids: [String] = []
  for line in meta.split(whereSeparator: \.isNewline).dropFirst() {
    let parts = line.split(separator: ",", omittingEmptySubsequences: false)
    if parts.count > 1 && parts[1] == "monthly" && ids.count < count {
      ids.append(String(parts[0]))
    }
  }
  let wanted = Set(ids)
  var values: [String: [Double]] = [:]
  for line in train.split(whereSeparator: \.isNewline).dropFirst() {
    let parts = line.split(separator: ",")
    guard parts.count == 3, wanted.contains(String(parts[0])), let v = Double(parts[2]) else {
      continue
    }
    values[String(parts[0]), default: []].append(v)
  }
  return ids.compactMap { values[$0] }
}

func etsBenchmarks() {
  let series = m3Monthly(50)

  // AutoETS (15 candidate forms each) + 18-step forecasts with 80/95 % intervals.
  Benchmark("fit.autoets.m3monthly50", configuration: .init(maxIterations: 3)) { benchmark in
    for _ in benchmark.scaledIterations {
      for y in series {
        if let fit = try? AutoETS().fitETS(y, seasonLength: 12) {
          blackHole(fit.forecast(horizon: 18, levels: [80, 95]))
        }
      }
    }
  }

  // One ETS(M,Ad,M) fit (estimation only): the likelihood loop and Nelder–Mead.
  if let y = series.first {
    Benchmark("fit.ets.madm.m3monthly1") { benchmark in
      let method = try ETS(parsing: "MAdM")
      for _ in benchmark.scaledIterations { blackHole(try? method.fitETS(y, seasonLength: 12)) }
    }
  }

  // 10 000 sample paths of 18 steps from a fitted model: must not allocate per path.
  if let y = series.first, let fit = try? AutoETS().fitETS(y, seasonLength: 12) {
    Benchmark("paths.ets.10k") { benchmark in
      var rng = Xoshiro256PlusPlus(seed: 1)
      var shocks = [Double](repeating: 0, count: 18)
      var path = [Double](repeating: 0, count: 18)
      var scratch = [Double](repeating: 0, count: fit.scratchCount)
      var total = 0.0
      for _ in benchmark.scaledIterations {
        for _ in 0..<10_000 {
          for t in 0..<18 { shocks[t] = rng.nextNormal() }
          shocks.withUnsafeBufferPointer { s in
            path.withUnsafeMutableBufferPointer { p in
              scratch.withUnsafeMutableBufferPointer {
                fit.samplePath(shocks: s, into: p, scratch: $0)
              }
            }
          }
          total += path[17]
        }
      }
      blackHole(total)
    }
  }
}
