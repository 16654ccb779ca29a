import AttainRandom
import Foundation
import Testing

@testable import AttainForecast

/// Hand-checkable recursions, specification parsing, edge cases and distributional properties.
@Suite struct ETSModelTests {
  static func model(
    _ code: String, y: [Double], m: Int = 1, alpha: Double, beta: Double = 0, gamma: Double = 0,
    phi: Double = 1, state: [Double]
  ) throws -> FittedETS {
    FittedETS(
      name: "ETS", series: y, form: try etsForm(code), seasonLength: m,
      parameters: ETSParameters(alpha: alpha, beta: beta, gamma: gamma, phi: phi),
      initialState: state,
      estimatedCount: 2, smoothingParameterCount: 0, optimizer: nil)
  }

  // MARK: Specification

  @Test func parsesCodes() throws {
    let mam = try ETSSpec(parsing: "MAM")
    #expect(mam.error == .multiplicative && mam.trend == .additive && mam.season == .multiplicative)
    let damped = try ETSSpec(parsing: "AAdN")
    #expect(damped.error == .additive && damped.trend == .damped && damped.season == ETSSeason.none)
    let auto = try ETSSpec(parsing: "ZZZ")
    #expect(auto.error == nil && auto.trend == nil && auto.season == nil)
    let mixed = try ETSSpec(parsing: "MZN")
    #expect(mixed.error == .multiplicative && mixed.trend == nil && mixed.season == ETSSeason.none)
    #expect(mam.description == "MAM" && damped.description == "AAdN" && auto.description == "ZZZ")
    for bad in ["", "XYZ", "AN", "ANdN", "AAxN", "MAMM"] {
      #expect(throws: ForecastError.self) { try ETSSpec(parsing: bad) }
    }
  }

  // MARK: Hand-checked recursions

  /// SES, α = 0.5, ℓ0 = 10, y = 12, 11, 13: fitted 10, 11, 11; final level 12.
  @Test func simpleExponentialSmoothingByHand() throws {
    let m = try Self.model("ANN", y: [12, 11, 13], alpha: 0.5, state: [10])
    #expect(m.fittedValues == [10, 11, 11])
    #expect(m.residuals == [2, 0, 2])
    #expect(m.finalState == [12])
    #expect(m.pointForecast(horizon: 3) == [12, 12, 12])
    // −2 log L = n log Σε² = 3 log 8.
    #expect(etsClose(m.logLikelihood, -0.5 * 3 * Foundation.log(8.0), rel: 1e-14))
  }

  /// Holt, α = 0.5, β = 0.25, ℓ0 = 10, b0 = 1, y = 12, 13:
  /// μ1 = 11, ε1 = 1, ℓ1 = 11.5, b1 = 1.25; μ2 = 12.75, ε2 = 0.25, ℓ2 = 12.875, b2 = 1.3125.
  @Test func holtLinearByHand() throws {
    let m = try Self.model("AAN", y: [12, 13], alpha: 0.5, beta: 0.25, state: [10, 1])
    #expect(etsAllClose(m.fittedValues, [11, 12.75], rel: 1e-15))
    #expect(etsAllClose(m.finalState, [12.875, 1.3125], rel: 1e-15))
    #expect(etsAllClose(m.pointForecast(horizon: 2), [14.1875, 15.5], rel: 1e-15))
  }

  /// Additive Holt–Winters without trend, m = 2, α = 0.5, γ = 0.2, ℓ0 = 10, seasonal states
  /// (newest first) s0 = 1, s1 = −1, y = 10, 12:
  /// μ1 = 9, ℓ1 = 10.5, s ← −0.8; μ2 = 11.5, ℓ2 = 10.75, s ← 1.1; forecasts 9.95, 11.85.
  @Test func additiveHoltWintersByHand() throws {
    let m = try Self.model("ANA", y: [10, 12], m: 2, alpha: 0.5, gamma: 0.2, state: [10, 1, -1])
    #expect(etsAllClose(m.fittedValues, [9, 11.5], rel: 1e-15))
    #expect(etsAllClose(m.finalState, [10.75, 1.1, -0.8], rel: 1e-14))
    #expect(etsAllClose(m.pointForecast(horizon: 3), [9.95, 11.85, 9.95], rel: 1e-14))
  }

