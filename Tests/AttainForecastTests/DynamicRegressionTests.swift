import AttainData
import AttainRandom
import Foundation
import Testing

@testable import AttainForecast

/// A synthetic monthly series with known regression coefficients and AR(1) noise:
/// y_t = 50 + trend·t + season[t mod 12] + beta·x_t + promo·events_t + η_t,
/// η_t = φ η_{t−1} + σ ε_t. Draws `n + h` periods so the future is known.
struct SyntheticRegression {
  static let season: [Double] = [0, -4, 3, 1, 2, 5, 4, 2, 8, 3, 12, 15]
  var intercept = 50.0
  var trend = 0.2
  var beta = 3.0
  var phi = 0.5
  var sigma = 1.0
  var y: [Double] = []
  var x: [Double] = []

  init(length: Int, seed: UInt64, phi: Double = 0.5, warmUp: Int = 50) {
    self.phi = phi
    var rng = Xoshiro256PlusPlus(seed: seed)
    var eta = 0.0
    for _ in 0..<warmUp { eta = phi * eta + sigma * rng.nextNormal() }
    for t in 0..<length {
      let driver = 2 * rng.nextUniform()
      eta = phi * eta + sigma * rng.nextNormal()
      x.append(driver)
      y.append(intercept + trend * Double(t + 1) + Self.season[t % 12] + beta * driver + eta)
    }
  }
}

@Suite struct DynamicRegressionTests {
  @Test func recoversKnownCoefficientsUnderAutocorrelatedNoise() throws {
    let data = SyntheticRegression(length: 240, seed: 20_261_125)
    let method = DynamicRegression(includesTrend: true, seasonLength: 12)
    let model = try method.fit(data.y, drivers: [data.x], driverNames: ["price"])
    let table = Dictionary(uniqueKeysWithValues: model.terms.map { ($0.coefficient.name, $0.coefficient) })
    #expect(model.design.terms.count == 1 + 1 + 11 + 1)
    let truth: [(String, Double)] =
      [("trend", data.trend), ("price", data.beta)]
      + (2...12).map { ("season\($0)", SyntheticRegression.season[$0 - 1]) }
    for (name, value) in truth {
      let c = try #require(table[name])
      // OLS stays unbiased under AR errors; its standard errors are too small by about
      // √((1+φ)/(1−φ)) = 1.7 for a smooth regressor, so allow 6 of them.
      #expect(abs(c.estimate - value) <= 6 * c.standardError, "\(name): \(c.estimate) vs \(value) ± \(c.standardError)")
    }
    #expect(abs(try #require(table["price"]).estimate - 3) <= 0.15 * 3)
    #expect(abs(try #require(table["trend"]).estimate - 0.2) <= 0.15 * 0.2)
    // The ETS stage absorbs part of the autocorrelation: its one-step errors are smaller than
    // the regression residuals (for AR(1), φ = 0.5: variance 1 vs 1.33).
    let residualModel = try #require(model.residualModel)
    let regressionVariance = model.regression.residuals.reduce(0) { $0 + $1 * $1 } / 240
    let oneStepVariance = residualModel.residuals.reduce(0) { $0 + $1 * $1 } / 240
    #expect(oneStepVariance < 0.9 * regressionVariance)
    // Elasticity at the means for a linear fit.
    let price = try #require(model.terms.first { $0.coefficient.name == "price" })
    let meanX = data.x.reduce(0, +) / 240
    let meanY = data.y.reduce(0, +) / 240
    #expect(etsClose(try #require(price.elasticity), price.coefficient.estimate * meanX / meanY, rel: 1e-12))
    #expect(model.terms.first?.elasticity == nil)
  }

