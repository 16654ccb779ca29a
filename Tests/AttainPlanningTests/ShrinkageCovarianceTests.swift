import Foundation
import Testing

@testable import AttainPlanning

/// Golden values from `Fixtures/make_shrinkage_fixture.R` (the estimator of R package hts,
/// run with R 4.2). File format: "p n", λ, residuals series-major, W row-major.
private func loadFixture(_ name: String) throws -> (p: Int, n: Int, lambda: Double, residuals: [Double], w: [Double]) {
  let url = try #require(Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures"))
  let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
  try #require(lines.count == 4)
  let dims = lines[0].split(separator: " ").compactMap { Int($0) }
  let numbers = { (k: Int) in lines[k].split(separator: " ").compactMap { Double($0) } }
  return (dims[0], dims[1], try #require(Double(lines[1])), numbers(2), numbers(3))
}

@Suite struct ShrinkageCovarianceTests {
  @Test(arguments: ["shrinkage_correlated", "shrinkage_noisy"])
  func matchesHts(_ name: String) throws {
    let f = try loadFixture(name)
    try #require(f.residuals.count == f.p * f.n && f.w.count == f.p * f.p)
    let est = try ShrinkageCovariance(residuals: f.residuals, series: f.p, observations: f.n)
    #expect(close(est.lambda, f.lambda, rel: 1e-10))
    for (a, b) in zip(est.covariance, f.w) { #expect(close(a, b, rel: 1e-10, abs: 1e-14)) }
  }

  @Test func twoSeriesByHand() throws {
    // e1 = (1, −1, 1, −1), e2 = (1, −1, −1, 1): Σ̂ = I (n = 4), r = 0 → λ = 1 by convention, W = I.
    let est = try ShrinkageCovariance(residuals: [1, -1, 1, -1, 1, -1, -1, 1], series: 2, observations: 4)
    #expect(est.lambda == 1 && est.covariance == [1, 0, 0, 1])
    // e2 = e1: r = 1 exactly and x_t² x_t² = 1 → Var̂(r) = (4 − 16/4)/12 = 0 → λ = 0, W = Σ̂.
    let same = try ShrinkageCovariance(residuals: [1, -1, 1, -1, 1, -1, 1, -1], series: 2, observations: 4)
    #expect(same.lambda == 0 && same.covariance == [1, 1, 1, 1])
    #expect(throws: PlanningError.self) { try ShrinkageCovariance(residuals: [1, 2, 3], series: 2, observations: 2) }
  }
}
