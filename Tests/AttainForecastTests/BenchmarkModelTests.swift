import Testing

@testable import AttainForecast

/// Benchmarks against R `forecast` (fixtures) and closed forms.
@Suite struct BenchmarkModelTests {
  static let cases = ["airpassengers", "N0001", "N0700", "N1500", "N2900"]

  func check(
    _ fitted: any FittedForecaster, _ fixtures: ModelFixtures, _ caseName: String, _ method: String,
    tolerance: Double = 1e-9
  ) throws {
    let mean = try fixtures.reference(caseName, method, "mean")
    let f = fitted.forecast(horizon: mean.count, levels: [95, 80])
    #expect(f.levels == [80, 95])
    for t in mean.indices {
      #expect(close(f.mean[t], mean[t], tolerance), "\(method) \(caseName) mean \(t)")
    }
    for (k, level) in ["80", "95"].enumerated() {
      let lo = try fixtures.reference(caseName, method, "lo" + level)
      let hi = try fixtures.reference(caseName, method, "hi" + level)
      for t in mean.indices {
        #expect(close(f.lower[k][t], lo[t], tolerance), "\(method) \(caseName) lo\(level) \(t)")
        #expect(close(f.upper[k][t], hi[t], tolerance), "\(method) \(caseName) hi\(level) \(t)")
      }
    }
  }

  @Test(arguments: cases) func naiveMatchesR(caseName: String) throws {
    let fx = try ModelFixtures.load()
    let y = try #require(fx.series[caseName])
    try check(Naive().fit(y, seasonLength: 1), fx, caseName, "Naive")
  }

  @Test(arguments: cases) func seasonalNaiveMatchesR(caseName: String) throws {
    let fx = try ModelFixtures.load()
    let y = try #require(fx.series[caseName])
    let m = try #require(ModelFixtures.seasonLengths[caseName])
    try check(SeasonalNaive().fit(y, seasonLength: m), fx, caseName, "SeasonalNaive")
  }

  @Test(arguments: cases) func driftMatchesR(caseName: String) throws {
    let fx = try ModelFixtures.load()
    let y = try #require(fx.series[caseName])
    try check(RandomWalkWithDrift().fit(y, seasonLength: 1), fx, caseName, "RWD")
  }

  @Test(arguments: cases) func linearTrendMatchesR(caseName: String) throws {
    let fx = try ModelFixtures.load()
    let y = try #require(fx.series[caseName])
    let m = try #require(ModelFixtures.seasonLengths[caseName])
    for seasonal in m > 1 ? [false, true] : [false] {
      let name = seasonal ? "LinearTrendSeasonal" : "LinearTrend"
      let mean = try fx.reference(caseName, name, "mean")
      let sd = try fx.reference(caseName, name, "sd")
      let any = try LinearTrend(seasonal: seasonal).fit(y, seasonLength: m)
      let fitted = try #require(any as? FittedLinearTrend)
      for h in 1...mean.count {
        #expect(close(fitted.mean(step: h), mean[h - 1], 1e-9), "\(name) \(caseName) mean \(h)")
        #expect(
          close(fitted.standardDeviation(step: h), sd[h - 1], 1e-9), "\(name) \(caseName) sd \(h)")
      }
    }
  }

  @Test func historicAverageClosedForm() throws {
    let y = [3.0, 5, 4, 8]
    let f = try HistoricAverage().fit(y, seasonLength: 1).forecast(horizon: 2, levels: [95])
    // mean 5, sample sd √(14/3), sd = √(14/3)·√(1 + 1/4).
    let sd = (14.0 / 3).squareRoot() * 1.25.squareRoot()
    #expect(f.mean == [5, 5])
    #expect(close(f.upper[0][1], 5 + 1.959963984540054 * sd, 1e-14))
  }

  @Test func windowAverageClosedForm() throws {
    let y = [1.0, 2, 3, 4, 10]
    let fitted = try WindowAverage(window: 2).fit(y, seasonLength: 1)
    #expect(fitted.pointForecast(horizon: 3) == [7, 7, 7])
    // one-step errors: 3 − 1.5, 4 − 2.5, 10 − 3.5 → RMS = √((2.25 + 2.25 + 42.25)/3)
    let sd = ((2.25 + 2.25 + 42.25) / 3).squareRoot()
    let f = fitted.forecast(horizon: 1, levels: [80])
    #expect(close(f.upper[0][0], 7 + 1.2815515655446004 * sd, 1e-14))
    #expect(throws: ForecastError.self) { try WindowAverage(window: 6).fit(y, seasonLength: 1) }
  }

  @Test func naive2AdjustsOnlySeasonalSeries() throws {
    let fx = try ModelFixtures.load()
    let air = try #require(fx.series["airpassengers"])
    #expect(SeasonalDecomposition.isSeasonal(air, period: 12))
    let fitted = try Naive2().fit(air, seasonLength: 12)
    let indices = try #require(SeasonalDecomposition.multiplicativeIndices(air, period: 12))
    // Forecast = last adjusted value × index of each future month.
    let lastAdjusted = air[143] / indices[143 % 12]
    let mean = fitted.pointForecast(horizon: 12)
    for h in 1...12 { #expect(close(mean[h - 1], lastAdjusted * indices[(143 + h) % 12], 1e-12)) }
    // A non-seasonal series gives Naive.
    let yearly = try #require(fx.series["N0001"])
    #expect(
      try Naive2().fit(yearly, seasonLength: 1).pointForecast(horizon: 3) == [
        yearly.last!, yearly.last!, yearly.last!,
      ])
  }

  @Test func airPassengerIndicesMatchRDecompose() throws {
    // R: round(decompose(AirPassengers, "multiplicative")$figure, 10)
    let expected = [
      0.9102303674, 0.8836253207, 1.0073662876, 0.9759060123, 0.9813780275, 1.1127758267,
      1.2265555429, 1.2199109694, 1.0604919326, 0.9217572404, 0.8011780824, 0.8988243900,
    ]
    let fx = try ModelFixtures.load()
    let air = try #require(fx.series["airpassengers"])
    let indices = try #require(SeasonalDecomposition.multiplicativeIndices(air, period: 12))
    for k in 0..<12 { #expect(close(indices[k], expected[k], 1e-9)) }
  }

  @Test func tooShortSeriesThrowTypedErrors() {
    #expect(throws: ForecastError.seriesTooShort(method: "SeasonalNaive", needed: 12, got: 5)) {
      try SeasonalNaive().fit([1, 2, 3, 4, 5], seasonLength: 12)
    }
    #expect(throws: ForecastError.nonFiniteValue(index: 1)) {
      try Naive().fit([1, .nan], seasonLength: 1)
    }
    #expect(throws: ForecastError.seriesTooShort(method: "RWD", needed: 2, got: 1)) {
      try RandomWalkWithDrift().fit([1], seasonLength: 1)
    }
  }
}