  /// Intervals cover simulated futures at about the nominal rate (seeded, 80 replications of
  /// 12 steps; the AR noise is not in the ETS family, so this checks honesty, not exactness).
  @Test func intervalsCoverSimulatedFuturesAtTheNominalRate() throws {
    let n = 96
    let h = 12
    let replications = 80
    var inside80 = 0
    var inside95 = 0
    for r in 0..<replications {
      let data = SyntheticRegression(length: n + h, seed: 1000 + UInt64(r))
      let model = try DynamicRegression(includesTrend: true, seasonLength: 12).fit(
        Array(data.y[..<n]), drivers: [Array(data.x[..<n])], driverNames: ["price"])
      let f = try model.forecast(horizon: h, futureDrivers: ["price": Array(data.x[n...])], levels: [95, 80])
      #expect(f.levels == [80, 95])
      for t in 0..<h {
        let actual = data.y[n + t]
        if f.lower[0][t] <= actual && actual <= f.upper[0][t] { inside80 += 1 }
        if f.lower[1][t] <= actual && actual <= f.upper[1][t] { inside95 += 1 }
      }
    }
    let total = Double(replications * h)
    let coverage80 = Double(inside80) / total
    let coverage95 = Double(inside95) / total
    #expect(coverage80 > 0.72 && coverage80 < 0.90, "80% coverage \(coverage80)")
    #expect(coverage95 > 0.90 && coverage95 < 0.99, "95% coverage \(coverage95)")
  }

  /// Without a residual model the forecast is ordinary regression prediction: mean x₀ᵀβ̂,
  /// variance σ̂² + x₀ᵀΣx₀ (Gaussian quantiles).
  @Test func whiteNoiseResidualsGiveRegressionPredictions() throws {
    let data = SyntheticRegression(length: 60, seed: 7, phi: 0)
    let method = DynamicRegression(includesTrend: true, residualSpecification: nil)
    let model = try method.fit(Array(data.y[..<48]), drivers: [Array(data.x[..<48])], driverNames: ["price"])
    let f = try model.forecast(horizon: 3, futureDrivers: ["price": Array(data.x[48...])], levels: [95])
    let rows = (0..<3).map { [Double(48 + $0 + 1), data.x[48 + $0]] }
    let direct = try LinearRegression().fit(
      response: Array(data.y[..<48]), predictors: [(1...48).map(Double.init), Array(data.x[..<48])],
      names: ["trend", "price"])
    let predictions = try direct.predict(rows, level: 95)
    let t = try #require(StudentT(degreesOfFreedom: direct.residualDegreesOfFreedom)).quantile(0.975)
    let z = ETSNormal.quantile(0.975)
    for k in 0..<3 {
      #expect(etsClose(f.mean[k], predictions[k].estimate, rel: 1e-10))
      let halfWidth = (predictions[k].predictionUpper - predictions[k].estimate) / t * z
      #expect(etsClose(f.upper[0][k] - f.mean[k], halfWidth, rel: 1e-9))
    }
  }

  @Test func samplePathsAreRegressionMeanPlusResidualPaths() throws {
    let data = SyntheticRegression(length: 72, seed: 11)
    let model = try DynamicRegression(seasonLength: 12).fit(
      Array(data.y[..<60]), drivers: [Array(data.x[..<60])], driverNames: ["price"])
    let future = ["price": Array(data.x[60...])]
    let sampler = try model.pathSampler(horizon: 12, futureDrivers: future)
    let residualModel = try #require(model.residualModel)
    var rng = Xoshiro256PlusPlus(seed: 3)
    let shocks = (0..<12).map { _ in rng.nextNormal() }
    var path = [Double](repeating: 0, count: 12)
    var noise = [Double](repeating: 0, count: 12)
    var scratch = [Double](repeating: 0, count: sampler.scratchCount)
    shocks.withUnsafeBufferPointer { z in
      path.withUnsafeMutableBufferPointer { p in
        scratch.withUnsafeMutableBufferPointer { s in sampler.samplePath(shocks: z, into: p, scratch: s) }
      }
      noise.withUnsafeMutableBufferPointer { p in
        scratch.withUnsafeMutableBufferPointer { s in residualModel.samplePath(shocks: z, into: p, scratch: s) }
      }
    }
    let f = try model.forecast(horizon: 12, futureDrivers: future, levels: [80])
    let noiseMean = residualModel.pointForecast(horizon: 12)
    for t in 0..<12 {
      // Regression mean = forecast mean − residual forecast mean.
      #expect(etsClose(path[t], f.mean[t] - noiseMean[t] + noise[t], rel: 1e-12, floor: 1e-9))
    }
  }

