import AttainData
import AttainForecast
import AttainRandom
import Testing

@testable import AttainSimulation

/// A test method: fits the sample mean of iid data and simulates N(mean, (`spread`·sd)²)
/// periods — with `spread` < 1 its intervals are too narrow, like many real models'.
struct IIDMeanMethod: ForecastingMethod {
  var spread: Double
  var name: String { "IIDMean" }
  func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    let mean = series.reduce(0, +) / Double(series.count)
    let variance = series.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(series.count - 1, 1))
    return IIDMeanModel(mean: mean, sigma: spread * variance.squareRoot(), count: series.count)
  }
}

struct IIDMeanModel: FittedForecaster {
  var mean: Double
  var sigma: Double
  var count: Int
  var name: String { "IIDMean" }
  var fittedValues: [Double] { Array(repeating: mean, count: count) }
  var residuals: [Double] { Array(repeating: 0, count: count) }
  var scratchCount: Int { 0 }
  func pointForecast(horizon: Int) -> [Double] { Array(repeating: mean, count: horizon) }
  func forecast(horizon: Int, levels: [Double]) -> Forecast {
    Forecast(
      mean: pointForecast(horizon: horizon), levels: levels,
      lower: levels.map { _ in pointForecast(horizon: horizon) },
      upper: levels.map { _ in pointForecast(horizon: horizon) })
  }
  func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    for t in path.indices { path[t] = mean + sigma * shocks[t] }
  }
}

/// `count` iid N(100, 10²) series of `length` points, from `seed`.
func iidPanel(count: Int, length: Int, seed: UInt64) -> Panel {
  var panel = Panel(frequency: .index)
  var rng = Xoshiro256PlusPlus(seed: seed, stream: 0)
  for i in 0..<count {
    let values = (0..<length).map { _ in 100 + 10 * rng.nextNormal() }
    panel.append(id: "s\(i)", start: PeriodStamp.index(1), values: values)
  }
  return panel
}

@Suite struct RecommendTests {
  @Test func calibrationMappingInterpolatesThePITs() {
    let c = TotalCalibration(pits: [0.9, 0.1, 0.5])
    #expect(c.pits == [0.1, 0.5, 0.9])
    #expect(abs(c.calibratedLevel(0.1) - 0.25) < 1e-12)
    #expect(abs(c.calibratedLevel(0.3) - 0.375) < 1e-12)
    #expect(abs(c.calibratedLevel(0.95) - 0.875) < 1e-12)
    for q in stride(from: 0.0, through: 1.0, by: 0.05) {
      #expect(abs(c.calibratedLevel(c.simulatedLevel(q)) - q) < 1e-12)
    }
    #expect(abs(c.attainmentProbability(simulated: 0.9) - 0.75) < 1e-12)
    #expect(TotalCalibration.identity.simulatedLevel(0.3) == 0.3)
  }

  @Test func calibrationWidensTooNarrowSpread() throws {
    // Truth: iid N(100, 10²); model spread half the truth. Targets for the next h = 4 points
    // are checked against fresh draws of the true process (never used for calibration).
    let (count, length, h) = (600, 24, 4)
    let panel = iidPanel(count: count, length: length, seed: 11)
    var future = Xoshiro256PlusPlus(seed: 12, stream: 0)
    let actuals = (0..<count).map { _ in (0..<h).reduce(0.0) { s, _ in s + 100 + 10 * future.nextNormal() } }
    let forecaster = BatchForecaster(method: IIDMeanMethod(spread: 0.5), seasonLength: 1, threads: 2)
    let plan = SimulationPlan(
      paths: 2000, horizon: h, seed: 5, quantileLevels: [], attainmentProbabilities: [0.9, 0.6, 0.3])
    func hitRates(windows: Int) throws -> [Double] {
      let outcome = try AttainmentRecommendation(plan: plan, calibrationWindows: windows, calibrationPaths: 1000)
        .run(panel: panel, forecaster: forecaster)
      return (0..<3).map { k in
        Double(outcome.result.units.indices.count { actuals[$0] >= outcome.result.units[$0].total.targetsAtProbability[k].value })
          / Double(count)
      }
    }
    let raw = try hitRates(windows: 0)
    let calibrated = try hitRates(windows: 2)
    // Uncalibrated: P(hit at 0.9) ≈ Φ(1.2816/2·…) ≈ 0.74, far from 0.9.
    #expect(raw[0] < 0.82)
    for (k, p) in [0.9, 0.6, 0.3].enumerated() {
      #expect(abs(calibrated[k] - p) < 0.06, "p=\(p) hit \(calibrated[k]) raw \(raw[k])")
    }
  }

