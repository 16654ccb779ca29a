import AttainRandom
import Testing

@testable import AttainForecast

/// ARIMA sample paths have the analytic marginal distribution at every step, and paths
/// of an integrated model are correlated across steps as the model says (a random walk's
/// path keeps its shocks).
@Suite struct ARIMASamplePathTests {
  static let specs = ["0,1,1:0,1,1", "1,0,0:1,0,0", "2,1,0", "1,0,1"]

  @Test(arguments: specs) func pathQuantilesMatchIntervals(spec: String) throws {
    var rng = Xoshiro256PlusPlus(seed: 11)
    var y: [Double] = []
    var level = 100.0
    for t in 0..<96 {
      level += 0.5 + rng.nextNormal()
      y.append(level + 8 * Double([0, 3, -2, 5, 1, -4, 2, 0, -3, 4, -1, 2][t % 12]) + 2 * rng.nextNormal())
    }
    let fitted = try ARIMA(parsing: spec).fitARIMA(y, seasonLength: 12)
    let horizon = 18
    let f = fitted.forecast(horizon: horizon, levels: [80, 95])
    let paths = 20_000
    var below80 = [Double](repeating: 0, count: horizon)
    var above95 = [Double](repeating: 0, count: horizon)
    var sum = [Double](repeating: 0, count: horizon)
    var shocks = [Double](repeating: 0, count: horizon)
    var path = [Double](repeating: 0, count: horizon)
    var scratch = [Double](repeating: 0, count: fitted.scratchCount)
    for _ in 0..<paths {
      for t in 0..<horizon { shocks[t] = rng.nextNormal() }
      shocks.withUnsafeBufferPointer { s in
        path.withUnsafeMutableBufferPointer { p in
          scratch.withUnsafeMutableBufferPointer { fitted.samplePath(shocks: s, into: p, scratch: $0) }
        }
      }
      for t in 0..<horizon {
        sum[t] += path[t]
        if path[t] < f.lower[0][t] { below80[t] += 1 }
        if path[t] > f.upper[1][t] { above95[t] += 1 }
      }
    }
    for t in 0..<horizon {
      let width = f.upper[0][t] - f.lower[0][t]
      #expect(abs(sum[t] / Double(paths) - f.mean[t]) < 0.03 * width, "\(spec) mean step \(t + 1)")
      #expect(abs(below80[t] / Double(paths) - 0.1) < 0.012, "\(spec) 80 % lower tail step \(t + 1)")
      #expect(abs(above95[t] / Double(paths) - 0.025) < 0.006, "\(spec) 95 % upper tail step \(t + 1)")
    }
  }

  /// For ARIMA(0,1,0) the path is the last value plus the cumulated shocks times σ.
  @Test func randomWalkPathCumulatesShocks() throws {
    let y: [Double] = [10, 12, 11, 15, 14, 13, 17, 18, 16, 19, 21, 20]
    let fitted = try ARIMA(parsing: "0,1,0").fitARIMA(y, seasonLength: 1)
    let shocks: [Double] = [1, -0.5, 2, 0.25]
    var path = [Double](repeating: 0, count: 4)
    var scratch = [Double](repeating: 0, count: fitted.scratchCount)
    shocks.withUnsafeBufferPointer { s in
      path.withUnsafeMutableBufferPointer { p in
        scratch.withUnsafeMutableBufferPointer { fitted.samplePath(shocks: s, into: p, scratch: $0) }
      }
    }
    let sigma = fitted.sigma2.squareRoot()
    var cumulative = 0.0
    for t in 0..<4 {
      cumulative += shocks[t]
      #expect(abs(path[t] - (20 + sigma * cumulative)) < 1e-9 * 20, "step \(t + 1)")
    }
  }
}