  /// Multiplicative errors: −2 log L = n log Σ((y−μ)/μ)² + 2 Σ log μ.
  @Test func multiplicativeLikelihoodByHand() throws {
    let m = try Self.model("MNN", y: [12, 11, 13], alpha: 0.5, state: [10])
    let e: [Double] = [2.0 / 10, 0, 2.0 / 11]
    let sse: Double = e[0] * e[0] + e[1] * e[1] + e[2] * e[2]
    let logs: Double = Foundation.log(10.0) + 2 * Foundation.log(11.0)
    let expected: Double = -0.5 * (3 * Foundation.log(sse) + 2 * logs)
    #expect(etsClose(m.logLikelihood, expected, rel: 1e-14))
    #expect(etsAllClose(m.innovations, e, rel: 1e-14, floor: 1e-300))
  }

  // MARK: Estimation and selection rules

  static let seasonal: [Double] = (0..<60).map { (t: Int) -> Double in
    let time = Double(t)
    let wave: Double = 12 * sin(2 * Double.pi * time / 12)
    let noise: Double = 3 * sin(time * 1.7)
    return 100 + 0.8 * time + wave + noise
  }

  @Test func fixedParametersAreKept() throws {
    var spec = try ETSSpec(parsing: "AAN")
    spec.alpha = 0.3
    spec.beta = 0.1
    let m = try ETS(spec).fitETS(Self.seasonal, seasonLength: 1)
    #expect(m.parameters.alpha == 0.3 && m.parameters.beta == 0.1)
    #expect(m.parameterCount == 3)  // ℓ0, b0 and σ²
  }

  @Test func estimatesStayInTheUsualRegion() throws {
    for code in ["AAdA", "MAdM", "MAdN"] {
      let m = try ETS(parsing: code).fitETS(Self.seasonal, seasonLength: 12)
      let p = m.parameters
      #expect(p.alpha >= 1e-4 && p.alpha <= 0.9999)
      #expect(p.beta >= 1e-4 && p.beta <= p.alpha)
      #expect(p.phi >= 0.8 && p.phi <= 0.98)
      if m.form.hasSeason { #expect(p.gamma >= 1e-4 && p.gamma <= 1 - p.alpha) }
    }
  }

  @Test func autoETSOnSeasonalSeriesPicksSeasonalModel() throws {
    let fit = try AutoETS().fit(Self.seasonal, seasonLength: 12)
    let m = try #require(fit as? FittedETS)
    #expect(fit.name == "AutoETS")
    #expect(m.form.hasSeason)
    #expect(m.fittedValues.count == 60 && m.residuals.count == 60)
  }

  @Test func tooShortSeriesThrows() {
    #expect(throws: ForecastError.seriesTooShort(method: "AutoETS", needed: 4, got: 3)) {
      try AutoETS().fit([1, 2, 3], seasonLength: 1)
    }
  }

  @Test func shortSeasonalSeriesFallsBackToNonSeasonal() throws {
    let y = Array(Self.seasonal.prefix(12))
    let m = try AutoETS().fitETS(y, seasonLength: 12)  // n ≤ m: no seasonal candidates
    #expect(!m.form.hasSeason)
    #expect(throws: ForecastError.self) { try ETS(parsing: "ANA").fitETS(y, seasonLength: 12) }
  }

  @Test func constantSeriesGivesFlatForecastWithZeroVariance() throws {
    let m = try AutoETS().fitETS([Double](repeating: 5, count: 20), seasonLength: 4)
    #expect(m.form.code == "ANN")
    #expect(m.sigma2 < 1e-20)
    let f = m.forecast(horizon: 4, levels: [95])
    #expect(etsAllClose(f.mean, [5, 5, 5, 5], rel: 1e-9))
    #expect(etsAllClose(f.upper[0], [5, 5, 5, 5], rel: 1e-9))
  }

  @Test func nonPositiveDataUsesAdditiveModels() throws {
    let y = Self.seasonal.map { $0 - 150 }
    let m = try AutoETS().fitETS(y, seasonLength: 12)
    #expect(m.form.error == .additive && m.form.season != .multiplicative)
    #expect(throws: ForecastError.self) { try ETS(parsing: "MNN").fitETS(y, seasonLength: 1) }
  }

