import AttainForecast
import Testing

/// `regularizedIncompleteBeta` and `StudentT` against R's `pbeta`, `pt` and `qt`
/// (`Fixtures/regression/make_fixtures.R`).
@Suite("Student t and incomplete beta vs R")
struct RegressionDistributionTests {
  @Test func incompleteBetaMatchesPbeta() throws {
    let rows = try RegressionFixtures.csv("pbeta_reference")
    #expect(rows.count == 96)
    for row in rows {
      let x = Double(row["x"]!)!
      let a = Double(row["a"]!)!
      let b = Double(row["b"]!)!
      let want = Double(row["value"]!)!
      let got = regularizedIncompleteBeta(x, a: a, b: b)
      // Relative on whichever tail is smaller (that is where precision matters).
      if want < 0.5 {
        #expect(
          regressionClose(got.lower, want, relative: 1e-11),
          "I_\(x)(\(a), \(b)) = \(got.lower) vs \(want)")
      } else {
        #expect(
          regressionClose(got.upper, 1 - want, relative: 1e-9)
            || abs(got.upper - (1 - want)) < 1e-15,
          "1 − I_\(x)(\(a), \(b)) = \(got.upper) vs \(1 - want)")
      }
    }
  }

  @Test func studentCDFMatchesPt() throws {
    let rows = try RegressionFixtures.csv("pt_reference")
    #expect(rows.count == 70)
    for row in rows {
      let t = Double(row["t"]!)!
      let df = Double(row["df"]!)!
      let distribution = try #require(StudentT(degreesOfFreedom: df))
      let lower = Double(row["cdf"]!)!
      let upper = Double(row["upper"]!)!
      // The log-beta prefactor is a difference of lgamma values of size ~ν/2·log(ν/2), so
      // large ν lose digits (glibc lgamma is accurate to a few ulp); still far beyond what a
      // p-value needs.
      let tolerance = df > 1000 ? 1e-9 : 1e-11
      #expect(regressionClose(distribution.cdf(t), lower, relative: tolerance), "pt(\(t), \(df))")
      #expect(
        regressionClose(distribution.survival(t), upper, relative: tolerance),
        "upper pt(\(t), \(df))")
      #expect(
        regressionClose(distribution.twoSidedPValue(t), 2 * min(lower, upper), relative: tolerance))
    }
  }

  @Test func studentQuantileMatchesQt() throws {
    let rows = try RegressionFixtures.csv("qt_reference")
    for row in rows {
      let p = Double(row["p"]!)!
      let df = Double(row["df"]!)!
      let want = Double(row["quantile"]!)!
      let got = try #require(StudentT(degreesOfFreedom: df)).quantile(p)
      #expect(
        regressionClose(got, want, relative: 1e-11) || abs(got - want) < 1e-14,
        "qt(\(p), \(df)) = \(got) vs \(want)")
    }
  }

  @Test func edgeCases() throws {
    let t = try #require(StudentT(degreesOfFreedom: 7))
    #expect(t.cdf(0) == 0.5)
    #expect(t.cdf(.infinity) == 1 && t.cdf(-.infinity) == 0)
    #expect(t.quantile(0) == -.infinity && t.quantile(1) == .infinity)
    #expect(t.quantile(1.5).isNaN)
    #expect(StudentT(degreesOfFreedom: 0) == nil)
    #expect(StudentT(degreesOfFreedom: -.infinity) == nil)
    // Density integrates the CDF: central difference.
    let h = 1e-5
    #expect(
      regressionClose((t.cdf(1.3 + h) - t.cdf(1.3 - h)) / (2 * h), t.density(1.3), relative: 1e-8))
  }
}
