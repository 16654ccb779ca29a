import AttainLinearAlgebra
import Foundation

/// One row of a regression coefficient table.
public struct RegressionCoefficient: Sendable, Equatable {
  /// The term: `"(Intercept)"` or the driver's name.
  public let name: String
  /// The estimate β̂ (for a log-log fit of a driver: its elasticity).
  public let estimate: Double
  /// Its standard error `√(σ̂² [(XᵀX)⁻¹]_jj)` (ridge: from the sandwich covariance).
  public let standardError: Double
  /// `estimate / standardError`.
  public let tStatistic: Double
  /// Two-sided p-value `P(|T| ≥ |t|)`, T ~ Student t with the residual degrees of freedom.
  public let pValue: Double
}

/// A diagnostic that does not stop the fit but must be shown with its results.
public enum RegressionWarning: Sendable, Equatable, CustomStringConvertible {
  /// Drivers whose variance inflation factor `VIF_j = 1 / (1 − R_j²)` exceeds the limit: their
  /// coefficients are poorly determined individually (standard errors inflated by `√VIF`).
  case nearlyCollinear(
    columns: [String], varianceInflationFactors: [Double], conditionNumber: Double)
  /// The column-scaled design has a 1-norm condition number above 1e8 (no intercept to compute
  /// VIFs, or no single driver to blame): coefficients may have few correct digits.
  case illConditioned(conditionNumber: Double)
  /// The residuals are at rounding level (RSS ≤ 1e-28 Σy²): σ̂ ≈ 0, so standard errors,
  /// t statistics, p-values, intervals and the log-likelihood are not meaningful.
  case essentiallyPerfectFit

  /// A one-line lowercase message.
  public var description: String {
    switch self {
    case .nearlyCollinear(let columns, let vif, let kappa):
      let list = zip(columns, vif).map { "\($0) (VIF \(String(format: "%.1f", $1)))" }.joined(
        separator: ", ")
      return "nearly collinear drivers: \(list); condition number \(String(format: "%.3g", kappa))"
    case .illConditioned(let kappa):
      return "ill-conditioned design: condition number \(String(format: "%.3g", kappa))"
    case .essentiallyPerfectFit:
      return "essentially perfect fit: standard errors and p-values are unreliable"
    }
  }
}

/// Point prediction with confidence and prediction intervals for one new row.
///
/// For a log-log fit all values are on the response scale: `estimate = exp(x₀ᵀβ̂)` (the median
/// of the predictive distribution, not its mean) and the bounds are the exponentiated bounds of
/// the log-scale intervals, which keep their coverage because `exp` is monotone.
public struct RegressionPrediction: Sendable, Equatable {
  /// `x₀ᵀβ̂` (or its exponential for log-log).
  public let estimate: Double
  /// Interval for the mean response: `x₀ᵀβ̂ ± t · √(x₀ᵀ Σ x₀)`.
  public let confidenceLower: Double
  /// Upper bound of the confidence interval.
  public let confidenceUpper: Double
  /// Interval for a new observation: `x₀ᵀβ̂ ± t · √(σ̂² + x₀ᵀ Σ x₀)`.
  public let predictionLower: Double
  /// Upper bound of the prediction interval.
  public let predictionUpper: Double
}

