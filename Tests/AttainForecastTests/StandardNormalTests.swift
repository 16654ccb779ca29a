import Testing

@testable import AttainForecast

@Suite struct StandardNormalTests {
  // Reference quantiles from R `qnorm` (printed with 17 significant digits).
  @Test(arguments: [
    (0.975, 1.959963984540054), (0.9, 1.2815515655446004), (0.5, 0.0),
    (0.025, -1.959963984540054), (1e-10, -6.3613409024040557), (0.999999, 4.7534243088170891),
    (0.01, -2.3263478740408408), (0.3, -0.52440051270804067),
  ])
  func quantileMatchesR(p: Double, expected: Double) {
    #expect(abs(StandardNormal.quantile(p) - expected) <= 1e-14 * max(1, abs(expected)))
  }

  @Test func quantileInvertsCdf() {
    for k in 1..<1000 {
      let p = Double(k) / 1000
      #expect(abs(StandardNormal.cdf(StandardNormal.quantile(p)) - p) < 1e-15)
    }
  }

  @Test func edgeCases() {
    #expect(StandardNormal.quantile(0) == -.infinity)
    #expect(StandardNormal.quantile(1) == .infinity)
    #expect(StandardNormal.quantile(1.5).isNaN)
    #expect(abs(StandardNormal.centralMultiplier(level: 80) - 1.2815515655446004) < 1e-14)
  }
}
