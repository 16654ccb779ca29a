import Testing

@testable import AttainForecast

/// Known minima of standard test functions.
@Suite struct ETSNelderMeadTests {
  @Test func rosenbrockReachesKnownMinimum() {
    let optimizer = NelderMead(maxIterations: 5000, tolerance: 1e-14)
    let result = optimizer.minimize(start: [-1.2, 1.0]) { x in
      let a = 1 - x[0]
      let b = x[1] - x[0] * x[0]
      return a * a + 100 * b * b
    }
    #expect(result.converged)
    #expect(abs(result.point[0] - 1) < 1e-4)
    #expect(abs(result.point[1] - 1) < 1e-4)
    #expect(result.value < 1e-8)
  }

  @Test func quadraticInSixDimensions() {
    let target: [Double] = [1, -2, 3, 0.5, -0.25, 4]
    let result = NelderMead(maxIterations: 10_000, tolerance: 1e-14).minimize(
      start: [Double](repeating: 0, count: 6)
    ) { x in
      var s = 0.0
      for i in 0..<6 { s += Double(i + 1) * (x[i] - target[i]) * (x[i] - target[i]) }
      return s
    }
    for i in 0..<6 { #expect(abs(result.point[i] - target[i]) < 1e-4) }
  }

  @Test func boundsAreRespectedAndActiveBoundIsFound() {
    // Unconstrained minimum at (2, -3); the box [0, 1] × [-1, 1] makes (1, -1) optimal.
    let result = NelderMead(tolerance: 1e-14).minimize(
      start: [0.5, 0.5], lower: [0, -1], upper: [1, 1]
    ) { x in (x[0] - 2) * (x[0] - 2) + (x[1] + 3) * (x[1] + 3) }
    #expect(result.point[0] <= 1 && result.point[0] >= 0)
    #expect(abs(result.point[0] - 1) < 1e-6)
    #expect(abs(result.point[1] + 1) < 1e-6)
  }

  @Test func infiniteRegionIsAvoided() {
    // Penalty outside the unit disc; minimum of (x-2)^2 + y^2 on the disc is (1, 0).
    let result = NelderMead(maxIterations: 5000, tolerance: 1e-12).minimize(start: [0, 0.1]) { x in
      x[0] * x[0] + x[1] * x[1] > 1 ? .infinity : (x[0] - 2) * (x[0] - 2) + x[1] * x[1]
    }
    #expect(abs(result.point[0] - 1) < 1e-3)
    #expect(abs(result.point[1]) < 1e-2)
    #expect(result.value.isFinite)
  }
}
