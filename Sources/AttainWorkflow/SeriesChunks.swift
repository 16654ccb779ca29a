import AttainData
import AttainForecast

/// Batch work split into chunks of series so that a progress sink can advance between chunks,
/// with results identical to one call over the whole panel (every series is processed
/// independently and the parts are concatenated in panel order).
public enum SeriesChunks {
  /// Series per chunk: large enough to keep every core busy within a chunk (≥ 256) and small enough
  /// for about 100 progress updates.
  public static func size(for count: Int) -> Int { max(256, (count + 99) / 100) }

  /// The chunk ranges of a panel of `count` series.
  public static func ranges(count: Int) -> [Range<Int>] {
    let size = size(for: count)
    return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
  }

  /// `forecaster.fit(panel)` chunk by chunk, advancing `progress` by each chunk's series and
  /// finishing it at the end. Every series is fitted exactly once.
  /// - Complexity: one fit per series.
  public static func fit(_ panel: Panel, with forecaster: BatchForecaster, progress: any ProgressSink) -> BatchFit {
    var result: BatchFit?
    for range in ranges(count: panel.count) {
      let part = forecaster.fit(panel.slice(range))
      if result == nil {
        result = part
      } else {
        result?.ids += part.ids
        result?.models += part.models
        result?.warnings += part.warnings
      }
      progress.advance(by: range.count)
    }
    progress.finish()
    return result ?? forecaster.fit(panel)
  }

  /// `backtest.run(panel)` chunk by chunk, advancing `progress` by each chunk's series. The
  /// returned `accuracy` is the mean over all evaluated series, as one call would give.
  /// - Complexity: one fit per series and window.
  public static func backtest(
    _ panel: Panel, with backtest: Backtest, threads: Int?, progress: any ProgressSink
  ) -> PanelBacktest {
    var result: PanelBacktest?
    for range in ranges(count: panel.count) {
      let part = backtest.run(panel.slice(range), threads: threads)
      if result == nil {
        result = part
      } else {
        result?.series += part.series
        result?.failures += part.failures
      }
      progress.advance(by: range.count)
    }
    progress.finish()
    guard var all = result else { return backtest.run(panel, threads: threads) }
    all.accuracy = .average(all.series.map(\.accuracy))
    return all
  }
}
