import AttainData
import AttainParallel

/// Fits and forecasts every series of a `Panel` chunk by chunk, keeping no fitted models.
///
/// Same results as `BatchForecaster.forecast(_:horizon:levels:)` (same method, fallbacks and
/// replacement of non-finite values), but each series is fitted, forecast and released before
/// the next one, and the forecasts are written straight into the contiguous output. Memory is
/// therefore the panel plus the output (`(1 + 2·levels) · series · horizon` doubles) plus one
/// fitted model per thread — not one retained model per series, which matters for millions of
/// series. Deterministic for any thread count (fixed chunks, see `ParallelChunks`).
/// - Complexity: Σ (fit + forecast) costs / threads.
public struct StreamingForecaster: Sendable {
  /// The method, fallbacks, season length and threads.
  public var batch: BatchForecaster
  /// Series per work item.
  public var chunkSize: Int

  /// Creates a streaming forecaster from a batch configuration.
  public init(_ batch: BatchForecaster, chunkSize: Int = 16) {
    self.batch = batch
    self.chunkSize = max(1, chunkSize)
  }

  /// Fits and forecasts every series, `horizon` steps with intervals at `levels` (percent).
  public func forecast(_ panel: Panel, horizon: Int, levels: [Double]) -> BatchForecast {
    let count = panel.count
    let h = max(horizon, 0)
    let sortedLevels = levels.sorted()
    let levelCount = sortedLevels.count
    let block = count * h
    // Output blocks: 0 = mean, 1…L = lower of level k, L+1…2L = upper of level k.
    var blocks = (0..<(1 + 2 * levelCount)).map { _ in [Double](repeating: 0, count: block) }
    var methodNames = [String](repeating: "", count: count)
    let chunks = (count + chunkSize - 1) / chunkSize
    var chunkWarnings = [[BatchWarning]](repeating: [], count: chunks)
    let batch = self.batch
    let size = chunkSize
    methodNames.withParallelAccess { names in
      chunkWarnings.withParallelAccess { warningsOut in
        [Double].withParallelAccess(toEach: &blocks) { (out: [SharedArrayAccess<Double>]) in
          ParallelChunks.run(count: count, threads: batch.threads, chunkSize: size) { range in
            var notes: [BatchWarning] = []
            for i in range {
              let (model, warning) = batch.fitOne(Array(panel.values(of: i)), id: panel.ids[i])
              if let warning { notes.append(warning) }
              guard let model else { continue }
              let f = model.forecast(horizon: h, levels: sortedLevels)
              names[i] = model.name
              for t in 0..<h {
                let point = f.mean[t].isFinite ? f.mean[t] : 0
                out[0][i * h + t] = point
                for k in 0..<levelCount {
                  let lo = f.lower[k][t]
                  let hi = f.upper[k][t]
                  out[1 + k][i * h + t] = lo.isFinite ? lo : point
                  out[1 + levelCount + k][i * h + t] = hi.isFinite ? hi : point
                }
              }
            }
            warningsOut[range.lowerBound / size] = notes
          }
        }
      }
    }
    let arrays = blocks
    return BatchForecast(
      ids: panel.ids, horizon: h, levels: sortedLevels, methods: methodNames, mean: arrays[0],
      lower: Array(arrays[1..<(1 + levelCount)]), upper: Array(arrays[(1 + levelCount)...]),
      warnings: chunkWarnings.flatMap { $0 })
  }
}
