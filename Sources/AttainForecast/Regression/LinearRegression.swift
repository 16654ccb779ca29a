import AttainLinearAlgebra
import Foundation

/// Ordinary (or ridge) least-squares regression of a response on named drivers, such as
/// sales on price, advertising, promotions and headcount.
///
/// The specification; `fit` returns a `FittedLinearRegression` with the coefficient table,
/// goodness of fit, information criteria and interval predictions for new rows.
///
/// The model is `y = Xβ + ε`, `ε ~ N(0, σ²I)`, with `X = [1, x₁, …, x_k]` (the column of ones
/// only when `includesIntercept`). Estimation is by a rank-revealing QR factorization of the
/// column-equilibrated design (`Matrix.leastSquares`, LAPACK `dgelsy`), never by the normal
/// equations, so results match R's `lm` to 10+ digits on well-posed problems and NIST's
/// certified values on the hard ones (Longley to 11 digits).
///
/// Options:
/// - `ridgePenalty` λ ≥ 0 minimizes `‖y − Xβ‖² + λ Σ_{j ≥ 1} β_j²` (the intercept is not
///   penalized), solved as the augmented least-squares problem `[X; √λ E] β ≈ [y; 0]`. λ
///   applies to the coefficients in the units of the drivers: standardize drivers first for a
///   scale-free penalty.
/// - `logLog` fits `log y` on `log x_j`, so each slope is an elasticity (the % change of `y`
///   per 1 % change of `x_j`); every response and driver value must be positive.
///
/// Reference: Seber & Lee, *Linear Regression Analysis* (2nd ed., 2003), chapters 3–5;
/// Hoerl & Kennard (1970), *Technometrics* 12, 55–67 (ridge).
public struct LinearRegression: Sendable {
  /// Whether to add an intercept column of ones (named `"(Intercept)"`, as in R).
  public var includesIntercept: Bool
  /// Ridge penalty λ ≥ 0 on the non-intercept coefficients; 0 is ordinary least squares.
  public var ridgePenalty: Double
  /// Fit `log y` on `log x` (elasticities); all values must be > 0.
  public var logLog: Bool
  /// Rank threshold of the QR factorization (see `LeastSquares.defaultReciprocalCondition`).
  public var reciprocalCondition: Double
  /// Variance inflation factor above which a driver is reported as nearly collinear (the
  /// usual rule of thumb is 10; Kutner et al., *Applied Linear Statistical Models*, §10.5).
  public var varianceInflationLimit: Double

  /// A regression specification; the defaults are OLS with an intercept.
  public init(
    includesIntercept: Bool = true, ridgePenalty: Double = 0, logLog: Bool = false,
    reciprocalCondition: Double = LeastSquares.defaultReciprocalCondition,
    varianceInflationLimit: Double = 10
  ) {
    self.includesIntercept = includesIntercept
    self.ridgePenalty = ridgePenalty
    self.logLog = logLog
    self.reciprocalCondition = reciprocalCondition
    self.varianceInflationLimit = varianceInflationLimit
  }

  /// Fit the model.
  ///
  /// - Parameters:
  ///   - response: `y`, one value per observation.
  ///   - predictors: the driver columns, each with one value per observation.
  ///   - names: one name per driver column (used in the coefficient table and in errors).
  /// - Throws: `RegressionError` — `.collinearPredictors` naming the aliased drivers when the
  ///   design is rank deficient, `.nonPositiveValueForLog` for a log-log fit on values ≤ 0,
  ///   `.tooFewObservations` when there are no residual degrees of freedom, and input errors.
  /// - Complexity: O(n · p²) for n observations and p coefficients.
  public func fit(
    response: [Double], predictors: [[Double]], names: [String]
  ) throws(RegressionError) -> FittedLinearRegression {
    let n = response.count
    guard names.count == predictors.count else {
      throw .dimensionMismatch(what: "driver names", expected: predictors.count, got: names.count)
    }
    for (column, name) in zip(predictors, names) where column.count != n {
      throw .dimensionMismatch(what: "values in driver \(name)", expected: n, got: column.count)
    }
    guard ridgePenalty >= 0, ridgePenalty.isFinite else {
      throw .invalidOption(
        name: "ridgePenalty", value: ridgePenalty, reason: "must be finite and ≥ 0")
    }
    let p = predictors.count + (includesIntercept ? 1 : 0)
    guard p > 0 else { throw .dimensionMismatch(what: "coefficients", expected: 1, got: 0) }
    guard n > p else { throw .tooFewObservations(needed: p + 1, got: n) }

    let y = try transformed(response, name: "response")
    var columns: [[Double]] = []
    columns.reserveCapacity(p)
    if includesIntercept { columns.append([Double](repeating: 1, count: n)) }
    for (column, name) in zip(predictors, names) {
      columns.append(try transformed(column, name: name))
    }
    let terms = (includesIntercept ? ["(Intercept)"] : []) + names

    var x = Matrix(rows: n, columns: p)
    for j in 0..<p { for i in 0..<n { x[i, j] = columns[j][i] } }

    do {
      return try estimate(x: x, y: y, terms: terms)
    } catch let error as RegressionError {
      throw error
    } catch let error as LinearAlgebraError {
      throw .linearAlgebra(error)
    } catch {
      throw .linearAlgebra(.illegalArgument(operation: "fit", argument: 0))
    }
  }

  /// Fit with the drivers as a row-per-observation matrix (`x.columns` drivers).
  public func fit(
    response: [Double], predictors x: Matrix, names: [String]
  ) throws(RegressionError) -> FittedLinearRegression {
    try fit(response: response, predictors: (0..<x.columns).map { x.column($0) }, names: names)
  }

