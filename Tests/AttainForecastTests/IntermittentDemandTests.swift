import AttainRandom
import Foundation
import Testing

@testable import AttainForecast

/// statsforecast's point forecasts on Superstore product-week series
/// (`Fixtures/intermittent`, produced by `make_intermittent_fixtures.py`).
struct IntermittentFixtures {
  /// Series in file order.
  var ids: [String] = []
  /// History per series.
  var series: [String: [Double]] = [:]
  /// `values["id|model"]`.
  var values: [String: Double] = [:]

  static func load() throws -> IntermittentFixtures {
    var fixtures = IntermittentFixtures()
    let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
      .appendingPathComponent("intermittent")
    let seriesText = try String(
      contentsOf: directory.appendingPathComponent("series.csv"), encoding: .utf8)
    for line in seriesText.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",")
      let id = String(f[0])
      if fixtures.series[id] == nil { fixtures.ids.append(id) }
      fixtures.series[id, default: []].append(try #require(Double(f[2])))
    }
    let referenceText = try String(
      contentsOf: directory.appendingPathComponent("reference.csv"), encoding: .utf8)
    for line in referenceText.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",")
      fixtures.values["\(f[0])|\(f[1])"] = try #require(Double(f[2]))
    }
    return fixtures
  }

  func reference(_ id: String, _ model: String) throws -> Double {
    try #require(values["\(id)|\(model)"])
  }
}

/// Draws `count` values of `model`'s first path step with seeded normal shocks.
func drawFirstStep(_ model: FittedIntermittentDemand, count: Int, seed: UInt64) -> [Double] {
  var rng = Xoshiro256PlusPlus(seed: seed)
  var out = [Double](repeating: 0, count: count)
  var shock = [0.0]
  var path = [0.0]
  var scratch: [Double] = []
  for i in 0..<count {
    shock[0] = rng.nextNormal()
    shock.withUnsafeBufferPointer { s in
      path.withUnsafeMutableBufferPointer { p in
        scratch.withUnsafeMutableBufferPointer { model.samplePath(shocks: s, into: p, scratch: $0) }
      }
    }
    out[i] = path[0]
  }
  return out
}

@Suite struct IntermittentDemandTests {
  /// statsforecast computes these in double precision with the same recursions, the same
  /// golden-section steps and the same rounding of the aggregation level, so the forecasts agree
  /// to rounding; 1e-9 leaves room for IMAPA's mean (numpy sums pairwise) and nothing else.
  static let tolerance = 1e-9

  static let models: [(String, any ForecastingMethod)] = [
    ("CrostonClassic", Croston(variant: .classic)), ("CrostonSBA", Croston(variant: .sba)),
    ("CrostonOptimized", Croston(variant: .optimized)), ("ADIDA", ADIDA()), ("IMAPA", IMAPA()),
    ("TSB-0.2-0.2", TSB(sizeAlpha: 0.2, probabilityAlpha: 0.2)), ("TSB-optimized", TSB()),
  ]

