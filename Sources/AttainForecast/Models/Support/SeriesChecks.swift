/// Input checks shared by the models: finite values and a minimum length.
enum SeriesChecks {
  /// Throws `.nonFiniteValue` at the first NaN/∞ and `.seriesTooShort` below `minimum`.
  static func validate(_ series: [Double], method: String, minimum: Int) throws {
    if let bad = series.firstIndex(where: { !$0.isFinite }) {
      throw ForecastError.nonFiniteValue(index: bad)
    }
    if series.count < minimum {
      throw ForecastError.seriesTooShort(method: method, needed: minimum, got: series.count)
    }
  }

  /// Whether all values are equal (within 1e-12 relative).
  static func isConstant(_ series: [Double]) -> Bool {
    guard let first = series.first else { return true }
    let tolerance = 1e-12 * max(1, abs(first))
    return series.allSatisfy { abs($0 - first) <= tolerance }
  }

  /// The root mean square of the finite values of `residuals`, dividing by `count − dof`.
  static func rootMeanSquare(_ residuals: [Double], droppingFirst drop: Int = 0, dof: Int = 0)
    -> Double
  {
    var sum = 0.0
    var n = 0
    for r in residuals.dropFirst(drop) where r.isFinite {
      sum += r * r
      n += 1
    }
    let denominator = n - dof
    return denominator > 0 ? (sum / Double(denominator)).squareRoot() : 0
  }
}