/// A fitted linear regression: coefficient table, fit statistics and predictions.
///
/// Statistics follow R's `summary.lm`, `logLik.lm`, `AIC` and `BIC` conventions, so the
/// numbers can be compared one to one with R output:
/// - `logLikelihood = −n/2 · (log 2π + 1 − log n + log RSS)` (σ² at its MLE RSS/n);
/// - `aic = −2 logL + 2 (p + 1)` and `bic = −2 logL + log(n) (p + 1)`, counting σ as a
///   parameter (for ridge, p is the effective number of parameters tr H);
/// - without an intercept, R² uses the uncentered total sum of squares Σy², as R does.
public struct FittedLinearRegression: Sendable {
  /// The specification that produced the fit.
  public let specification: LinearRegression
  /// The coefficient table, intercept first when present, then drivers in input order.
  public let coefficients: [RegressionCoefficient]
  /// The estimated covariance of the coefficients, `σ̂² (XᵀX)⁻¹` (ridge: the sandwich form).
  public let covariance: Matrix
  /// Number of observations n.
  public let observationCount: Int
  /// Residual degrees of freedom `n − p` (ridge: `n − tr H`, not necessarily an integer).
  public let residualDegreesOfFreedom: Double
  /// `σ̂ = √(RSS / df)`, in units of the (possibly logged) response.
  public let residualStandardError: Double
  /// Residual sum of squares.
  public let residualSumOfSquares: Double
  /// Coefficient of determination.
  public let rSquared: Double
  /// R² adjusted for the number of coefficients: `1 − (1 − R²)(n − i)/df`, i = 1 with intercept.
  public let adjustedRSquared: Double
  /// Gaussian log-likelihood at the estimates (R's `logLik`).
  public let logLikelihood: Double
  /// Akaike information criterion (R's `AIC(lm)`).
  public let aic: Double
  /// Bayesian information criterion (R's `BIC(lm)`).
  public let bic: Double
  /// In-sample fitted values `Xβ̂` (log scale for log-log).
  public let fittedValues: [Double]
  /// Residuals `y − Xβ̂` (log scale for log-log).
  public let residuals: [Double]
  /// Estimated 1-norm condition number of the column-scaled design (LAPACK `dtrcon`).
  public let conditionNumber: Double
  /// Variance inflation factor of each driver (not the intercept); `nil` without an intercept
  /// or with a ridge penalty, where it is not defined in the usual way.
  public let varianceInflationFactors: [Double]?
  /// Diagnostics to report with the results (near collinearity, ill conditioning).
  public let warnings: [RegressionWarning]

  /// The estimates in table order.
  public var estimates: [Double] { coefficients.map(\.estimate) }

  /// Predictions with intervals at `level` percent (e.g. 95) for new rows of driver values.
  ///
  /// - Parameters:
  ///   - rows: one array per new observation with one value per driver, in the fit's order
  ///     (raw values, also for log-log fits: they are logged here).
  ///   - level: central interval coverage in percent, in (0, 100).
  /// - Throws: `.dimensionMismatch`, `.invalidOption` for a level outside (0, 100),
  ///   `.nonPositiveValueForLog`, `.nonFiniteValue`.
  /// - Complexity: O(rows · p²).
  public func predict(_ rows: [[Double]], level: Double = 95) throws(RegressionError)
    -> [RegressionPrediction]
  {
    guard level > 0, level < 100 else {
      throw .invalidOption(name: "level", value: level, reason: "must be in (0, 100) percent")
    }
    let p = coefficients.count
    let drivers = p - (specification.includesIntercept ? 1 : 0)
    guard let t = StudentT(degreesOfFreedom: residualDegreesOfFreedom) else {
      throw .tooFewObservations(needed: p + 1, got: observationCount)
    }
    let multiplier = t.quantile(0.5 + level / 200)
    let sigma2 = residualStandardError * residualStandardError
    var results: [RegressionPrediction] = []
    results.reserveCapacity(rows.count)
    var x0 = [Double](repeating: 0, count: p)
    for (r, row) in rows.enumerated() {
      guard row.count == drivers else {
        throw .dimensionMismatch(
          what: "values in new row \(r + 1)", expected: drivers, got: row.count)
      }
      var k = 0
      if specification.includesIntercept {
        x0[0] = 1
        k = 1
      }
      for (j, v) in row.enumerated() {
        let name = coefficients[k + j].name
        guard v.isFinite else { throw .nonFiniteValue(column: name, row: r) }
        if specification.logLog {
          guard v > 0 else { throw .nonPositiveValueForLog(column: name, row: r, value: v) }
          x0[k + j] = log(v)
        } else {
          x0[k + j] = v
        }
      }
      var mean = 0.0
      var variance = 0.0
      for i in 0..<p {
        mean += x0[i] * coefficients[i].estimate
        for j in 0..<p { variance += x0[i] * covariance[i, j] * x0[j] }
      }
      let confidence = multiplier * max(variance, 0).squareRoot()
      let prediction = multiplier * (sigma2 + max(variance, 0)).squareRoot()
      let back: (Double) -> Double = specification.logLog ? { exp($0) } : { $0 }
      results.append(
        RegressionPrediction(
          estimate: back(mean), confidenceLower: back(mean - confidence),
          confidenceUpper: back(mean + confidence),
          predictionLower: back(mean - prediction), predictionUpper: back(mean + prediction)))
    }
    return results
  }
}
