/// A running sum with Neumaier's compensation: the error of each addition is carried in a
/// second term, so the result is as accurate as summing in twice the precision (error bound
/// about 2u·Σ|xᵢ| + O(n u²) instead of (n−1)u·Σ|xᵢ|), independent of the order of the terms.
///
/// - Complexity: O(1) per term, ~4 extra flops.
/// - Reference: A. Neumaier, *Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
///   Summen*, ZAMM 54 (1974) 39–51; N. J. Higham, *Accuracy and Stability of Numerical
///   Algorithms*, 2nd ed., §4.3.
public struct CompensatedSum: Sendable, Equatable {
  /// The naive running sum.
  public private(set) var sum = 0.0
  /// The accumulated rounding error of `sum`.
  public private(set) var compensation = 0.0

  /// A zero sum.
  public init() {}

  /// Adds `x`.
  @inline(__always)
  public mutating func add(_ x: Double) {
    let t = sum + x
    if abs(sum) >= abs(x) {
      compensation += (sum - t) + x
    } else {
      compensation += (x - t) + sum
    }
    sum = t
  }

  /// The compensated total.
  public var value: Double { sum + compensation }

  /// The compensated sum of `values`.
  public static func of(_ values: some Sequence<Double>) -> Double {
    var s = CompensatedSum()
    for x in values { s.add(x) }
    return s.value
  }
}