  /// Validate finiteness and apply the log transform of a log-log fit.
  private func transformed(_ values: [Double], name: String) throws(RegressionError) -> [Double] {
    for (i, v) in values.enumerated() where !v.isFinite {
      throw .nonFiniteValue(column: name, row: i)
    }
    guard logLog else { return values }
    for (i, v) in values.enumerated() where v <= 0 {
      throw .nonPositiveValueForLog(column: name, row: i, value: v)
    }
    return values.map { log($0) }
  }

  private func estimate(x: Matrix, y: [Double], terms: [String]) throws -> FittedLinearRegression {
    let n = x.rows
    let p = x.columns
    let penalized = ridgePenalty > 0
    let firstPenalized = includesIntercept ? 1 : 0

    // Solve (augmented when ridge) least squares.
    var design = x
    var target = y
    if penalized {
      let extra = p - firstPenalized
      design = Matrix(rows: n + extra, columns: p)
      for j in 0..<p { for i in 0..<n { design[i, j] = x[i, j] } }
      let root = ridgePenalty.squareRoot()
      for k in 0..<extra { design[n + k, firstPenalized + k] = root }
      target = y + [Double](repeating: 0, count: extra)
    }
    let solution = try design.leastSquares(target, reciprocalCondition: reciprocalCondition)
    guard solution.isFullRank else {
      throw RegressionError.collinearPredictors(
        aliased: solution.aliasedColumns.map { terms[$0] }, rank: solution.rank, columns: p)
    }
    let beta = solution.coefficients
    let fitted = try x.multiplied(by: beta)
    var residuals = [Double](repeating: 0, count: n)
    var rss = 0.0
    for i in 0..<n {
      residuals[i] = y[i] - fitted[i]
      rss += residuals[i] * residuals[i]
    }

    // (XᵀX)⁻¹ for OLS; for ridge the sandwich A⁻¹ XᵀX A⁻¹ with A = XᵀX + λE and the effective
    // number of parameters tr(H) = tr(A⁻¹ XᵀX) (Hastie, Tibshirani & Friedman 2009, §3.4.1).
    var unscaled = try solution.unscaledCovariance()
    var modelDegrees = Double(p)
    if penalized {
      let aInverse = unscaled
      let aInverseGram = try aInverse.multiplied(by: x.gram())
      modelDegrees = (0..<p).reduce(0) { $0 + aInverseGram[$1, $1] }
      unscaled = try aInverseGram.multiplied(by: aInverse)
    }
    let residualDegrees = Double(n) - modelDegrees
    let sigma2 = rss / residualDegrees
    var covariance = unscaled
    for j in 0..<p { for i in 0..<p { covariance[i, j] *= sigma2 } }

    guard let t = StudentT(degreesOfFreedom: residualDegrees) else {
      throw RegressionError.tooFewObservations(needed: p + 1, got: n)
    }
    var table: [RegressionCoefficient] = []
    for j in 0..<p {
      let se = covariance[j, j].squareRoot()
      let tStatistic = beta[j] / se
      table.append(
        RegressionCoefficient(
          name: terms[j], estimate: beta[j], standardError: se, tStatistic: tStatistic,
          pValue: t.twoSidedPValue(tStatistic)))
    }

    // Goodness of fit, following R's summary.lm and logLik.lm.
    let mean = includesIntercept ? y.reduce(0, +) / Double(n) : 0
    let tss = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    let r2 = tss > 0 ? 1 - rss / tss : 1  // a constant response fitted exactly
    let adjusted = 1 - (1 - r2) * (Double(n) - (includesIntercept ? 1 : 0)) / residualDegrees
    let nn = Double(n)
    let logLikelihood = -0.5 * nn * (log(2 * Double.pi) + 1 - log(nn) + log(rss))
    let k = modelDegrees + 1  // coefficients plus σ
    let aic = -2 * logLikelihood + 2 * k
    let bic = -2 * logLikelihood + log(nn) * k

    // Collinearity diagnostics on the OLS design.
    var warnings: [RegressionWarning] = []
    let condition = 1 / solution.reciprocalConditionEstimate
    var inflation: [Double]? = nil
    if includesIntercept && !penalized && p > 1 {
      var factors: [Double] = []
      for j in 1..<p {
        let column = x.column(j)
        let m = column.reduce(0, +) / nn
        let ss = column.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        factors.append(unscaled[j, j] * ss)
      }
      inflation = factors
      let flagged = (1..<p).filter { factors[$0 - 1] > varianceInflationLimit }
      if !flagged.isEmpty {
        warnings.append(
          .nearlyCollinear(
            columns: flagged.map { terms[$0] },
            varianceInflationFactors: flagged.map { factors[$0 - 1] },
            conditionNumber: condition))
      }
    }
    if condition > 1e8 && warnings.isEmpty && !penalized {
      warnings.append(.illConditioned(conditionNumber: condition))
    }
    // As R's summary.lm: residuals at rounding level make σ̂, t and p meaningless.
    let squares = y.reduce(0) { $0 + $1 * $1 }
    if rss <= 1e-28 * max(squares, Double.leastNormalMagnitude) {
      warnings.append(.essentiallyPerfectFit)
    }

    return FittedLinearRegression(
      specification: self, coefficients: table, covariance: covariance, observationCount: n,
      residualDegreesOfFreedom: residualDegrees, residualStandardError: sigma2.squareRoot(),
      residualSumOfSquares: rss, rSquared: r2, adjustedRSquared: adjusted,
      logLikelihood: logLikelihood,
      aic: aic, bic: bic, fittedValues: fitted, residuals: residuals, conditionNumber: condition,
      varianceInflationFactors: inflation, warnings: warnings)
  }
}
