import Testing

@testable import AttainForecast

@Suite struct IntervalCalibrationTests {
  /// Factors that would cross (80 % widened 3×, 95 % shrunk) still give nested intervals.
  @Test func calibratedIntervalsStayNested() {
    let f = Forecast(mean: [10, 10], levels: [80, 95], lower: [[8, 8], [6, 6]], upper: [[12, 12], [14, 14]])
    let c = IntervalCalibration(levels: [80, 95], factors: [[3, 3], [0.5, 0.5]], sampleSize: 100)
    let g = c.apply(to: f)
    #expect(g.lower[0] == [4, 4])
    #expect(g.upper[0] == [16, 16])
    #expect(g.lower[1] == [4, 4])  // widened to the 80 % bounds, not left at 8
    #expect(g.upper[1] == [16, 16])
    #expect(g.mean == f.mean)
  }

  /// Fewer scores than `minimumScores` give no per-step factor; enough give the conformal rank.
  @Test func conformalQuantileNeedsEnoughScores() throws {
    #expect(IntervalCalibration.conformalQuantile([1, 2, 3], level: 80) == nil)
    let scores = (1...IntervalCalibration.minimumScores).map { Double($0) / 10 }  // below the cap of 20
    // rank ⌈41 · 0.8⌉ = 33 → the 33rd smallest score.
    #expect(try #require(IntervalCalibration.conformalQuantile(scores, level: 80)) == 33.0 / 10)
    #expect(try #require(IntervalCalibration.conformalQuantile(scores.reversed(), level: 95)) == 39.0 / 10)
  }

  /// Two short series cannot calibrate: the factors stay 1 instead of jumping to extremes.
  @Test func tinyPanelsAreLeftUncalibrated() {
    let a = (0..<30).map { 100 + Double($0 % 12) * 3 + Double($0) }
    let b = (0..<30).map { 50 + Double(($0 * 7) % 11) }
    let c = IntervalCalibration.estimate(method: Theta(), panel: .indexed([a, b]), seasonLength: 1, horizon: 6)
    for row in c.factors { #expect(row.allSatisfy { $0 == 1 }) }
  }
}