  @Test func missingOrShortFutureDriversAreTypedErrorsNamingTheColumn() throws {
    let data = SyntheticRegression(length: 40, seed: 5)
    let model = try DynamicRegression().fit(
      data.y, drivers: [data.x, data.x.map { $0 * $0 }], driverNames: ["price", "promo"])
    #expect(throws: DynamicRegressionError.missingFutureDriver(name: "promo")) {
      try model.forecast(horizon: 2, futureDrivers: ["price": [1, 1]], levels: [80])
    }
    #expect(throws: DynamicRegressionError.tooFewFutureValues(name: "price", needed: 3, got: 2)) {
      try model.forecast(horizon: 3, futureDrivers: ["price": [1, 1], "promo": [1, 1, 1]], levels: [80])
    }
    #expect(throws: DynamicRegressionError.nonFiniteFutureValue(name: "promo", row: 1)) {
      try model.pathSampler(horizon: 2, futureDrivers: ["price": [1, 1], "promo": [1, .nan]])
    }
    #expect(throws: DynamicRegressionError.missingFutureDriver(name: "price")) {
      try model.pathSampler(horizon: 1, futureDrivers: [:])
    }
  }

  @Test func eventRegressorsCountEventDaysPerPeriod() throws {
    let csv = """
      date,event
      2016-11-11,double11
      2016-10-29,promo
      2016-10-30,promo
      2016-10-31,promo
      2016-11-01,promo
      2016-11-02,promo
      2017-11-11,double11
      2015-11-11,double11
      """
    let calendar = try EventCalendar.read(bytes: Array(csv.utf8), file: "events.csv")
    #expect(calendar.names == ["double11", "promo"])
    let start = try #require(CalendarDate(year: 2016, month: 9, day: 1))
    let counts = calendar.regressors(start: start, count: 4, frequency: .monthly)
    #expect(counts == [[0, 0, 1, 0], [0, 3, 2, 0]])
    let indicators = calendar.regressors(start: start, count: 4, frequency: .monthly, encoding: .indicator)
    #expect(indicators == [[0, 0, 1, 0], [0, 1, 1, 0]])
    // ISO weeks: Monday 2016-10-24 … ; the promo spans the weeks of 10-24 (29, 30) and 10-31.
    let weekStart = try #require(CalendarDate(year: 2016, month: 10, day: 24))
    let weekly = calendar.regressors(start: weekStart, count: 3, frequency: .weekly, names: ["promo", "double11"])
    #expect(weekly == [[2, 3, 0], [0, 0, 1]])
    // Yearly: one double11 per year, the five promo days in 2016.
    let yearly = calendar.regressors(
      start: try #require(CalendarDate(year: 2015, month: 1, day: 1)), count: 3, frequency: .yearly)
    #expect(yearly == [[1, 1, 1], [0, 5, 0]])
  }

  @Test func eventFileErrorsAreLocated() {
    #expect(throws: DataError(file: "e.csv", line: 3, column: 1, reason: .impossibleDate(value: "2017-02-29"))) {
      try EventCalendar.read(bytes: Array("date,event\n2016-11-11,a\n2017-02-29,b\n".utf8), file: "e.csv")
    }
    #expect(throws: DataError(file: "e.csv", line: 2, column: 2, reason: .emptyID(column: "event"))) {
      try EventCalendar.read(bytes: Array("date,event\n2016-11-11,\n".utf8), file: "e.csv")
    }
  }

  @Test func eventsEnterTheDesignAndTheFuture() throws {
    // Monthly series from 2014-01 with an event in November 2014–2016 adding 20, and in the
    // forecast year 2017 too: the event coefficient is ≈ 20 and the November forecast carries it.
    var days: [EventCalendar.Day] = []
    for year in 2014...2017 { days.append(.init(date: CalendarDate(year: year, month: 11, day: 25)!, name: "bf")) }
    days.append(.init(date: CalendarDate(year: 2017, month: 5, day: 1)!, name: "future_only"))
    var rng = Xoshiro256PlusPlus(seed: 9)
    let y = (0..<36).map { t in 100 + (t % 12 == 10 ? 20 : 0) + rng.nextNormal() }
    let start = PeriodStamp.date(CalendarDate(year: 2014, month: 1, day: 1)!)
    let method = DynamicRegression(events: EventCalendar(days: days), residualSpecification: nil)
    let model = try method.fit(y, drivers: [], driverNames: [], start: start, frequency: .monthly)
    #expect(model.design.eventNames == ["bf"])
    #expect(model.warnings.contains { $0.contains("future_only") })
    let bf = try #require(model.terms.first { $0.coefficient.name == "bf" })
    #expect(abs(bf.coefficient.estimate - 20) < 4 * bf.coefficient.standardError)
    let f = try model.forecast(horizon: 12, futureDrivers: [:], levels: [80])
    #expect(f.mean[10] - f.mean[9] > 15)
    // With seasonal dummies the November event is the November dummy: a collinearity error.
    let seasonal = DynamicRegression(seasonLength: 12, events: EventCalendar(days: days))
    // (QR pivoting decides which of the two is reported as aliased.)
    let error = #expect(throws: DynamicRegressionError.self) {
      try seasonal.fit(y, drivers: [], driverNames: [], start: start, frequency: .monthly)
    }
    guard case .regression(.collinearPredictors(let aliased, let rank, let columns)) = error else {
      Issue.record("expected a collinearity error, got \(String(describing: error))")
      return
    }
    #expect(aliased.count == 1 && ["bf", "season11"].contains(aliased[0]))
    #expect(rank == 12 && columns == 13)
    #expect(throws: DynamicRegressionError.eventsNeedDates) {
      try method.fit(y, drivers: [], driverNames: [])
    }
  }

  @Test func logLogForecastsAreExponentiatedAndCoefficientsAreElasticities() throws {
    var rng = Xoshiro256PlusPlus(seed: 13)
    let x = (0..<60).map { _ in 1 + rng.nextUniform() }
    var y = [Double]()
    for v in x { y.append(500 * Foundation.pow(v, -1.5) * Foundation.exp(0.05 * rng.nextNormal())) }
    let model = try DynamicRegression(logLog: true).fit(Array(y[..<48]), drivers: [Array(x[..<48])], driverNames: ["price"])
    let price = try #require(model.terms.first { $0.coefficient.name == "price" })
    #expect(abs(price.coefficient.estimate + 1.5) < 0.05)
    #expect(price.elasticity == price.coefficient.estimate)
    let f = try model.forecast(horizon: 12, futureDrivers: ["price": Array(x[48...])], levels: [95])
    for t in 0..<12 {
      #expect(f.lower[0][t] > 0 && f.lower[0][t] < f.mean[t] && f.mean[t] < f.upper[0][t])
      #expect(abs(log(f.mean[t]) - log(500 * pow(x[48 + t], -1.5))) < 0.2)
    }
    #expect(throws: DynamicRegressionError.regression(.nonPositiveValueForLog(column: "price", row: 1, value: 0))) {
      try model.forecast(horizon: 2, futureDrivers: ["price": [1, 0]], levels: [95])
    }
  }

  @Test func batchForecastMatchesSeriesFitsForAnyThreadCount() throws {
    var panel = Panel(frequency: .monthly)
    var future: [[String: [Double]]] = []
    var series: [SyntheticRegression] = []
    for k in 0..<5 {
      let data = SyntheticRegression(length: 42, seed: 100 + UInt64(k))
      series.append(data)
      panel.append(
        id: "s\(k)", start: .date(CalendarDate(year: 2015, month: 1, day: 1)!), values: data.y[..<36],
        drivers: [Array(data.x[..<36])])
      future.append(["price": Array(data.x[36...])])
    }
    panel.driverNames = ["price"]
    let method = DynamicRegression(includesTrend: true, seasonLength: 12)
    let one = try method.forecast(panel, driverNames: ["price"], futureDrivers: future, horizon: 6, levels: [80], threads: 1)
    let two = try method.forecast(panel, driverNames: ["price"], futureDrivers: future, horizon: 6, levels: [80], threads: 2)
    #expect(one.forecast == two.forecast)
    for k in 0..<5 {
      let model = try method.fit(
        Array(series[k].y[..<36]), drivers: [Array(series[k].x[..<36])], driverNames: ["price"],
        start: panel.starts[k], frequency: .monthly)
      let f = try model.forecast(horizon: 6, futureDrivers: future[k], levels: [80])
      #expect(one.forecast.forecast(of: k) == f)
    }
    #expect(throws: DynamicRegressionError.inSeries(id: "s0", .unknownDriver(name: "cost"))) {
      try method.forecast(panel, driverNames: ["cost"], futureDrivers: future, horizon: 6, levels: [80])
    }
    var short = future
    short[3] = ["price": [1, 2]]
    #expect(throws: DynamicRegressionError.inSeries(id: "s3", .tooFewFutureValues(name: "price", needed: 6, got: 2))) {
      try method.forecast(panel, driverNames: ["price"], futureDrivers: short, horizon: 6, levels: [80])
    }
  }
}
