import AttainData
import Testing

@testable import AttainForecast

/// Metrics against values computed by hand.
@Suite struct AccuracyMetricsTests {
  let actual = [10.0, 20, 30, 40]
  let forecast = [12.0, 18, 33, 40]

  @Test func pointMetrics() {
    // errors f − y: 2, −2, 3, 0
    #expect(AccuracyMetrics.meanAbsoluteError(actual: actual, forecast: forecast) == 7.0 / 4)
    #expect(
      close(
        AccuracyMetrics.rootMeanSquaredError(actual: actual, forecast: forecast),
        (17.0 / 4).squareRoot(), 1e-15))
    #expect(AccuracyMetrics.bias(actual: actual, forecast: forecast) == 3.0 / 4)
    #expect(
      close(
        AccuracyMetrics.weightedAbsolutePercentageError(actual: actual, forecast: forecast),
        700.0 / 100, 1e-15))
    // sMAPE terms: 200·2/22, 200·2/38, 200·3/63, 0
    let smape = (400.0 / 22 + 400.0 / 38 + 600.0 / 63 + 0) / 4
    #expect(
      close(
        AccuracyMetrics.symmetricMeanAbsolutePercentageError(actual: actual, forecast: forecast),
        smape, 1e-14))
    #expect(
      AccuracyMetrics.symmetricMeanAbsolutePercentageError(actual: [0, 0], forecast: [0, 1]) == 100)
  }

  @Test func maseUsesSeasonalNaiveScale() {
    let training = [1.0, 5, 2, 6, 3, 8]  // lag-2 differences: 1, 1, 1, 2 → scale 5/4
    #expect(AccuracyMetrics.seasonalNaiveScale(training: training, seasonLength: 2) == 1.25)
    #expect(
      AccuracyMetrics.meanAbsoluteScaledError(
        actual: actual, forecast: forecast, training: training, seasonLength: 2)
        == (7.0 / 4) / 1.25)
    #expect(
      AccuracyMetrics.meanAbsoluteScaledError(
        actual: actual, forecast: forecast, training: [3, 3, 3], seasonLength: 1
      )
      .isNaN)
  }

  @Test func intervalMetrics() {
    let lower = [9.0, 21, 25, 40]
    let upper = [11.0, 25, 35, 41]
    #expect(AccuracyMetrics.coverage(actual: actual, lower: lower, upper: upper) == 75)
    // τ = 0.1 losses: y − q = 1, −1, 5, 0 → 0.1, 0.9, 0.5, 0
    #expect(
      close(
        AccuracyMetrics.pinballLoss(actual: actual, quantile: lower, probability: 0.1), 1.5 / 4,
        1e-15))
    // τ = 0.9 for the upper bound: y − q = −1, −5, −5, −1 → 0.1·(1 + 5 + 5 + 1)
    #expect(
      close(
        AccuracyMetrics.pinballLoss(actual: actual, quantile: upper, probability: 0.9), 1.2 / 4,
        1e-15))
    let summary = AccuracySummary(
      actual: actual,
      forecast: Forecast(mean: forecast, levels: [80], lower: [lower], upper: [upper]),
      training: [1, 2, 3], seasonLength: 1)
    #expect(summary.coverage == [75])
    #expect(close(summary.pinball[0], 0.5 * (1.5 / 4 + 1.2 / 4), 1e-15))
    #expect(summary.mase == 7.0 / 4)
  }
}

@Suite struct BacktestTests {
  @Test func originsAndNaiveErrors() throws {
    let y = (1...20).map { Double($0 * $0) }
    let backtest = Backtest(method: Naive(), horizon: 3, windows: 3, seasonLength: 1, levels: [80])
    #expect(backtest.origins(count: 20) == [11, 14, 17])
    let windows = try backtest.run(y)
    #expect(windows.count == 3)
    // Window 2: train on 1…14², naive forecast 196 for 15², 16², 17².
    #expect(windows[1].actual == [225, 256, 289])
    #expect(windows[1].forecast.mean == [196, 196, 196])
    let expectedMAE: Double = (29.0 + 60.0 + 93.0) / 3.0
    #expect(windows[1].accuracy.mae == expectedMAE)
    let custom = Backtest(method: Naive(), horizon: 2, windows: 4, step: 1)
    #expect(custom.origins(count: 10) == [5, 6, 7, 8])
  }

  @Test func panelBacktestIsThreadCountInvariant() {
    var panel = Panel(frequency: .index)
    for i in 0..<37 {
      let values = (0..<(12 + i % 7)).map { Double(100 + $0 * (i % 5) + ($0 * 7 + i) % 11) }
      panel.append(id: "s\(i)", start: .index(1), values: values)
    }
    panel.append(id: "short", start: .index(1), values: [1, 2])
    let backtest = Backtest(method: Theta(), horizon: 4, windows: 2, seasonLength: 1)
    let one = backtest.run(panel, threads: 1)
    let many = backtest.run(panel, threads: 4)
    #expect(one == many)
    #expect(one.series.count == 37)
    #expect(one.failures.map(\.id) == ["short"])
    let smapes = one.series.map(\.accuracy.smape)
    #expect(close(one.accuracy.smape, smapes.reduce(0, +) / Double(smapes.count), 1e-12))
  }
}
