import AttainData
import Foundation
import Testing

@testable import AttainForecast

/// Every interval Attain reports is nested around its point forecast:
/// lo(95) ≤ lo(80) ≤ lo(50) ≤ mean ≤ hi(50) ≤ hi(80) ≤ hi(95) at every step.
@Suite struct IntervalNestingTests {
  /// Whether `f` is nested at every step (levels taken in ascending order), else a description.
  static func violation(_ f: Forecast) -> String? {
    let order = f.levels.indices.sorted { f.levels[$0] < f.levels[$1] }
    for t in f.mean.indices {
      var lo = f.mean[t]
      var hi = f.mean[t]
      for k in order {
        guard f.lower[k][t] <= lo, f.upper[k][t] >= hi else {
          return "step \(t + 1), level \(f.levels[k]): [\(f.lower[k][t]), \(f.upper[k][t])] around mean \(f.mean[t])"
        }
        lo = f.lower[k][t]
        hi = f.upper[k][t]
      }
    }
    return nil
  }

  /// A nested forecast comes back bit for bit; a broken one is repaired by moving bounds outwards only.
  @Test func nestingMovesOnlyViolatingBoundsOutwards() {
    let nested = Forecast(
      mean: [10, 20], levels: [80, 95], lower: [[8, 19], [7, 18.5]], upper: [[12, 21], [13, 22]])
    #expect(nested.withNestedIntervals() == nested)
    // Step 1: the mean (10) is below both lower bounds and the 95 % lower bound is above the 80 %
    // one; step 2: the upper bounds cross.
    let broken = Forecast(
      mean: [10, 20], levels: [95, 80], lower: [[11.5, 15], [11, 17]], upper: [[14, 21], [13, 24]])
    let fixed = broken.withNestedIntervals()
    #expect(Self.violation(broken) != nil)
    #expect(Self.violation(fixed) == nil)
    #expect(fixed.lower[1] == [10, 17])  // 80 %: widened down to the mean at step 1
    #expect(fixed.lower[0] == [10, 15])  // 95 %: widened to the 80 % bound
    #expect(fixed.upper[0] == [14, 24])  // 95 %: widened to the 80 % upper bound at step 2
    #expect(fixed.upper[1] == broken.upper[1])
    #expect(fixed.mean == broken.mean && fixed.levels == broken.levels)
  }

  /// Random forecasts (bounds on either side of the mean) under random, crossing calibration
  /// factors: `IntervalCalibration.apply` always returns nested intervals.
  @Test func calibrationWithRandomFactorsIsAlwaysNested() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    for _ in 0..<2000 {
      let h = 1 + Int(uniform() * 6)
      let mean = (0..<h).map { _ in 100 * (uniform() - 0.5) }
      let levels = [50.0, 80, 95]
      let lower = levels.map { _ in mean.map { $0 - 10 * (uniform() - 0.2) } }
      let upper = levels.map { _ in mean.map { $0 + 10 * (uniform() - 0.2) } }
      let forecast = Forecast(mean: mean, levels: levels, lower: lower, upper: upper)
      let factors = levels.map { _ in (0..<h).map { _ in 3 * uniform() } }
      let calibrated = IntervalCalibration(levels: levels, factors: factors, sampleSize: 100).apply(to: forecast)
      let problem = Self.violation(calibrated)
      #expect(problem == nil, "\(problem ?? "")")
      if problem != nil { return }
    }
  }

  /// `auto` (calibrated on the panel, as the CLI does) on the edge corpus and on every 40th M3
  /// series: nested 50/80/95 % intervals around the point forecast at every step.
  @Test func autoIntervalsAreNestedOnTheEdgeCorpusAndM3() throws {
    var panels: [(name: String, series: [[Double]], seasonLength: Int, horizon: Int)] = []
    let edge = M3Evaluation.repositoryRoot.appendingPathComponent("Tests/Fixtures/edge")
    for file in try FileManager.default.contentsOfDirectory(atPath: edge.path).filter({ $0.hasSuffix(".csv") }).sorted() {
      let panel = try SeriesCSV.read(path: edge.appendingPathComponent(file).path).panel
      let m = panel.frequency.defaultSeasonLength
      panels.append((file, (0..<panel.count).map { Array(panel.values(of: $0)) }, m, m > 1 ? m : 6))
    }
    let m3 = try M3Evaluation.load()
    for frequency in ["yearly", "quarterly", "monthly", "other"] {
      let group = m3.filter { $0.frequency == frequency }
      let sample = stride(from: 0, to: group.count, by: 40).map { group[$0] }
      guard let first = sample.first else { continue }
      panels.append(("m3 \(frequency)", sample.map(\.train), first.seasonLength, first.horizon))
    }
    #expect(panels.count >= 20)
    var checked = 0
    for panel in panels {
      let auto = AutoForecast().calibrated(
        on: .indexed(panel.series), seasonLength: panel.seasonLength, horizon: panel.horizon, levels: [50, 80, 95])
      for (i, series) in panel.series.enumerated() {
        guard let fitted = try? auto.fit(series, seasonLength: panel.seasonLength) else { continue }
        let f = fitted.forecast(horizon: panel.horizon, levels: [50, 80, 95])
        let problem = Self.violation(f)
        #expect(problem == nil, "\(panel.name) series \(i): \(problem ?? "")")
        #expect(f.mean.allSatisfy(\.isFinite) && f.lower.joined().allSatisfy(\.isFinite), "\(panel.name) series \(i)")
        checked += 1
      }
    }
    #expect(checked >= 80)
  }
}
