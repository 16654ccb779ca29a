import AttainData
import AttainParallel

/// Fits and forecasts every series of a `Panel`, in parallel, with fallbacks.
///
/// Each series is fitted with `method`; if that throws (too short, not applicable, non-finite
/// input) or its point forecast is not finite, the `fallbacks` are tried in order, and the series is
/// reported in `warnings` naming the method used. A series no method can handle (e.g. empty)
/// gets a flat zero forecast with zero-width intervals and a warning, so the output never holds
/// NaN or infinity. Work runs in fixed chunks over `threads` threads (default: all cores);
/// results are identical for any thread count.
public struct BatchForecaster: Sendable {
  /// The model fitted to each series.
  public var method: any ForecastingMethod
  /// Simpler methods tried in order when `method` fails on a series.
  public var fallbacks: [any ForecastingMethod]
  /// Season length passed to every fit (1 = none).
  public var seasonLength: Int
  /// Worker threads; nil = all cores.
  public var threads: Int?

  /// Creates a batch forecaster. The default fallbacks are `SeasonalNaive` then `Naive`.
  public init(
    method: any ForecastingMethod, seasonLength: Int,
    fallbacks: [any ForecastingMethod] = [SeasonalNaive(), Naive()], threads: Int? = nil
  ) {
    self.method = method
    self.seasonLength = seasonLength
    self.fallbacks = fallbacks
    self.threads = threads
  }

  /// Fits every series. - Complexity: Σ fit costs / threads.
  public func fit(_ panel: Panel) -> BatchFit {
    let count = panel.count
    var models = [(any FittedForecaster)?](repeating: nil, count: count)
    var notes = [BatchWarning?](repeating: nil, count: count)
    models.withParallelAccess { m in
      notes.withParallelAccess { w in
        ParallelChunks.run(count: count, threads: threads) { range in
          for i in range {
            let (model, warning) = fitOne(Array(panel.values(of: i)), id: panel.ids[i])
            m[i] = model
            w[i] = warning
          }
        }
      }
    }
    return BatchFit(ids: panel.ids, models: models, warnings: notes.compactMap { $0 })
  }

  /// Fits every series and forecasts `horizon` steps with intervals at `levels` (percent).
  public func forecast(_ panel: Panel, horizon: Int, levels: [Double]) -> BatchForecast {
    let fitted = fit(panel)
    return fitted.forecast(horizon: horizon, levels: levels, threads: threads)
  }

  /// Fits one series with the method or its fallbacks.
  func fitOne(_ y: [Double], id: String) -> ((any FittedForecaster)?, BatchWarning?) {
    var reasons: [String] = []
    for (k, candidate) in ([method] + fallbacks).enumerated() {
      do {
        let model = try ScaledForecaster.fit(candidate, y, seasonLength: seasonLength)
        // A cheap check on the point forecasts; non-finite interval bounds are replaced later.
        let check = model.pointForecast(horizon: max(seasonLength, 1))
        guard check.allSatisfy(\.isFinite) else {
          reasons.append("\(candidate.name) gave a non-finite forecast")
          continue
        }
        let warning =
          k == 0
          ? nil
          : BatchWarning(
            id: id, requested: method.name, used: candidate.name,
            reason: reasons.joined(separator: "; "))
        return (model, warning)
      } catch {
        reasons.append("\(error)")
      }
    }
    return (
      nil,
      BatchWarning(
        id: id, requested: method.name, used: nil, reason: reasons.joined(separator: "; "))
    )
  }

}

/// A series the batch could not fit with the requested method.
public struct BatchWarning: Sendable, Equatable, CustomStringConvertible {
  /// The series `unique_id`.
  public var id: String
  /// The requested method name.
  public var requested: String
  /// The method actually used, or nil when none could fit (flat zero forecast).
  public var used: String?
  /// Why the requested method (and earlier fallbacks) failed.
  public var reason: String

  /// One line: `series X: used Naive instead of Theta (Theta needs at least 3 observations, got 2)`.
  public var description: String {
    "series \(id): used \(used ?? "a zero forecast") instead of \(requested) (\(reason))"
  }
}

/// The fitted models of a panel, one per series (nil where nothing could be fitted).
public struct BatchFit: Sendable {
  /// Series identifiers, in panel order.
  public var ids: [String]
  /// Fitted models; nil for series no method could fit.
  public var models: [(any FittedForecaster)?]
  /// Series that used a fallback or none, in panel order.
  public var warnings: [BatchWarning]

  /// Forecasts every series in parallel. A non-finite point forecast is written as 0 and a
  /// non-finite bound as the point forecast, so the output never holds NaN or infinity.
  /// - Complexity: Σ forecast costs / threads.
  public func forecast(horizon: Int, levels: [Double], threads: Int? = nil) -> BatchForecast {
    let count = models.count
    let h = max(horizon, 0)
    let sortedLevels = levels.sorted()
    let levelCount = sortedLevels.count
    var mean = [Double](repeating: 0, count: count * h)
    // Bounds of all levels in one buffer: lower of level k at k·count·h, upper after all lowers.
    var bounds = [Double](repeating: 0, count: 2 * levelCount * count * h)
    var methodNames = [String](repeating: "", count: count)
    let models = self.models
    mean.withParallelAccess { meanOut in
      bounds.withParallelAccess { boundsOut in
        methodNames.withParallelAccess { nameOut in
          ParallelChunks.run(count: count, threads: threads) { range in
            for i in range {
              guard let model = models[i] else { continue }
              let f = model.forecast(horizon: h, levels: sortedLevels)
              nameOut[i] = model.name
              for t in 0..<h {
                let point = f.mean[t].isFinite ? f.mean[t] : 0
                meanOut[i * h + t] = point
                for k in 0..<levelCount {
                  let lo = f.lower[k][t]
                  let hi = f.upper[k][t]
                  boundsOut[k * count * h + i * h + t] = lo.isFinite ? lo : point
                  boundsOut[(levelCount + k) * count * h + i * h + t] = hi.isFinite ? hi : point
                }
              }
            }
          }
        }
      }
    }
    let block = count * h
    let lower = (0..<levelCount).map { Array(bounds[($0 * block)..<(($0 + 1) * block)]) }
    let upper = (0..<levelCount).map {
      Array(bounds[((levelCount + $0) * block)..<((levelCount + $0 + 1) * block)])
    }
    return BatchForecast(
      ids: ids, horizon: h, levels: sortedLevels, methods: methodNames, mean: mean, lower: lower,
      upper: upper, warnings: warnings)
  }
}

/// Forecasts of every series of a panel in contiguous storage.
public struct BatchForecast: Sendable, Equatable {
  /// Series identifiers, in panel order.
  public var ids: [String]
  /// Steps per series.
  public var horizon: Int
  /// Interval levels in percent, ascending.
  public var levels: [Double]
  /// The name of the model used for each series ("" when none could fit).
  public var methods: [String]
  /// Point forecasts: series i, step t at `mean[i * horizon + t]`.
  public var mean: [Double]
  /// `lower[k]`: lower bounds of `levels[k]`, laid out like `mean`.
  public var lower: [[Double]]
  /// `upper[k]`: upper bounds of `levels[k]`, laid out like `mean`.
  public var upper: [[Double]]
  /// Series that used a fallback or none.
  public var warnings: [BatchWarning]

  /// The forecast of series `i` as a `Forecast`.
  public func forecast(of i: Int) -> Forecast {
    let range = (i * horizon)..<((i + 1) * horizon)
    return Forecast(
      mean: Array(mean[range]), levels: levels, lower: lower.map { Array($0[range]) },
      upper: upper.map { Array($0[range]) })
  }
}
