import AttainForecast
import AttainLinearAlgebra
import Foundation
import Testing

/// `LinearRegression` against R's `lm` (`Fixtures/regression/make_fixtures.R`) and against
/// NIST certified values.
@Suite("LinearRegression vs R lm and NIST")
struct RegressionTests {
  static let driverNames = ["price", "advertising", "promo", "headcount"]

  static func drivers() throws -> (y: [Double], x: [[Double]]) {
    let rows = try RegressionFixtures.csv("drivers")
    return (
      RegressionFixtures.column(rows, "sales"),
      driverNames.map { RegressionFixtures.column(rows, $0) }
    )
  }

  static func reference(_ model: String) throws -> [[String: String]] {
    try RegressionFixtures.csv("lm_reference").filter { $0["model"] == model }
  }

  func checkAgainstR(_ fit: FittedLinearRegression, model: String, tolerance: Double = 1e-10) throws
  {
    let reference = try Self.reference(model)
    #expect(reference.count == fit.coefficients.count)
    for (row, coefficient) in zip(reference, fit.coefficients) {
      let value = { (key: String) in Double(row[key]!)! }
      #expect(
        regressionClose(coefficient.estimate, value("estimate"), relative: tolerance),
        "\(model) \(coefficient.name)")
      #expect(regressionClose(coefficient.standardError, value("std_error"), relative: tolerance))
      #expect(regressionClose(coefficient.tStatistic, value("t"), relative: tolerance))
      #expect(
        regressionClose(coefficient.pValue, value("p"), relative: 1e-8),
        "\(model) p \(coefficient.name)")
    }
    let first = reference[0]
    let value = { (key: String) in Double(first[key]!)! }
    #expect(regressionClose(fit.residualStandardError, value("sigma"), relative: tolerance))
    #expect(regressionClose(fit.rSquared, value("r_squared"), relative: tolerance))
    #expect(regressionClose(fit.adjustedRSquared, value("adj_r_squared"), relative: tolerance))
    #expect(fit.residualDegreesOfFreedom == value("df"))
    #expect(regressionClose(fit.logLikelihood, value("loglik"), relative: tolerance))
    #expect(regressionClose(fit.aic, value("aic"), relative: tolerance))
    #expect(regressionClose(fit.bic, value("bic"), relative: tolerance))
  }

  func checkPredictions(_ fit: FittedLinearRegression, model: String, columns: [String]) throws {
    let newRows = try RegressionFixtures.csv("newdata")
    let rows = newRows.map { r in columns.map { Double(r[$0]!)! } }
    let reference = try RegressionFixtures.csv("predict_reference").filter { $0["model"] == model }
    #expect(!reference.isEmpty)
    for row in reference {
      let level = Double(row["level"]!)! * 100
      let index = Int(row["row"]!)!
      let prediction = try fit.predict([rows[index]], level: level)[0]
      let want = { (key: String) in Double(row[key]!)! }
      // log-log predictions are compared on the log scale (R's predict works there).
      let scale: (Double) -> Double = fit.specification.logLog ? { log($0) } : { $0 }
      #expect(regressionClose(scale(prediction.estimate), want("fit"), relative: 1e-10))
      #expect(regressionClose(scale(prediction.confidenceLower), want("conf_lwr"), relative: 1e-10))
      #expect(regressionClose(scale(prediction.confidenceUpper), want("conf_upr"), relative: 1e-10))
      #expect(regressionClose(scale(prediction.predictionLower), want("pred_lwr"), relative: 1e-10))
      #expect(regressionClose(scale(prediction.predictionUpper), want("pred_upr"), relative: 1e-10))
    }
  }

  @Test func linearModelMatchesLm() throws {
    let (y, x) = try Self.drivers()
    let fit = try LinearRegression().fit(response: y, predictors: x, names: Self.driverNames)
    #expect(fit.coefficients.map(\.name) == ["(Intercept)"] + Self.driverNames)
    try checkAgainstR(fit, model: "linear")
    try checkPredictions(fit, model: "linear", columns: Self.driverNames)
    #expect(fit.warnings.isEmpty)
    let vif = try #require(fit.varianceInflationFactors)
    #expect(vif.count == 4 && vif.allSatisfy { $0 >= 1 && $0 < 2 })
    // Residuals and fitted values add up to the response.
    for i in 0..<y.count {
      #expect(regressionClose(fit.fittedValues[i] + fit.residuals[i], y[i], relative: 1e-12))
    }
  }

  @Test func noInterceptModelMatchesLm() throws {
    let (y, x) = try Self.drivers()
    let fit = try LinearRegression(includesIntercept: false).fit(
      response: y, predictors: x, names: Self.driverNames)
    try checkAgainstR(fit, model: "noint")
    try checkPredictions(fit, model: "noint", columns: Self.driverNames)
  }

  @Test func logLogModelGivesElasticitiesAsLm() throws {
    let (y, x) = try Self.drivers()
    let names = ["price", "advertising"]
    let fit = try LinearRegression(logLog: true).fit(
      response: y, predictors: [x[0], x[1]], names: names)
    try checkAgainstR(fit, model: "loglog")
    try checkPredictions(fit, model: "loglog", columns: names)
    // The data were generated with price elasticity −1.3 and advertising elasticity 0.25.
    #expect(abs(fit.coefficients[1].estimate + 1.3) < 3 * fit.coefficients[1].standardError + 0.1)
  }

  @Test func logLogRejectsNonPositiveValues() throws {
    let spec = LinearRegression(logLog: true)
    #expect(throws: RegressionError.nonPositiveValueForLog(column: "price", row: 2, value: 0)) {
      try spec.fit(response: [1, 2, 3, 4], predictors: [[1, 2, 0, 4]], names: ["price"])
    }
    #expect(throws: RegressionError.nonPositiveValueForLog(column: "response", row: 0, value: -1)) {
      try spec.fit(response: [-1, 2, 3, 4], predictors: [[1, 2, 3, 4]], names: ["price"])
    }
  }

  @Test func ridgeMatchesAugmentedLeastSquares() throws {
    let (y, x) = try Self.drivers()
    let reference = try RegressionFixtures.csv("ridge_reference")
    let lambda = Double(reference[0]["lambda"]!)!
    let fit = try LinearRegression(ridgePenalty: lambda).fit(
      response: y, predictors: x, names: Self.driverNames)
    for (row, coefficient) in zip(reference, fit.coefficients) {
      #expect(
        regressionClose(coefficient.estimate, Double(row["estimate"]!)!, relative: 1e-10),
        "\(coefficient.name)")
    }
    // Shrinkage: the penalized slopes are smaller in norm than OLS, and the effective number of
    // parameters is between 1 and 5.
    let ols = try LinearRegression().fit(response: y, predictors: x, names: Self.driverNames)
    let norm = { (f: FittedLinearRegression) in f.estimates.dropFirst().reduce(0) { $0 + $1 * $1 } }
    #expect(norm(fit) < norm(ols))
    let effective = Double(y.count) - fit.residualDegreesOfFreedom
    #expect(effective > 1 && effective < 5)
    // λ → 0 recovers OLS exactly.
    let tiny = try LinearRegression(ridgePenalty: 1e-12).fit(
      response: y, predictors: x, names: Self.driverNames)
    for (a, b) in zip(tiny.coefficients, ols.coefficients) {
      #expect(regressionClose(a.estimate, b.estimate, relative: 1e-9))
      #expect(regressionClose(a.standardError, b.standardError, relative: 1e-8))
    }
  }

  @Test func ridgeOnOrthogonalDriversMatchesClosedForm() throws {
    // Centered, mutually orthogonal drivers (columns of a Hadamard-like design): with the
    // intercept unpenalized, β̂_j = x_jᵀy / (s_j + λ), tr H = 1 + Σ s_j / (s_j + λ) and
    // Var β̂_j = σ² s_j / (s_j + λ)², where s_j = ‖x_j‖² (Hoerl & Kennard 1970).
    let n = 16
    var drivers = [[Double]](repeating: [Double](repeating: 0, count: n), count: 3)
    var y = [Double](repeating: 0, count: n)
    for i in 0..<n {
      let a: Double = i % 2 == 0 ? 1 : -1
      let b: Double = (i / 2) % 2 == 0 ? 2 : -2
      let c: Double = (i / 4) % 2 == 0 ? 0.5 : -0.5
      drivers[0][i] = a
      drivers[1][i] = b
      drivers[2][i] = c
      y[i] = 10 + 3 * a - b + 4 * c + sin(Double(i) * 1.7)
    }
    let lambda = 7.5
    let fit = try LinearRegression(ridgePenalty: lambda).fit(
      response: y, predictors: drivers, names: ["a", "b", "c"])
    var trace = 1.0
    for j in 0..<3 {
      var s = 0.0
      var xty = 0.0
      for i in 0..<n {
        s += drivers[j][i] * drivers[j][i]
        xty += drivers[j][i] * y[i]
      }
      #expect(
        regressionClose(fit.coefficients[j + 1].estimate, xty / (s + lambda), relative: 1e-12))
      trace += s / (s + lambda)
      let sigma2 = fit.residualStandardError * fit.residualStandardError
      #expect(
        regressionClose(
          fit.coefficients[j + 1].standardError, (sigma2 * s).squareRoot() / (s + lambda),
          relative: 1e-11))
    }
    #expect(regressionClose(fit.residualDegreesOfFreedom, Double(n) - trace, relative: 1e-12))
    #expect(
      regressionClose(fit.coefficients[0].estimate, y.reduce(0, +) / Double(n), relative: 1e-12))
  }

  @Test func varianceInflationFactorsMatchAuxiliaryRegressions() throws {
    let (_, x) = try Self.drivers()
    let shelfPrice = x[0].enumerated().map { $1 + 0.3 * Double(($0 * 37) % 11 - 5) }
    let drivers = [x[0], shelfPrice, x[1]]
    let names = ["price", "shelf price", "advertising"]
    let (y, _) = try Self.drivers()
    let fit = try LinearRegression().fit(response: y, predictors: drivers, names: names)
    let vif = try #require(fit.varianceInflationFactors)
    for j in 0..<3 {
      // VIF_j = 1 / (1 − R_j²), R_j² from regressing driver j on the other drivers.
      let others = (0..<3).filter { $0 != j }
      let auxiliary = try LinearRegression().fit(
        response: drivers[j], predictors: others.map { drivers[$0] },
        names: others.map { names[$0] })
      #expect(regressionClose(vif[j], 1 / (1 - auxiliary.rSquared), relative: 1e-9), "\(names[j])")
    }
  }

  @Test func collinearDriversAreNamed() throws {
    let (y, x) = try Self.drivers()
    // "list price" is an exact multiple of price: the design is rank deficient.
    let listPrice = x[0].map { 1.25 * $0 }
    let error = #expect(throws: RegressionError.self) {
      try LinearRegression().fit(
        response: y, predictors: [x[0], x[1], listPrice],
        names: ["price", "advertising", "list price"])
    }
    guard case .collinearPredictors(let aliased, let rank, let columns) = error else {
      Issue.record("expected collinearPredictors, got \(String(describing: error))")
      return
    }
    #expect(rank == 3 && columns == 4)
    #expect(aliased.count == 1)
    #expect(["price", "list price"].contains(aliased[0]))
    // A dummy and its complement are collinear with the intercept.
    let promo = x[2]
    let noPromo = promo.map { 1 - $0 }
    #expect(throws: RegressionError.self) {
      try LinearRegression().fit(
        response: y, predictors: [promo, noPromo], names: ["promo", "no promo"])
    }
  }

  @Test func nearlyCollinearDriversAreWarned() throws {
    let (y, x) = try Self.drivers()
    // A second price series that differs from price by small noise: estimable but VIF ≫ 10.
    let shelfPrice = x[0].enumerated().map { $1 + 0.01 * Double(($0 * 37) % 11 - 5) }
    let fit = try LinearRegression().fit(
      response: y, predictors: [x[0], shelfPrice, x[1]],
      names: ["price", "shelf price", "advertising"])
    guard case .nearlyCollinear(let columns, let vif, _) = try #require(fit.warnings.first) else {
      Issue.record("expected a near-collinearity warning, got \(fit.warnings)")
      return
    }
    #expect(columns == ["price", "shelf price"])
    #expect(vif.allSatisfy { $0 > 100 })
  }

  @Test func perfectFitIsWarned() throws {
    let x: [Double] = [1, 2, 3, 4, 5, 6]
    let fit = try LinearRegression().fit(
      response: x.map { 3 - 2 * $0 }, predictors: [x], names: ["x"])
    #expect(fit.warnings.contains(.essentiallyPerfectFit))
    #expect(regressionClose(fit.coefficients[1].estimate, -2, relative: 1e-13))
    let noisy = try LinearRegression().fit(
      response: x.enumerated().map { 3 - 2 * $1 + ($0 % 2 == 0 ? 0.1 : -0.1) }, predictors: [x],
      names: ["x"])
    #expect(noisy.warnings.isEmpty)
  }

  @Test func inputErrors() throws {
    let spec = LinearRegression()
    #expect(throws: RegressionError.tooFewObservations(needed: 3, got: 2)) {
      try spec.fit(response: [1, 2], predictors: [[1, 2]], names: ["x"])
    }
    #expect(
      throws: RegressionError.dimensionMismatch(what: "values in driver x", expected: 3, got: 2)
    ) {
      try spec.fit(response: [1, 2, 3], predictors: [[1, 2]], names: ["x"])
    }
    #expect(throws: RegressionError.nonFiniteValue(column: "x", row: 1)) {
      try spec.fit(response: [1, 2, 3, 4], predictors: [[1, .nan, 3, 4]], names: ["x"])
    }
    #expect(throws: RegressionError.self) {
      try LinearRegression(ridgePenalty: -1).fit(
        response: [1, 2, 3, 4], predictors: [[1, 2, 3, 5]], names: ["x"])
    }
    let fit = try spec.fit(response: [1, 2, 3, 5], predictors: [[1, 2, 3, 5.5]], names: ["x"])
    #expect(throws: RegressionError.self) { try fit.predict([[1, 2]]) }
    #expect(throws: RegressionError.self) { try fit.predict([[1]], level: 100) }
  }

  @Test(
    "NIST Longley, Norris and Wampler4 through LinearRegression",
    arguments: ["Longley", "Norris", "Wampler4"])
  func nistCertifiedValues(name: String) throws {
    let data = try RegressionFixtures.nist(name)
    let predictors: [[Double]]
    let names: [String]
    if name == "Wampler4" {  // 5th-degree polynomial in x
      let x = data.x.map { $0[0] }
      predictors = (1...5).map { k in x.map { v in (0..<k).reduce(1.0) { r, _ in r * v } } }
      names = (1...5).map { "x^\($0)" }
    } else {
      predictors = (0..<data.x[0].count).map { j in data.x.map { $0[j] } }
      names = (0..<predictors.count).map { "x\($0 + 1)" }
    }
    let fit = try LinearRegression().fit(response: data.y, predictors: predictors, names: names)
    let estimateTolerance = name == "Wampler4" ? 1e-7 : 1e-9
    for (j, coefficient) in fit.coefficients.enumerated() {
      #expect(
        regressionClose(coefficient.estimate, data.estimates[j], relative: estimateTolerance),
        "\(name) b\(j)")
      #expect(
        regressionClose(coefficient.standardError, data.deviations[j], relative: 1e-9),
        "\(name) sd\(j)")
    }
    #expect(regressionClose(fit.residualStandardError, data.residualSD, relative: 1e-9))
    #expect(regressionClose(fit.rSquared, data.r2, relative: 1e-9))
    if name == "Longley" {
      // Longley's drivers are famously collinear: GNP, population and year have VIFs in the hundreds.
      guard case .nearlyCollinear(let columns, _, _) = try #require(fit.warnings.first) else {
        Issue.record("Longley must be reported as nearly collinear")
        return
      }
      #expect(columns.contains("x2") && columns.contains("x6"))
    }
  }
}
