import AttainData
import Foundation

/// Dynamic regression: a linear regression of the series on drivers (price, discount,
/// promotions …), calendar events, seasonal dummies and an optional trend, whose residual errors
/// are modelled by exponential smoothing, so forecasts, intervals and sample paths carry both
/// the drivers' effect and the autocorrelated noise around it.
///
/// Model (regression with ETS errors, fitted in two stages):
/// ```
/// y_t = x_tᵀβ + η_t,      η_t ~ ETS(A, ·, N)    (additive errors, trend selected by AICc)
/// ```
/// 1. β by least squares on the design of `RegressionDesign` (rank-revealing QR, see
///    `LinearRegression`); collinear regressors are an error naming them.
/// 2. The residuals η̂_t = y_t − x_tᵀβ̂ are fitted by `ETS` with additive errors and no season
///    (the season is in the dummies), trend N, Ad or A chosen by AICc.
///
/// Forecast for future regressors x_{n+h}: mean `x_{n+h}ᵀβ̂ + E[η_{n+h}]`, variance
/// `Var_ETS(η_{n+h}) + x_{n+h}ᵀ Σ̂_β x_{n+h}` (residual forecast variance plus the regression's
/// coefficient uncertainty), Gaussian central intervals. With `logLog`, the regression is of
/// `log y` on `log x` (trend, dummies and events unlogged) and every output is exponentiated:
/// the point forecast is then the median.
///
/// The two-stage fit is the "regression with ETS errors" of Hyndman & Athanasopoulos (2021),
/// *Forecasting: Principles and Practice*, 3rd ed., ch. 10 (where ARIMA errors are estimated
/// jointly by maximum likelihood; here OLS then ETS, which keeps β̂ unbiased and lets the ETS
/// stage model the autocorrelation that OLS leaves in the residuals). R equivalents:
/// `tslm(y ~ trend + season + x)` for stage 1, `ets(residuals(fit), model = "AZN")` for stage 2.
public struct DynamicRegression: Sendable {
  /// Output column name, `"DynamicRegression"` by default.
  public var name: String
  /// Include the linear trend term `trend`.
  public var includesTrend: Bool
  /// Season length m (m − 1 seasonal dummies when m > 1).
  public var seasonLength: Int
  /// Calendar events (holidays, promotions); nil = none.
  public var events: EventCalendar?
  /// Count of event days per period, or a 0/1 indicator.
  public var eventEncoding: EventEncoding
  /// Regress `log y` on `log x` (drivers' coefficients are elasticities).
  public var logLog: Bool
  /// The residual model; nil leaves the residuals as white noise (plain regression intervals).
  public var residualSpecification: ETSSpec?

  /// The default residual model: additive errors, no season, trend selected (`"AZN"`).
  public static let defaultResidualSpecification = ETSSpec(error: .additive, trend: nil, season: ETSSeason.none)

  /// Creates a specification; defaults: no trend, no season, no events, ETS(A,Z,N) errors.
  public init(
    name: String = "DynamicRegression", includesTrend: Bool = false, seasonLength: Int = 1,
    events: EventCalendar? = nil, eventEncoding: EventEncoding = .count, logLog: Bool = false,
    residualSpecification: ETSSpec? = DynamicRegression.defaultResidualSpecification
  ) {
    self.name = name
    self.includesTrend = includesTrend
    self.seasonLength = seasonLength
    self.events = events
    self.eventEncoding = eventEncoding
    self.logLog = logLog
    self.residualSpecification = residualSpecification
  }

  /// Fits the model to one series.
  ///
  /// - Parameters:
  ///   - series: observations in time order.
  ///   - drivers: one column per driver, each aligned with `series`.
  ///   - driverNames: one name per driver column.
  ///   - start: the period of the first observation (dated, when there are events).
  ///   - frequency: the series' frequency (used to place event days in periods).
  /// - Throws: `DynamicRegressionError`: `.regression(.collinearPredictors…)` naming aliased
  ///   terms, `.eventsNeedDates`, `.residualModel`, input errors.
  /// - Complexity: O(n p²) for the regression plus the ETS fit of the residuals.
  public func fit(
    _ series: [Double], drivers: [[Double]], driverNames: [String], start: PeriodStamp = .index(1),
    frequency: Frequency = .index
  ) throws(DynamicRegressionError) -> FittedDynamicRegression {
    let stage1 = try fitRegression(series, drivers: drivers, driverNames: driverNames, start: start, frequency: frequency)
    var residualModel: FittedETS? = nil
    if let spec = residualSpecification {
      do {
        residualModel = try ETS(spec, name: "residuals").fitETS(stage1.regression.residuals, seasonLength: 1)
      } catch let error as ForecastError {
        throw .residualModel(error)
      } catch {
        throw .residualModel(.notApplicable(method: "ETS", reason: "\(error)"))
      }
    }
    return FittedDynamicRegression(
      name: name, design: stage1.design, regression: stage1.regression, residualModel: residualModel,
      observationCount: series.count, start: start, frequency: frequency, events: events,
      eventEncoding: eventEncoding, driverMeans: stage1.driverMeans, responseMean: stage1.responseMean,
      warnings: stage1.warnings)
  }

