/// A prediction interval band over consecutive periods: `lower[i]…upper[i]` at `level` percent.
public struct IntervalBand: Sendable, Hashable {
  /// Nominal coverage in percent (e.g. 80, 95), as in statsforecast's `-lo-80` columns.
  public var level: Double
  /// Lower bounds per period.
  public var lower: [Double]
  /// Upper bounds per period.
  public var upper: [Double]

  /// A band at `level` percent with the given bounds (arrays of equal length; extra entries of the
  /// longer one are ignored).
  public init(level: Double, lower: [Double], upper: [Double]) {
    self.level = level
    self.lower = lower
    self.upper = upper
  }
}
