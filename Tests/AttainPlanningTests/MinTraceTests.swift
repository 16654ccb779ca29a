import Foundation
import Testing

@testable import AttainPlanning

/// `Fixtures/mint.txt` from `Fixtures/make_mint_fixture.R` (R 4.2, the MinT formula evaluated
/// literally with `solve`, shrinkage W from hts's `shrink.estim`).
private struct MinTFixture {
  var nodes = 0, observations = 0, horizon = 0
  var lambda = 0.0
  var residuals: [Double] = []
  var base: [Double] = []
  var expected: [String: [Double]] = [:]

  init() throws {
    let url = try #require(Bundle.module.url(forResource: "mint", withExtension: "txt", subdirectory: "Fixtures"))
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    try #require(lines.count == 8)
    let dims = lines[0].split(separator: " ").compactMap { Int($0) }
    (nodes, observations, horizon) = (dims[0], dims[1], dims[2])
    lambda = try #require(Double(lines[1]))
    residuals = lines[2].split(separator: " ").compactMap { Double($0) }
    base = lines[3].split(separator: " ").compactMap { Double($0) }
    for line in lines[4...] {
      let parts = line.split(separator: " ")
      expected[String(parts[0])] = parts.dropFirst().compactMap { Double($0) }
    }
  }
}

@Suite struct MinTraceTests {
  let hierarchy: Hierarchy

  init() throws {
    hierarchy = try Hierarchy(nodes: [("T", nil), ("A", "T"), ("B", "T"), ("AA", "A"), ("AB", "A")])
  }

  @Test func matchesRFormula() throws {
    let f = try MinTFixture()
    try #require(f.residuals.count == f.nodes * f.observations && f.base.count == f.nodes * f.horizon)
    let cases: [(String, MinTCovariance)] = [
      ("shrink", .shrink(residuals: f.residuals, observations: f.observations)),
      ("wls", .varianceScaling(residuals: f.residuals, observations: f.observations)),
      ("ols", .identity), ("structural", .structural),
    ]
    for (name, cov) in cases {
      let (y, lambda) = try Reconciliation.minTrace(f.base, hierarchy: hierarchy, horizon: f.horizon, covariance: cov)
      let expected = try #require(f.expected[name])
      #expect(y.count == expected.count)
      for (a, b) in zip(y, expected) { #expect(close(a, b, rel: 1e-10), "\(name)") }
      if name == "shrink" { #expect(close(try #require(lambda), f.lambda, rel: 1e-10)) }
    }
  }

  @Test func olsByHand() throws {
    // T = A + B with base (10, 3, 5): the incoherence 10 − 8 = 2 is spread equally:
    // T − 2/3, A + 2/3, B + 2/3 → (28/3, 11/3, 17/3).
    let h = try Hierarchy(nodes: [("T", nil), ("A", "T"), ("B", "T")])
    let (y, _) = try Reconciliation.minTrace([10, 3, 5], hierarchy: h, horizon: 1, covariance: .identity)
    #expect(close(y[0], 28.0 / 3) && close(y[1], 11.0 / 3) && close(y[2], 17.0 / 3))
  }

  @Test func coherentForecastsAreKept() throws {
    var rng = seededGenerator(8)
    let residuals = (0..<(5 * 30)).map { _ in rng.nextNormal() }
    let coherent = try Reconciliation.bottomUp(
      [0, 0, 7, 8, 9, 0, 0, 1, 2, 3], hierarchy: hierarchy, horizon: 2)
    let (y, _) = try Reconciliation.minTrace(
      coherent, hierarchy: hierarchy, horizon: 2, covariance: .shrink(residuals: residuals, observations: 30))
    for (a, b) in zip(y, coherent) { #expect(close(a, b, rel: 1e-10, abs: 1e-10)) }
  }

  @Test func degenerateCovarianceThrows() {
    // A node with zero residual variance makes W singular for variance scaling.
    var residuals = [Double](repeating: 1, count: 5 * 4)
    for t in 0..<4 { residuals[t] = 0 }
    #expect(throws: PlanningError.self) {
      try Reconciliation.minTrace(
        [Double](repeating: 1, count: 5), hierarchy: hierarchy, horizon: 1,
        covariance: .varianceScaling(residuals: residuals, observations: 4))
    }
  }
}
