import Testing

@testable import AttainLinearAlgebra

@Suite struct PositiveDefiniteSolveTests {
  /// A = [[4, 2], [2, 3]], b = A·[1, −2] = [0, −4] → x = [1, −2] (exact in binary).
  @Test func solvesKnownSystem() throws {
    let a = try Matrix(rows: [[4, 2], [2, 3]])
    let x = try a.solvePositiveDefinite(try Matrix(rows: [[0], [-4]]))
    #expect(abs(x.storage[0] - 1) < 1e-14)
    #expect(abs(x.storage[1] + 2) < 1e-14)
  }

  @Test func rejectsIndefiniteMatrix() throws {
    let a = try Matrix(rows: [[1, 2], [2, 1]])
    #expect(throws: LinearAlgebraError.self) { try a.solvePositiveDefinite(try Matrix(rows: [[1], [1]])) }
  }
}
