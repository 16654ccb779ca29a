import AttainRandom
import Testing

@testable import AttainForecast

@Suite struct AutoForecastTests {
  static func series() -> [Double] {
    var rng = Xoshiro256PlusPlus(seed: 99)
    return (0..<60).map { t in
      let season: Double = [1.2, 0.9, 0.8, 1.1][t % 4]
      return (200 + 1.5 * Double(t)) * season + 4 * rng.nextNormal()
    }
  }

  @Test func defaultIsTheMeanOfItsMembers() throws {
    let y = Self.series()
    let auto = try AutoForecast().fit(y, seasonLength: 4).pointForecast(horizon: 8)
    let members = try AutoForecast.defaultMembers.map {
      try $0.fit(y, seasonLength: 4).pointForecast(horizon: 8)
    }
    #expect(members.count == 3)
    for t in 0..<8 {
      let mean = members.map { $0[t] }.reduce(0, +) / 3
      #expect(close(auto[t], mean, 1e-12))
    }
  }

  @Test func calibrationScalesIntervalsAndPaths() throws {
    let y = Self.series()
    let calibration = IntervalCalibration(levels: [80, 95], factors: [[2], [2]], sampleSize: 1)
    let plain = try AutoForecast().fit(y, seasonLength: 4)
    let scaled = try AutoForecast(calibration: calibration).fit(y, seasonLength: 4)
    let a = plain.forecast(horizon: 4, levels: [80])
    let b = scaled.forecast(horizon: 4, levels: [80])
    for t in 0..<4 {
      #expect(close(b.upper[0][t] - b.mean[t], 2 * (a.upper[0][t] - a.mean[t]), 1e-12))
    }
    var shocks: [Double] = [1, -1, 0.5, 2]
    var p1 = [Double](repeating: 0, count: 4)
    var p2 = [Double](repeating: 0, count: 4)
    var s1 = [Double](repeating: 0, count: plain.scratchCount)
    var s2 = [Double](repeating: 0, count: scaled.scratchCount)
    shocks.withUnsafeBufferPointer { s in
      p1.withUnsafeMutableBufferPointer { p in
        s1.withUnsafeMutableBufferPointer { plain.samplePath(shocks: s, into: p, scratch: $0) }
      }
      p2.withUnsafeMutableBufferPointer { p in
        s2.withUnsafeMutableBufferPointer { scaled.samplePath(shocks: s, into: p, scratch: $0) }
      }
    }
    shocks = []
    let mean = plain.pointForecast(horizon: 4)
    for t in 0..<4 { #expect(close(p2[t] - mean[t], 2 * (p1[t] - mean[t]), 1e-9)) }
  }

  @Test func calibrationEstimateReachesNominalCoverageOnItsData() {
    // Series whose last 6 points jump: the raw intervals are too narrow, calibration widens them.
    var rng = Xoshiro256PlusPlus(seed: 5)
    let series: [[Double]] = (0..<200).map { _ in
      var y = (0..<30).map { _ in 100 + rng.nextNormal() }
      for t in 24..<30 { y[t] += 3 * rng.nextNormal() }
      return y
    }
    let method = HistoricAverage()
    let c = IntervalCalibration.estimate(
      method: method, panel: .indexed(series), seasonLength: 1, horizon: 6, levels: [80])
    #expect(c.factors[0].allSatisfy { $0 > 2 })  // error sd ≈ √10 vs. interval sd ≈ 1
    var inside = 0.0
    for y in series {
      guard
        let f = try? method.fit(Array(y.prefix(24)), seasonLength: 1).forecast(
          horizon: 6, levels: [80])
      else { continue }
      let g = c.apply(to: f)
      inside +=
        AccuracyMetrics.coverage(actual: Array(y.suffix(6)), lower: g.lower[0], upper: g.upper[0])
        / 100
    }
    #expect(abs(inside / 200 - 0.8) < 0.03)
  }
}

@Suite struct SeasonalityTests {
  @Test func m3TestByHand() {
    // Period-4 pattern with noise-free trend: lag-4 autocorrelation is large.
    let seasonal: [Double] = (0..<24).map { 10 + [3.0, -1, -4, 2][$0 % 4] + 0.1 * Double($0) }
    #expect(SeasonalDecomposition.isSeasonal(seasonal, period: 4))
    let r = SeasonalDecomposition.autocorrelations(seasonal, maxLag: 4)
    let limit =
      1.6448536269514722 * ((1 + 2 * (r[0] * r[0] + r[1] * r[1] + r[2] * r[2])) / 24).squareRoot()
    #expect(abs(r[3]) > limit)
    #expect(!SeasonalDecomposition.isSeasonal((0..<24).map { Double($0) }, period: 1))
    #expect(!SeasonalDecomposition.isSeasonal([Double](repeating: 3, count: 30), period: 4))
    #expect(!SeasonalDecomposition.isSeasonal(Array(seasonal.prefix(8)), period: 4))  // needs n > 2m
  }

  @Test func autoThetaKeepsTheBestCriterion() throws {
    let fx = try ModelFixtures.load()
    let y = try #require(fx.series["N1500"])
    let best = try #require(
      try BestThetaStateSpace().fit(y, seasonLength: 1) as? FittedThetaStateSpace)
    for variant in ThetaStateSpace.Variant.allCases {
      #expect(best.objective <= (try ThetaStateSpace(variant).fitModel(y)).objective)
    }
  }
}