  @Test func targetsDecreaseWithProbabilityAndAreReproducibleAcrossThreads() throws {
    let panel = iidPanel(count: 20, length: 30, seed: 3)
    let plan = SimulationPlan(
      paths: 1000, horizon: 6, seed: 9, marketCorrelation: 0.3, quantileLevels: [],
      attainmentProbabilities: [0.3, 0.9, 0.6, 0.95])
    let groups = Dictionary(uniqueKeysWithValues: panel.ids.enumerated().map { ($1, $0 % 2 == 0 ? "even" : "odd") })
    var results: [SimulationResult] = []
    for threads in [1, 2] {
      let forecaster = BatchForecaster(method: IIDMeanMethod(spread: 0.8), seasonLength: 1, threads: threads)
      results.append(
        try AttainmentRecommendation(plan: plan, calibrationPaths: 500)
          .run(panel: panel, forecaster: forecaster, groups: groups).result)
    }
    #expect(results[0] == results[1])
    let totals = results[0].units.map(\.total) + results[0].groups.map(\.total)
    #expect(totals.count == 22)
    for total in totals {
      let byP = Dictionary(uniqueKeysWithValues: total.targetsAtProbability.map { ($0.level, $0.value) })
      #expect(byP.count == 4)
      if let t95 = byP[0.95], let t9 = byP[0.9], let t6 = byP[0.6], let t3 = byP[0.3] {
        #expect(t95 <= t9 && t9 < t6 && t6 < t3)
      }
    }
  }

  @Test func groupTotalsAreSumsOfTheirSeries() throws {
    // Zero-spread models: every path total is the unit's mean·h, so a group's target at any
    // probability is exactly the sum of its series' targets; with spread, the group mean is
    // the sum of the series means.
    let panel = iidPanel(count: 6, length: 12, seed: 4)
    let groups = ["s0": "A", "s1": "A", "s2": "A", "s3": "B", "s4": "B"]
    let plan = SimulationPlan(
      paths: 400, horizon: 3, seed: 2, marketCorrelation: 0.5, quantileLevels: [],
      attainmentProbabilities: [0.9, 0.5])
    for spread in [0.0, 1.0] {
      let forecaster = BatchForecaster(method: IIDMeanMethod(spread: spread), seasonLength: 1, threads: 2)
      let result = try AttainmentRecommendation(plan: plan, calibrationWindows: 0)
        .run(panel: panel, forecaster: forecaster, groups: groups).result
      #expect(result.groups.map(\.group) == ["A", "B"])
      #expect(result.groups.map(\.units) == [3, 2])
      for group in result.groups {
        let members = result.units.filter { $0.group == group.group }
        let meanSum = members.reduce(0) { $0 + $1.total.mean }
        #expect(abs(group.total.mean - meanSum) <= 1e-9 * abs(meanSum))
        if spread == 0 {
          for k in 0..<2 {
            let sum = members.reduce(0) { $0 + $1.total.targetsAtProbability[k].value }
            #expect(abs(group.total.targetsAtProbability[k].value - sum) <= 1e-9 * abs(sum))
          }
        }
      }
    }
  }

  @Test func targetsGetCalibratedAttainmentProbabilities() throws {
    let panel = iidPanel(count: 4, length: 20, seed: 8)
    let forecaster = BatchForecaster(method: IIDMeanMethod(spread: 1), seasonLength: 1, threads: 1)
    let plan = SimulationPlan(paths: 10_000, horizon: 2, seed: 1, quantileLevels: [], attainmentProbabilities: [0.5])
    let median = try AttainmentRecommendation(plan: plan, calibrationWindows: 0)
      .run(panel: panel, forecaster: forecaster).result.units[0].total.targetsAtProbability[0].value
    let outcome = try AttainmentRecommendation(plan: plan, calibrationWindows: 0)
      .run(panel: panel, forecaster: forecaster, targets: ["s0": median])
    let a = try #require(outcome.result.units[0].total.attainment)
    #expect(abs(a.probability - 0.5) < 0.001)
    #expect(abs(a.standardError - 0.005) < 1e-4)
  }
}
