import AttainData
import AttainLinearAlgebra
import Foundation

/// A fitted dynamic regression (see `DynamicRegression`): the regression on drivers and calendar
/// terms, the ETS model of its residuals, forecasts with intervals for given future drivers, and
/// sample paths.
public struct FittedDynamicRegression: Sendable {
  /// Output column name.
  public let name: String
  /// The regressors.
  public let design: RegressionDesign
  /// Stage 1: the least-squares fit (log scale for log-log fits).
  public let regression: FittedLinearRegression
  /// Stage 2: the ETS model of the regression residuals; nil = white-noise residuals.
  public let residualModel: FittedETS?
  /// Number of observations n.
  public let observationCount: Int
  /// Period of the first observation.
  public let start: PeriodStamp
  /// The series' frequency.
  public let frequency: Frequency
  /// The calendar events used to build future event regressors.
  public let events: EventCalendar?
  /// Their encoding.
  public let eventEncoding: EventEncoding
  /// Mean of each driver over the history.
  public let driverMeans: [Double]
  /// Mean of the series over the history.
  public let responseMean: Double
  /// Diagnostics to show with the results (ignored events, near collinearity).
  public let warnings: [String]

  /// The coefficient table with elasticities.
  public var terms: [DynamicRegressionTerm] {
    RegressionStage(
      design: design, regression: regression, driverMeans: driverMeans, responseMean: responseMean,
      warnings: warnings
    ).terms
  }

  /// In-sample one-step-ahead fitted values: regression fit plus the ETS one-step forecast of
  /// the residual (exponentiated for log-log fits).
  public var fittedValues: [Double] {
    let base = regression.fittedValues
    let noise = residualModel?.fittedValues ?? [Double](repeating: 0, count: base.count)
    return zip(base, noise).map { design.logDrivers ? exp($0 + $1) : $0 + $1 }
  }

  /// The future regressor rows (intercept first) for `horizon` periods.
  func futureDesign(horizon h: Int, futureDrivers: [String: [Double]]) throws(DynamicRegressionError) -> Matrix {
    var driverColumns = [[Double]]()
    for name in design.driverNames {
      guard let column = futureDrivers[name] else { throw .missingFutureDriver(name: name) }
      guard column.count >= h else { throw .tooFewFutureValues(name: name, needed: h, got: column.count) }
      for t in 0..<h {
        let v = column[t]
        guard v.isFinite else { throw .nonFiniteFutureValue(name: name, row: t) }
        if design.logDrivers && !(v > 0) {
          throw .regression(.nonPositiveValueForLog(column: name, row: t, value: v))
        }
      }
      driverColumns.append(Array(column.prefix(h)))
    }
    var eventColumns = [[Double]]()
    if !design.eventNames.isEmpty, let events {
      guard case .date(let first) = start else { throw .eventsNeedDates }
      let n = observationCount
      eventColumns = events.regressors(
        start: first, count: n + h, frequency: frequency, encoding: eventEncoding, names: design.eventNames
      ).map { Array($0[n...]) }
    }
    let columns = design.predictorColumns(
      first: observationCount, count: h, drivers: driverColumns, events: eventColumns)
    var x = Matrix(rows: h, columns: columns.count + 1)
    for t in 0..<h {
      x[t, 0] = 1
      for (j, column) in columns.enumerated() { x[t, j + 1] = column[t] }
    }
    return x
  }

  /// The regression mean `x_{n+t}ᵀβ̂` and coefficient variance `x_{n+t}ᵀ Σ̂ x_{n+t}` per step
  /// (log scale for log-log fits).
  func regressionMoments(horizon h: Int, futureDrivers: [String: [Double]]) throws(DynamicRegressionError)
    -> (mean: [Double], variance: [Double])
  {
    let x = try futureDesign(horizon: h, futureDrivers: futureDrivers)
    let beta = regression.estimates
    let sigma = regression.covariance
    let p = beta.count
    var mean = [Double](repeating: 0, count: h)
    var variance = [Double](repeating: 0, count: h)
    for t in 0..<h {
      var m = 0.0
      var v = 0.0
      for i in 0..<p {
        m += x[t, i] * beta[i]
        var s = 0.0
        for j in 0..<p { s += sigma[i, j] * x[t, j] }
        v += x[t, i] * s
      }
      mean[t] = m
      variance[t] = max(v, 0)
    }
    return (mean, variance)
  }

  /// Point forecasts and central prediction intervals at `levels` percent for the next
  /// `horizon` periods, given each driver's future values (by name, at least `horizon` values;
  /// extra values are ignored). Mean = regression mean + ETS residual forecast; variance = ETS
  /// residual forecast variance + coefficient variance; Gaussian bounds (exponentiated for
  /// log-log fits, whose point forecast is the median).
  ///
  /// - Throws: `.missingFutureDriver`, `.tooFewFutureValues`, `.nonFiniteFutureValue`,
  ///   `.invalidOption` for a level outside (0, 100).
  /// - Complexity: O(h p²).
  public func forecast(horizon: Int, futureDrivers: [String: [Double]], levels: [Double])
    throws(DynamicRegressionError) -> Forecast
  {
    for level in levels where !(level > 0 && level < 100) {
      throw .invalidOption(name: "level", value: level, reason: "must be in (0, 100) percent")
    }
    let sorted = levels.sorted()
    let h = max(horizon, 0)
    let (regressionMean, regressionVariance) = try regressionMoments(horizon: h, futureDrivers: futureDrivers)
    var mean = regressionMean
    var variance = regressionVariance
    if let residualModel {
      let noiseMean = residualModel.pointForecast(horizon: h)
      let noiseVariance = residualModel.forecastVariance(horizon: h)
      for t in 0..<h {
        mean[t] += noiseMean[t]
        variance[t] += max(noiseVariance[t], 0)
      }
    } else {
      let s2 = regression.residualStandardError * regression.residualStandardError
      for t in 0..<h { variance[t] += s2 }
    }
    let back: (Double) -> Double = design.logDrivers ? { exp($0) } : { $0 }
    var lower = [[Double]]()
    var upper = [[Double]]()
    for level in sorted {
      let z = ETSNormal.quantile(0.5 + level / 200)
      lower.append((0..<h).map { back(mean[$0] - z * variance[$0].squareRoot()) })
      upper.append((0..<h).map { back(mean[$0] + z * variance[$0].squareRoot()) })
    }
    return Forecast(mean: mean.map(back), levels: sorted, lower: lower, upper: upper)
  }

  /// A sample-path generator for the next `horizon` periods with the given future drivers:
  /// path = regression mean + an ETS sample path of the residual (exponentiated for log-log
  /// fits). Coefficient uncertainty is not in the paths (it is in `forecast`'s intervals; it
  /// is small next to the residual variance when n ≫ p).
  ///
  /// - Throws: as `forecast`.
  public func pathSampler(horizon: Int, futureDrivers: [String: [Double]]) throws(DynamicRegressionError)
    -> DynamicRegressionPaths
  {
    let (mean, _) = try regressionMoments(horizon: max(horizon, 0), futureDrivers: futureDrivers)
    return DynamicRegressionPaths(
      regressionMean: mean, residualModel: residualModel,
      residualStandardError: regression.residualStandardError, exponentiate: design.logDrivers)
  }
}
