import AttainRandom
import Testing

@testable import AttainForecast

/// Sample paths reproduce the analytic marginal distribution of each model.
@Suite struct SamplePathTests {
  static let methods: [any ForecastingMethod] = [
    Naive(), SeasonalNaive(), RandomWalkWithDrift(), HistoricAverage(), WindowAverage(window: 3),
    LinearTrend(seasonal: true), Theta(), Naive2(),
  ]

  @Test(arguments: 0..<methods.count) func pathMomentsMatchIntervals(index: Int) throws {
    let method = Self.methods[index]
    var y: [Double] = []
    var rng = Xoshiro256PlusPlus(seed: 7)
    for t in 0..<48 {
      y.append(100 + Double(t) + 10 * Double((t % 4 == 0) ? 1 : 0) + 3 * rng.nextNormal())
    }
    let fitted = try method.fit(y, seasonLength: 4)
    let horizon = 6
    let f = fitted.forecast(horizon: horizon, levels: [80])
    let paths = 20_000
    var sum = [Double](repeating: 0, count: horizon)
    var below = [Double](repeating: 0, count: horizon)
    var shocks = [Double](repeating: 0, count: horizon)
    var path = [Double](repeating: 0, count: horizon)
    var scratch = [Double](repeating: 0, count: fitted.scratchCount)
    for _ in 0..<paths {
      for t in 0..<horizon { shocks[t] = rng.nextNormal() }
      shocks.withUnsafeBufferPointer { s in
        path.withUnsafeMutableBufferPointer { p in
          scratch.withUnsafeMutableBufferPointer {
            fitted.samplePath(shocks: s, into: p, scratch: $0)
          }
        }
      }
      for t in 0..<horizon {
        sum[t] += path[t]
        if path[t] < f.lower[0][t] { below[t] += 1 }
      }
    }
    for t in 0..<horizon {
      let width = f.upper[0][t] - f.lower[0][t]
      #expect(
        abs(sum[t] / Double(paths) - f.mean[t]) < 0.05 * width, "\(method.name) mean step \(t + 1)")
      #expect(
        abs(below[t] / Double(paths) - 0.1) < 0.012, "\(method.name) lower tail step \(t + 1)")
    }
  }
}