  @Test func invalidInputIsRejected() {
    #expect(throws: ForecastError.nonFiniteValue(index: 2)) {
      try AutoETS().fit([1, 2, .nan, 4, 5], seasonLength: 1)
    }
    #expect(throws: ForecastError.self) {
      try ETS(parsing: "ANM").fitETS(Self.seasonal, seasonLength: 12)
    }
    #expect(throws: ForecastError.self) {
      try ETS(parsing: "ANA").fitETS(Self.seasonal, seasonLength: 1)
    }
  }

  // MARK: Distributional properties

  /// (Multiplicative-error seasonal models are excluded: their widths follow the seasonal level.)
  @Test(arguments: ["ANN", "AAdN", "AAA", "ANA", "MAN", "MAdN"])
  func intervalsWidenWithHorizon(_ code: String) throws {
    let m = try ETS(parsing: code).fitETS(Self.seasonal, seasonLength: 12)
    let f = m.forecast(horizon: 24, levels: [80, 95])
    for k in 0..<2 {
      let widths = (0..<24).map { f.upper[k][$0] - f.lower[k][$0] }
      #expect(zip(widths, widths.dropFirst()).allSatisfy { $0.0 <= $0.1 * (1 + 1e-12) })
      #expect(widths[23] > widths[0])
    }
    #expect(zip(f.upper[0], f.upper[1]).allSatisfy { $0.0 < $0.1 })
  }

  /// Paths of an additive model: their mean converges to the point forecast and their variance to
  /// the analytic class-1 variance.
  @Test func samplePathsMatchAnalyticMoments() throws {
    let m = try ETS(parsing: "AAdA").fitETS(Self.seasonal, seasonLength: 12)
    let h = 12
    let paths = 20_000
    var rng = Xoshiro256PlusPlus(seed: 7)
    var shocks = [Double](repeating: 0, count: h)
    var path = [Double](repeating: 0, count: h)
    var scratch = [Double](repeating: 0, count: m.scratchCount)
    var sum = [Double](repeating: 0, count: h)
    var sumSquares = [Double](repeating: 0, count: h)
    for _ in 0..<paths {
      for t in 0..<h { shocks[t] = rng.nextNormal() }
      shocks.withUnsafeBufferPointer { s in
        path.withUnsafeMutableBufferPointer { p in
          scratch.withUnsafeMutableBufferPointer { m.samplePath(shocks: s, into: p, scratch: $0) }
        }
      }
      for t in 0..<h {
        sum[t] += path[t]
        sumSquares[t] += path[t] * path[t]
      }
    }
    let mean = m.pointForecast(horizon: h)
    let variance = m.forecastVariance(horizon: h)
    for t in 0..<h {
      let pathMean = sum[t] / Double(paths)
      let pathVariance = sumSquares[t] / Double(paths) - pathMean * pathMean
      #expect(abs(pathMean - mean[t]) < 4 * (variance[t] / Double(paths)).squareRoot())
      #expect(etsClose(pathVariance, variance[t], rel: 0.05))
    }
  }

  /// Class-3 model: the path mean converges to the exact forecast mean (not the point recursion).
  @Test func multiplicativeSeasonalPathMeanMatchesExactMean() throws {
    let m = try ETS(parsing: "MAM").fitETS(Self.seasonal, seasonLength: 12)
    let h = 6
    let paths = 20_000
    var rng = Xoshiro256PlusPlus(seed: 11)
    var shocks = [Double](repeating: 0, count: h)
    var path = [Double](repeating: 0, count: h)
    var scratch = [Double](repeating: 0, count: m.scratchCount)
    var sum = [Double](repeating: 0, count: h)
    for _ in 0..<paths {
      for t in 0..<h { shocks[t] = rng.nextNormal() }
      shocks.withUnsafeBufferPointer { s in
        path.withUnsafeMutableBufferPointer { p in
          scratch.withUnsafeMutableBufferPointer { m.samplePath(shocks: s, into: p, scratch: $0) }
        }
      }
      for t in 0..<h { sum[t] += path[t] }
    }
    let mean = m.pointForecast(horizon: h)
    let variance = m.forecastVariance(horizon: h)
    for t in 0..<h {
      #expect(
        abs(sum[t] / Double(paths) - mean[t]) < 4 * (variance[t] / Double(paths)).squareRoot())
    }
  }
}
