import AttainData
import Testing

@testable import AttainForecast

@Suite struct StreamingForecasterTests {
  /// The streaming path must give exactly the batch path's output (same fits, same fallbacks,
  /// same non-finite replacement), for any thread count and chunk size.
  @Test func matchesTheBatchForecasterExactly() {
    let panel = BatchForecasterTests.panel()
    let reference = BatchForecaster(method: AutoTheta(), seasonLength: 4, threads: 1)
      .forecast(panel, horizon: 8, levels: [95, 80])
    for (threads, chunk) in [(1, 1), (2, 7), (3, 64)] {
      let streamed = StreamingForecaster(
        BatchForecaster(method: AutoTheta(), seasonLength: 4, threads: threads), chunkSize: chunk
      ).forecast(panel, horizon: 8, levels: [80, 95])
      #expect(streamed == reference)
    }
    #expect(reference.warnings.count >= 3)
  }

  @Test func emptyPanelAndZeroHorizon() {
    let batch = BatchForecaster(method: Theta(), seasonLength: 1)
    let empty = StreamingForecaster(batch).forecast(
      Panel(frequency: .index), horizon: 4, levels: [80])
    #expect(empty.mean.isEmpty && empty.lower == [[]] && empty.upper == [[]])
    let panel = BatchForecasterTests.panel()
    let none = StreamingForecaster(batch).forecast(panel, horizon: 0, levels: [80, 95])
    #expect(none.mean.isEmpty && none.horizon == 0)
    #expect(none == batch.forecast(panel, horizon: 0, levels: [80, 95]))
  }
}