  @Test(arguments: 0..<models.count) func pointForecastsMatchStatsforecast(index: Int) throws {
    let (column, method) = Self.models[index]
    let fixtures = try IntermittentFixtures.load()
    #expect(fixtures.ids.count == 40)
    for id in fixtures.ids {
      let y = try #require(fixtures.series[id])
      let expected = try fixtures.reference(id, column)
      let f = try method.fit(y, seasonLength: 1).pointForecast(horizon: 3)
      #expect(
        f.count == 3 && f.allSatisfy { close($0, expected, Self.tolerance) },
        "\(column) \(id): \(f[0]) vs \(expected)")
    }
  }

  @Test func optimisedTSBSmoothingParametersMatchStatsforecastsGoldenSection() throws {
    let fixtures = try IntermittentFixtures.load()
    for id in fixtures.ids {
      let y = try #require(fixtures.series[id])
      let alphaD = IntermittentSmoothing.optimalAlpha(IntermittentSmoothing.sizes(y))
      let alphaP = IntermittentSmoothing.optimalAlpha(IntermittentSmoothing.occurrence(y))
      #expect(close(alphaD, try fixtures.reference(id, "TSB-optimized-alpha_d"), 1e-12), "\(id)")
      #expect(close(alphaP, try fixtures.reference(id, "TSB-optimized-alpha_p"), 1e-12), "\(id)")
    }
  }

  @Test func classificationInputsMatchTheFixture() throws {
    let fixtures = try IntermittentFixtures.load()
    for id in fixtures.ids {
      let c = DemandClassification(series: try #require(fixtures.series[id]))
      #expect(close(c.averageInterval, try fixtures.reference(id, "ADI"), 1e-12), "\(id)")
      #expect(close(c.squaredVariation, try fixtures.reference(id, "CV2"), 1e-12), "\(id)")
    }
  }

  @Test func classificationByHand() {
    // Demand every period, sizes 2,2,2,2: ADI 1, CV² 0.
    #expect(DemandClassification(series: [2, 2, 2, 2]).pattern == .smooth)
    // Sizes 1 and 9 every period: mean 5, variance 16, CV² 0.64.
    let erratic = DemandClassification(series: [1, 9, 1, 9])
    #expect(erratic.pattern == .erratic && close(erratic.squaredVariation, 0.64, 1e-15))
    // Intervals 2, 2, 2 (first counted from the start): ADI 2.
    let sparse = DemandClassification(series: [0, 3, 0, 3, 0, 3])
    #expect(
      sparse.averageInterval == 2 && sparse.pattern == .intermittent
        && sparse.usesIntermittentModels)
    #expect(DemandClassification(series: [0, 1, 0, 9, 0, 1, 0, 9]).pattern == .lumpy)
    // Intervals 1, 1, 2: ADI 4/3 ≥ 1.32.
    #expect(DemandClassification(series: [1, 1, 0, 1]).pattern == .intermittent)
    #expect(DemandClassification(series: [0, 0]).pattern == .noDemand)
  }

  @Test func crostonByHand() throws {
    // y = 0,4,0,0,2: sizes 4, 2 → ẑ = 0.1·2 + 0.9·4 = 3.8; intervals 2, 3 → x̂ = 0.1·3 + 0.9·2 = 2.1.
    let y: [Double] = [0, 4, 0, 0, 2]
    let classic = try Croston(variant: .classic).fitCroston(y)
    #expect(close(classic.rate, 3.8 / 2.1, 1e-14))
    #expect(close(classic.distribution.occurrenceProbability, 1 / 2.1, 1e-14))
    let sba = try Croston(variant: .sba).fitCroston(y)
    #expect(close(sba.rate, 0.95 * 3.8 / 2.1, 1e-14))
    #expect(close(sba.distribution.occurrenceProbability, 0.95 / 2.1, 1e-14))
    // TSB α = 0.5: p̂ runs 0 → 0 → .5 → .25 → .125 → .5625; ẑ = 0.5·2 + 0.5·4 = 3.
    let tsb = try TSB(sizeAlpha: 0.5, probabilityAlpha: 0.5).fitTSB(y)
    #expect(close(tsb.rate, 0.5625 * 3, 1e-14))
  }

  @Test func degenerateInput() throws {
    for (_, method) in Self.models {
      let zero = try method.fit([0, 0, 0, 0], seasonLength: 1)
      #expect(zero.pointForecast(horizon: 2) == [0, 0])
      let f = zero.forecast(horizon: 2, levels: [95])
      #expect(f.lower[0] == [0, 0] && f.upper[0] == [0, 0])
      #expect(throws: ForecastError.self) { try method.fit([1, -2, 0, 3], seasonLength: 1) }
      #expect(throws: ForecastError.self) { try method.fit([1, .nan], seasonLength: 1) }
      #expect(throws: ForecastError.self) { try method.fit([], seasonLength: 1) }
      let one = try method.fit([3], seasonLength: 1)
      #expect(one.pointForecast(horizon: 1).allSatisfy { $0.isFinite && $0 >= 0 })
    }
    #expect(throws: ForecastError.self) {
      try TSB(sizeAlpha: 0, probabilityAlpha: 0.1).fit([1, 0], seasonLength: 1)
    }
  }

  /// Paths are non-negative, integer for unit data, with mean = the point forecast and
  /// P(zero) = 1 − the occurrence probability (each within 5 Monte Carlo standard errors).
  @Test(arguments: 0..<models.count) func samplePathsAreHonest(index: Int) throws {
    let (column, method) = Self.models[index]
    let fixtures = try IntermittentFixtures.load()
    let draws = 40_000
    for id in fixtures.ids.enumerated().filter({ $0.offset % 4 == 0 }).map(\.element) {
      let y = try #require(fixtures.series[id])
      for (label, series) in [("units", y), ("continuous", y.map { $0 * 0.37 })] {
        let model = try #require(
          try method.fit(series, seasonLength: 1) as? FittedIntermittentDemand)
        let context = "\(column) \(id) \(label)"
        let p = model.distribution.occurrenceProbability
        #expect(close(model.distribution.mean, model.rate, 1e-12), "\(context): analytic mean")
        let values = drawFirstStep(model, count: draws, seed: 11)
        #expect(values.allSatisfy { $0 >= 0 && $0.isFinite }, "\(context): negative")
        let n = Double(draws)
        let zeros = Double(values.filter { $0 == 0 }.count) / n
        #expect(
          abs(zeros - (1 - p)) <= 5 * (p * (1 - p) / n).squareRoot() + 1e-12,
          "\(context): P(0) \(zeros) vs \(1 - p)")
        if label == "units" {
          #expect(values.allSatisfy { $0 == $0.rounded() }, "\(context): integer")
        }
        // Moments need occurrences: TSB's probability can have decayed to ~1e-9.
        guard n * p >= 50 else { continue }
        if label == "continuous" {
          #expect(values.contains { $0 > 0 && $0 != $0.rounded() }, "\(context): continuous sizes")
        }
        let mean = values.reduce(0, +) / n
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        #expect(
          abs(mean - model.rate) <= 5 * sd / n.squareRoot() + 1e-12,
          "\(context): mean \(mean) vs \(model.rate)")
      }
    }
  }

  @Test func intervalsAreSeededPathQuantiles() throws {
    let fixtures = try IntermittentFixtures.load()
    let sparse = try #require(fixtures.series[fixtures.ids[0]])
    let other = try #require(fixtures.series[fixtures.ids[7]])
    let dense: [Double] = (0..<60).map { Double(1 + ($0 * 7) % 5) }  // no zero: p = 1
    let cases: [(any ForecastingMethod, [Double])] = [
      (Croston(variant: .sba), sparse), (TSB(), other), (Croston(), dense),
      (IMAPA(), other.map { $0 * 0.37 }),
      (ADIDA(), [0, 0, 2, 0, 0, 0, 1, 0, 3, 0, 0, 1]),
    ]
    for (method, y) in cases {
      let model = try #require(try method.fit(y, seasonLength: 1) as? FittedIntermittentDemand)
      let a = model.forecast(horizon: 5, levels: [95, 50])
      #expect(a == model.forecast(horizon: 5, levels: [50, 95]))
      #expect(a.levels == [50, 95])
      // The type-1 quantiles of the very paths PathQuantiles draws from the interval seed.
      var rng = Xoshiro256PlusPlus(seed: FittedIntermittentDemand.intervalSeed)
      let q = PathQuantiles.simulate(
        sampler: model, horizon: 5, paths: FittedIntermittentDemand.intervalPaths, rng: &rng)
      for t in 0..<5 {
        let sorted = q.sorted[t]
        for (k, level) in a.levels.enumerated() {
          let tail = (1 - level / 100) / 2
          #expect(
            a.lower[k][t] == sorted[Int((tail * Double(sorted.count)).rounded(.up)) - 1],
            "\(model.name) \(level)")
          #expect(
            a.upper[k][t] == sorted[Int(((1 - tail) * Double(sorted.count)).rounded(.up)) - 1],
            "\(model.name) \(level)")
        }
        #expect(
          a.lower[1][t] <= a.lower[0][t] && a.upper[0][t] <= a.upper[1][t] && a.lower[1][t] >= 0)
      }
    }
  }

  @Test func sizeDistributionsHaveTheirMean() {
    // Quantile function integrated on a midpoint grid of the upper tail.
    let sizes: [Double] = [1, 2, 2, 7, 12, 3]
    for mean in [1.0, 1.7, 4.2, 25.0, 480.0, 2500.0] {
      for integer in [true, false] {
        let d = DemandSizeDistribution(mean: mean, sizes: sizes, integer: integer)
        let grid = 200_000
        var sum = 0.0
        for i in 0..<grid { sum += d.size(upperTail: (Double(i) + 0.5) / Double(grid)) }
        #expect(close(d.mean, mean, 1e-12), "\(d)")
        #expect(abs(sum / Double(grid) - mean) <= 2e-3 * mean, "\(d): \(sum / Double(grid))")
      }
    }
    // Sizes 3, 3: no spread → 1 + Poisson(mean − 1); P(size = 1) = e^{−(m−1)}.
    let poisson = DemandSizeDistribution(mean: 2.5, sizes: [3, 3], integer: true)
    #expect(poisson == .shiftedPoisson(mean: 1.5))
    #expect(poisson.size(upperTail: 1 - exp(-1.5) + 1e-9) == 1)
    #expect(poisson.size(upperTail: 1 - exp(-1.5) - 1e-9) == 2)
  }
}
