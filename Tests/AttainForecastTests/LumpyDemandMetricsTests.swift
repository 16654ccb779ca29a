import Testing

@testable import AttainForecast

/// RMSSE and scaled pinball loss (M5 definitions), against hand-computed values.
@Suite struct LumpyDemandMetricsTests {
  // Leading zeros are dropped: active training 3, 1, 4; differences −2, 3.
  static let training: [Double] = [0, 0, 3, 1, 4]

  @Test func scalesByHand() {
    #expect(AccuracyMetrics.meanSquaredNaiveDifference(training: Self.training) == 6.5)  // (4 + 9)/2
    #expect(AccuracyMetrics.meanAbsoluteNaiveDifference(training: Self.training) == 2.5)  // (2 + 3)/2
    #expect(AccuracyMetrics.meanSquaredNaiveDifference(training: [0, 0, 5]).isNaN)
    #expect(AccuracyMetrics.meanAbsoluteNaiveDifference(training: []).isNaN)
  }

  @Test func rmsseByHand() {
    // Errors 1, −1: MSE 1, RMSSE √(1/6.5).
    let value = AccuracyMetrics.rootMeanSquaredScaledError(
      actual: [2, 0], forecast: [1, 1], training: Self.training)
    #expect(close(value, (1 / 6.5).squareRoot(), 1e-15))
    // Scale-free: multiplying everything by 7 changes nothing.
    let scaled = AccuracyMetrics.rootMeanSquaredScaledError(
      actual: [14, 0], forecast: [7, 7], training: Self.training.map { $0 * 7 })
    #expect(close(scaled, value, 1e-14))
    // A constant training series has no scale.
    #expect(
      AccuracyMetrics.rootMeanSquaredScaledError(actual: [1], forecast: [2], training: [3, 3, 3])
        .isNaN)
  }

  @Test func scaledPinballByHand() {
    // 80 % interval: τ = 0.1 on [0, 0], τ = 0.9 on [3, 2]; actuals 2, 0.
    // Lower: 0.1·2 and 0 → 0.1. Upper: 0.1·1 and 0.1·2 → 0.15. Mean 0.125, / 2.5 = 0.05.
    let forecast = Forecast(mean: [1, 1], levels: [80], lower: [[0, 0]], upper: [[3, 2]])
    let value = AccuracyMetrics.scaledPinballLoss(
      actual: [2, 0], forecast: forecast, training: Self.training)
    #expect(close(value, 0.05, 1e-15))
    let upperOnly = AccuracyMetrics.scaledPinballLoss(
      actual: [2, 0], quantile: [3, 2], probability: 0.9, training: Self.training)
    #expect(close(upperOnly, 0.15 / 2.5, 1e-15))
    // Two levels average four quantiles equally: add a 50 % interval [1, 1] (τ = .25, .75):
    // lower 0.25·1 and 0.75·1 → 0.5; upper 0.75·1 and 0.25·1 → 0.5; (0.1 + 0.15 + 0.5 + 0.5)/4.
    let two = Forecast(
      mean: [1, 1], levels: [50, 80], lower: [[1, 1], [0, 0]], upper: [[1, 1], [3, 2]])
    let averaged = AccuracyMetrics.scaledPinballLoss(
      actual: [2, 0], forecast: two, training: Self.training)
    #expect(close(averaged, 1.25 / 4 / 2.5, 1e-15))
    let none = Forecast(mean: [1, 1], levels: [], lower: [], upper: [])
    #expect(
      AccuracyMetrics.scaledPinballLoss(actual: [2, 0], forecast: none, training: Self.training)
        .isNaN)
  }
}