  /// Stage 1 only: the regression with its design, for coefficient tables (`attain explain`).
  public func fitRegression(
    _ series: [Double], drivers: [[Double]], driverNames: [String], start: PeriodStamp = .index(1),
    frequency: Frequency = .index
  ) throws(DynamicRegressionError) -> RegressionStage {
    let n = series.count
    guard drivers.count == driverNames.count else {
      throw .regression(.dimensionMismatch(what: "driver names", expected: drivers.count, got: driverNames.count))
    }
    for (column, name) in zip(drivers, driverNames) where column.count != n {
      throw .regression(.dimensionMismatch(what: "values in driver \(name)", expected: n, got: column.count))
    }
    var y = series
    if logLog {
      for (i, v) in series.enumerated() where !(v > 0) {
        throw .regression(.nonPositiveValueForLog(column: "response", row: i, value: v))
      }
      y = series.map { log($0) }
      for (column, name) in zip(drivers, driverNames) {
        for (i, v) in column.enumerated() where !(v > 0) {
          throw .regression(.nonPositiveValueForLog(column: name, row: i, value: v))
        }
      }
    }
    // Events: keep those with at least one day in the history (others cannot be estimated).
    var eventNames = [String]()
    var eventColumns = [[Double]]()
    var warnings = [String]()
    if let events, !events.days.isEmpty {
      guard case .date(let first) = start else { throw .eventsNeedDates }
      let all = events.names
      let columns = events.regressors(start: first, count: n, frequency: frequency, encoding: eventEncoding, names: all)
      for (name, column) in zip(all, columns) {
        if column.contains(where: { $0 != 0 }) {
          eventNames.append(name)
          eventColumns.append(column)
        } else {
          warnings.append("event '\(name)' has no days in the history and is ignored")
        }
      }
    }
    let design = try RegressionDesign(
      includesTrend: includesTrend, seasonLength: seasonLength, driverNames: driverNames, eventNames: eventNames,
      logDrivers: logLog)
    let predictors = design.predictorColumns(first: 0, count: n, drivers: drivers, events: eventColumns)
    let regression: FittedLinearRegression
    do {
      regression = try LinearRegression().fit(response: y, predictors: predictors, names: design.predictorNames)
    } catch {
      throw .regression(error)
    }
    warnings += regression.warnings.map(\.description)
    let responseMean = series.reduce(0, +) / Double(max(n, 1))
    let driverMeans = drivers.map { $0.reduce(0, +) / Double(max(n, 1)) }
    return RegressionStage(
      design: design, regression: regression, driverMeans: driverMeans, responseMean: responseMean,
      warnings: warnings)
  }
}

/// The regression stage of a dynamic regression: the design, the least-squares fit and the
/// means used for elasticities.
public struct RegressionStage: Sendable {
  /// The regressors.
  public let design: RegressionDesign
  /// The least-squares fit (`log y` on `log x` for log-log fits).
  public let regression: FittedLinearRegression
  /// Mean of each driver over the history (raw units).
  public let driverMeans: [Double]
  /// Mean of the series over the history (raw units).
  public let responseMean: Double
  /// Diagnostics: ignored events, near collinearity.
  public let warnings: [String]

  /// The coefficient table with elasticities (see `DynamicRegressionTerm.elasticity`).
  public var terms: [DynamicRegressionTerm] {
    regression.coefficients.map { c in
      var elasticity: Double? = nil
      if let k = design.driverNames.firstIndex(of: c.name) {
        elasticity =
          design.logDrivers ? c.estimate : (responseMean != 0 ? c.estimate * driverMeans[k] / responseMean : nil)
      }
      return DynamicRegressionTerm(coefficient: c, elasticity: elasticity)
    }
  }
}

/// One row of a dynamic regression's coefficient table.
public struct DynamicRegressionTerm: Sendable, Equatable {
  /// Estimate, standard error, t statistic and two-sided p-value of the term.
  public let coefficient: RegressionCoefficient
  /// For drivers only (nil for the intercept, trend, dummies and events): the elasticity, the %
  /// change of y per 1 % change of the driver. Log-log fits: the coefficient itself. Linear
  /// fits: the elasticity at the means, `β̂_j · mean(x_j) / mean(y)` (nil when mean(y) = 0).
  public let elasticity: Double?
}
