/// Largest-remainder (Hamilton) apportionment: split a whole into parts proportional to
/// weights, each part a whole multiple of a rounding unit, with the parts summing **exactly**
/// to the whole.
///
/// Method (Hamilton 1792; Balinski & Young, *Fair Representation*, 2nd ed. 2001, ch. 2):
/// with `T` whole units and weights `w_i ≥ 0`, `W = Σ w_i`, each part's quota is
/// `q_i = T · w_i / W`; every part first gets `⌊q_i⌋`, then the `R = T − Σ⌊q_i⌋` leftover units
/// go one each to the parts with the largest remainders `q_i − ⌊q_i⌋`.
///
/// Conventions (all deterministic):
/// - Ties between equal remainders go to the **lower index** first.
/// - A negative whole is split as the negation of the split of its absolute value.
/// - All weights zero → an **equal split** (every weight treated as 1); the leftover units of
///   the equal split go to the lowest indices.
/// - A negative, NaN or infinite weight → `PlanningError.invalidWeight`; no weights →
///   `PlanningError.emptyWeights`.
/// - Parts are counted in `Int64` units, so no floating-point drift can break the sum;
///   the whole must be at most 2^53 units.
///
/// Properties: each part is `⌊q_i⌋` or `⌈q_i⌉` (quota property), a part with weight 0 gets 0
/// (unless all weights are 0), and the result does not depend on the weights' scale.
public enum LargestRemainder {
  /// The largest exact integer magnitude handled: 2^53.
  public static let maximumUnits: Int64 = 1 << 53

  /// Splits `total` whole units over `weights`.
  ///
  /// - Returns: parts `p_i` (in units) with `Σ p_i == total` exactly.
  /// - Throws: `PlanningError.emptyWeights`, `.invalidWeight`, `.amountTooLarge`.
  /// - Complexity: O(n log n) for n weights (a sort of the remainders).
  public static func apportion(units total: Int64, weights: [Double]) throws(PlanningError) -> [Int64] {
    var result = [Int64](repeating: 0, count: weights.count)
    var scratch = Scratch()
    try weights.withUnsafeBufferPointer { (w) throws(PlanningError) in
      try result.withUnsafeMutableBufferPointer { (out) throws(PlanningError) in
        try apportion(units: total, weights: w, into: out, scratch: &scratch)
      }
    }
    return result
  }

  /// Splits `amount` over `weights` in whole multiples of `unit` (e.g. 1, 0.01, 1000).
  ///
  /// The amount is first rounded to the nearest multiple of `unit` (half away from zero);
  /// the parts, each `k_i · unit`, sum to that rounded amount: `Σ k_i = round(amount / unit)`
  /// exactly in integers (the `Double` parts then sum to it up to the float representation of
  /// `k_i · unit`; use `apportion(units:weights:)` when exact integers are needed downstream).
  ///
  /// - Throws: `PlanningError.nonFiniteAmount`, `.invalidUnit`, `.amountTooLarge`, and the
  ///   weight errors of `apportion(units:weights:)`.
  /// - Complexity: O(n log n).
  public static func apportion(_ amount: Double, weights: [Double], unit: Double = 1) throws(PlanningError)
    -> [Double]
  {
    let total = try units(of: amount, unit: unit)
    return try apportion(units: total, weights: weights).map { Double($0) * unit }
  }

  /// `round(amount / unit)` as an exact integer count of units, validated.
  ///
  /// - Throws: `.nonFiniteAmount`, `.invalidUnit`, `.amountTooLarge`.
  public static func units(of amount: Double, unit: Double) throws(PlanningError) -> Int64 {
    guard amount.isFinite else { throw .nonFiniteAmount(amount) }
    guard unit.isFinite, unit > 0 else { throw .invalidUnit(unit) }
    let q = (amount / unit).rounded(.toNearestOrAwayFromZero)
    guard q.isFinite, abs(q) <= Double(maximumUnits) else { throw .amountTooLarge(amount: amount, unit: unit) }
    return Int64(q)
  }

  /// Reusable scratch storage for `apportion(units:weights:into:scratch:)`: it grows to the
  /// largest weight count once, so a loop over many splits allocates nothing afterwards.
  public struct Scratch: Sendable {
    @usableFromInline var keys: [(remainder: Double, index: Int)] = []
    /// Empty scratch.
    public init() {}
  }

  /// The allocation-free core: splits `total` units over `weights` into `out`
  /// (`out.count == weights.count`, else `.lengthMismatch`).
  ///
  /// - Complexity: O(n log n) (O(n) when the quotas are whole numbers).
  public static func apportion(
    units total: Int64, weights: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Int64>,
    scratch: inout Scratch
  ) throws(PlanningError) {
    let n = weights.count
    guard n > 0 else { throw .emptyWeights }
    guard out.count == n else { throw .lengthMismatch(name: "output", expected: n, got: out.count) }
    guard total.magnitude <= UInt64(maximumUnits) else {
      throw .amountTooLarge(amount: Double(total), unit: 1)
    }
    var sum = 0.0
    for i in 0..<n {
      let w = weights[i]
      guard w.isFinite, w >= 0 else { throw .invalidWeight(index: i, value: w) }
      sum += w
    }
    guard sum.isFinite else { throw .invalidWeight(index: 0, value: sum) }
    let sign: Int64 = total < 0 ? -1 : 1
    let whole = total.magnitude  // ≤ 2^53
    if sum == 0 {
      // Equal split: q = whole / n, leftovers to the lowest indices.
      let base = Int64(whole / UInt64(n))
      let extra = Int(whole % UInt64(n))
      for i in 0..<n { out[i] = sign * (base + (i < extra ? 1 : 0)) }
      return
    }
    let t = Double(whole)  // exact: whole ≤ 2^53
    let scale = t / sum
    var assigned: Int64 = 0
    scratch.keys.removeAll(keepingCapacity: true)
    for i in 0..<n {
      let q = weights[i] * scale
      let f = q.rounded(.down)
      out[i] = Int64(f)
      assigned += out[i]
      scratch.keys.append((q - f, i))
    }
    var leftover = Int64(whole) - assigned
    if leftover != 0 {
      scratch.keys.withUnsafeMutableBufferPointer { keys in
        // Largest remainder first, ties to the lower index.
        keys.sort { a, b in a.remainder != b.remainder ? a.remainder > b.remainder : a.index < b.index }
        // Normally 0 < leftover < n. Float rounding of the quotas could make it fall just
        // outside; the loops below keep the sum exact in every case.
        var k = 0
        while leftover > 0 {
          let i = keys[k % n].index
          if weights[i] > 0 {
            out[i] += 1
            leftover -= 1
          }
          k += 1
        }
        k = n - 1
        while leftover < 0 {
          let i = keys[(k % n + n) % n].index
          if out[i] > 0 {
            out[i] -= 1
            leftover += 1
          }
          k -= 1
        }
      }
    }
    if sign < 0 { for i in 0..<n { out[i] = -out[i] } }
  }
}
