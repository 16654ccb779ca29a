import AttainData
import AttainParallel
import Foundation

extension DynamicRegression {
  /// The driver columns `names` of series `i` of `panel`. - Throws: `.unknownDriver` for a name
  /// that is not a driver column of the panel.
  func historyDrivers(_ panel: Panel, series i: Int, names: [String]) throws(DynamicRegressionError) -> [[Double]] {
    var columns = [[Double]]()
    for name in names {
      guard let k = panel.driverNames.firstIndex(of: name) else { throw .unknownDriver(name: name) }
      columns.append(Array(panel.drivers[k][panel.range(of: i)]))
    }
    return columns
  }

  /// Fits every series of `panel` on the drivers `driverNames` (columns of the panel) and
  /// forecasts `horizon` periods with `futureDrivers[i]` (by driver name) for series i, in
  /// parallel over `threads` (results do not depend on the thread count).
  ///
  /// - Returns: the forecasts (same layout as `BatchForecaster`'s) and the diagnostics of every
  ///   series, prefixed with its id.
  /// - Throws: the first failing series' error in panel order, as `.inSeries(id:_:)`.
  /// - Complexity: Σ per-series fit costs / threads.
  public func forecast(
    _ panel: Panel, driverNames: [String], futureDrivers: [[String: [Double]]], horizon: Int, levels: [Double],
    threads: Int? = nil
  ) throws(DynamicRegressionError) -> (forecast: BatchForecast, warnings: [String]) {
    let count = panel.count
    guard futureDrivers.count == count else {
      throw .regression(.dimensionMismatch(what: "future driver sets", expected: count, got: futureDrivers.count))
    }
    let h = max(horizon, 0)
    let sorted = levels.sorted()
    var results = [Result<(Forecast, [String]), DynamicRegressionError>?](repeating: nil, count: count)
    ParallelChunks.fill(&results, threads: threads, chunkSize: 4) { range, out in
      for i in range {
        out[i] = Result { () throws(DynamicRegressionError) -> (Forecast, [String]) in
          let drivers = try historyDrivers(panel, series: i, names: driverNames)
          let model = try fit(
            Array(panel.values(of: i)), drivers: drivers, driverNames: driverNames, start: panel.starts[i],
            frequency: panel.frequency)
          let f = try model.forecast(horizon: h, futureDrivers: futureDrivers[i], levels: sorted)
          return (f, model.warnings)
        }
      }
    }
    var mean = [Double]()
    mean.reserveCapacity(count * h)
    var lower = [[Double]](repeating: [], count: sorted.count)
    var upper = [[Double]](repeating: [], count: sorted.count)
    var warnings = [String]()
    for i in 0..<count {
      guard let result = results[i] else { continue }
      switch result {
      case .failure(let error): throw .inSeries(id: panel.ids[i], error)
      case .success(let (f, notes)):
        mean += f.mean
        for k in sorted.indices {
          lower[k] += f.lower[k]
          upper[k] += f.upper[k]
        }
        warnings += notes.map { "series \(panel.ids[i]): \($0)" }
      }
    }
    let forecast = BatchForecast(
      ids: panel.ids, horizon: h, levels: sorted, methods: [String](repeating: name, count: count), mean: mean,
      lower: lower, upper: upper, warnings: [])
    return (forecast, warnings)
  }

  /// The coefficient tables of every series of `panel` (or of the series at `only`), as the
  /// `attain explain` table `unique_id,term,estimate,std_error,t,p_value,elasticity` (elasticity
  /// empty for non-driver terms), with one summary per series.
  ///
  /// - Throws: the first failing series' error, as `.inSeries(id:_:)`.
  public func explain(_ panel: Panel, driverNames: [String], only: [Int]? = nil) throws(DynamicRegressionError)
    -> (table: ResultTable, summaries: [RegressionSummary])
  {
    var table = ResultTable(header: ["unique_id", "term", "estimate", "std_error", "t", "p_value", "elasticity"])
    var summaries = [RegressionSummary]()
    for i in only ?? Array(0..<panel.count) {
      let id = panel.ids[i]
      let stage: RegressionStage
      do {
        stage = try fitRegression(
          Array(panel.values(of: i)), drivers: try historyDrivers(panel, series: i, names: driverNames),
          driverNames: driverNames, start: panel.starts[i], frequency: panel.frequency)
      } catch {
        throw .inSeries(id: id, error)
      }
      for term in stage.terms {
        let c = term.coefficient
        table.append([
          .text(id), .text(c.name), .number(c.estimate), .number(c.standardError), .number(c.tStatistic),
          .number(c.pValue), term.elasticity.map { .number($0) } ?? .text(""),
        ])
      }
      let r = stage.regression
      summaries.append(
        RegressionSummary(
          id: id, observationCount: r.observationCount, rSquared: r.rSquared, adjustedRSquared: r.adjustedRSquared,
          sigma: r.residualStandardError, aic: r.aic, warnings: stage.warnings))
    }
    return (table, summaries)
  }
}

/// Fit statistics of one series' regression, reported next to its coefficient table.
public struct RegressionSummary: Sendable, Equatable, CustomStringConvertible {
  /// The series.
  public let id: String
  /// Observations n.
  public let observationCount: Int
  /// R².
  public let rSquared: Double
  /// Adjusted R².
  public let adjustedRSquared: Double
  /// Residual standard error σ̂ (log scale for log-log fits).
  public let sigma: Double
  /// AIC as R's `AIC(lm)`.
  public let aic: Double
  /// Diagnostics (ignored events, near collinearity).
  public let warnings: [String]

  /// `ID: n=48 r2=0.512 adj_r2=0.47 sigma=1234 aic=890.1` (4 significant digits).
  public var description: String {
    func g(_ x: Double) -> String { formatSignificant(x, digits: 4) }
    return
      "\(id): n=\(observationCount) r2=\(g(rSquared)) adj_r2=\(g(adjustedRSquared)) sigma=\(g(sigma)) aic=\(g(aic))"
  }
}

/// `x` with `digits` significant digits (`%g`), but without an exponent from 10^digits up:
/// rounded to an integer there, so sales-sized numbers stay readable.
func formatSignificant(_ x: Double, digits: Int) -> String {
  abs(x) >= pow(10, Double(digits)) ? String(format: "%.0f", x) : String(format: "%.\(digits)g", x)
}
