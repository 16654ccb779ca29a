import Testing

@testable import AttainForecast

@Suite struct ThetaTests {
  static let cases = ["airpassengers", "N0001", "N0700", "N1500", "N2900"]

  @Test(arguments: cases) func thetaMatchesRThetaf(caseName: String) throws {
    let fx = try ModelFixtures.load()
    let y = try #require(fx.series[caseName])
    let m = try #require(ModelFixtures.seasonLengths[caseName])
    let mean = try fx.reference(caseName, "Theta", "mean")
    let fitted = try Theta().fit(y, seasonLength: m)
    let f = fitted.forecast(horizon: mean.count, levels: [80, 95])
    // R fits SES by Nelder–Mead; we find the least-squares optimum exactly, so allow 1e-4.
    for t in mean.indices { #expect(close(f.mean[t], mean[t], 1e-4), "\(caseName) mean \(t)") }
    let seasonal = m > 1 && SeasonalDecomposition.isSeasonal(y, period: m)
    if !seasonal {  // R leaves the standard errors unseasonalised; compare where that does not matter
      for (k, level) in ["80", "95"].enumerated() {
        let lo = try fx.reference(caseName, "Theta", "lo" + level)
        let hi = try fx.reference(caseName, "Theta", "hi" + level)
        for t in mean.indices {
          #expect(close(f.lower[k][t], lo[t], 1e-4), "\(caseName) lo\(level) \(t)")
          #expect(close(f.upper[k][t], hi[t], 1e-4), "\(caseName) hi\(level) \(t)")
        }
      }
    }
  }

  @Test(arguments: cases) func sesLeastSquaresIsAtLeastAsGoodAsR(caseName: String) throws {
    let fx = try ModelFixtures.load()
    let y = try #require(fx.series[caseName])
    let rAlpha = try #require(try fx.reference(caseName, "SES", "alpha").first)
    let ours = ExponentialSmoothingCore.fit(y)
    let theirs = ExponentialSmoothingCore.profile(y, alpha: rAlpha).sse
    #expect(ours.sse <= theirs * (1 + 1e-9))
    #expect(close(ours.alpha, rAlpha, 1e-3))
  }

  /// Hyndman & Billah (2003): Theta = SES with drift b/2, checked on a hand-built series.
  @Test func thetaIsSESWithHalfTheSlope() throws {
    let y: [Double] = [10, 12, 11, 14, 13, 16, 15, 18, 17, 20, 19, 22]
    let fitted = try #require(try Theta().fit(y, seasonLength: 1) as? RenamedForecaster)
    let inner = try #require(fitted.inner as? FittedSESWithDrift)
    let ses = ExponentialSmoothingCore.fit(y)
    // Slope of y on t by hand: Σ(t − t̄)(y − ȳ)/Σ(t − t̄)².
    let tBar = 5.5
    let yBar = y.reduce(0, +) / 12
    var sxy = 0.0
    var sxx = 0.0
    for t in 0..<12 {
      sxy += (Double(t) - tBar) * (y[t] - yBar)
      sxx += (Double(t) - tBar) * (Double(t) - tBar)
    }
    let b = sxy / sxx
    let a = ses.alpha
    for h in 1...5 {
      let expected = ses.lastLevel + b / 2 * (Double(h - 1) + (1 - pow(1 - a, 12)) / a)
      #expect(close(fitted.pointForecast(horizon: 5)[h - 1], expected, 1e-12))
    }
    #expect(close(inner.drift, b / 2, 1e-12))
  }
}
