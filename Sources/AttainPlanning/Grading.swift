/// Attainment grades with configurable bands, e.g. A ≥ 110 %, B ≥ 100 %, C ≥ 90 %, D ≥ 75 %,
/// else E.
public struct GradeBands: Sendable, Hashable {
  /// `(grade, minimum attainment)` pairs with strictly decreasing minima (fractions: 1.1 = 110 %).
  public let bands: [(grade: String, minimum: Double)]
  /// The grade below the last band.
  public let otherwise: String

  /// Bands from the highest minimum down.
  ///
  /// - Throws: `.invalidBands` when the minima are not finite and strictly decreasing.
  public init(_ bands: [(grade: String, minimum: Double)], otherwise: String) throws(PlanningError) {
    for (i, b) in bands.enumerated() {
      guard b.minimum.isFinite else { throw .invalidBands(reason: "minimum of \(b.grade) is not finite") }
      if i > 0 && !(b.minimum < bands[i - 1].minimum) {
        throw .invalidBands(reason: "minima must decrease: \(bands[i - 1].grade) then \(b.grade)")
      }
    }
    self.bands = bands
    self.otherwise = otherwise
  }

  /// A ≥ 110 %, B ≥ 100 %, C ≥ 90 %, D ≥ 75 %, else E.
  public static let standard = GradeBands(
    unchecked: [("A", 1.10), ("B", 1.00), ("C", 0.90), ("D", 0.75)], otherwise: "E")

  init(unchecked bands: [(grade: String, minimum: Double)], otherwise: String) {
    self.bands = bands
    self.otherwise = otherwise
  }

  /// The grade of `attainment` (actual / target): the first band whose minimum it reaches.
  /// NaN gets `otherwise`.
  ///
  /// - Complexity: O(bands).
  public func grade(_ attainment: Double) -> String {
    for b in bands where attainment >= b.minimum { return b.grade }
    return otherwise
  }

  /// Equal when the bands (grades and minima, in order) and `otherwise` are equal.
  public static func == (a: GradeBands, b: GradeBands) -> Bool {
    a.otherwise == b.otherwise && a.bands.count == b.bands.count
      && zip(a.bands, b.bands).allSatisfy { $0.grade == $1.grade && $0.minimum == $1.minimum }
  }

  /// Hashes the bands and `otherwise`.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(otherwise)
    for b in bands {
      hasher.combine(b.grade)
      hasher.combine(b.minimum)
    }
  }
}

/// A score that rewards beating hard targets more than beating easy ones.
///
///     score = attainment · (1 + k · (0.5 − p))
///
/// where `p` is the probability of attaining the target estimated when it was set (from the
/// simulation: a stretch target has p ≈ 0.3, a safe one p ≈ 0.9) and `k ∈ [0, 2)` the strength
/// (k = 0: plain attainment; k = 1: a p = 0 target scores ×1.5, a p = 1 target ×0.5). A target
/// set at even odds (p = 0.5) scores its plain attainment. The multiplier is linear in p so
/// that the average multiplier over units whose p are symmetric around 0.5 is 1.
public struct DifficultyAdjustment: Sendable, Hashable {
  /// Strength k in [0, 2).
  public let strength: Double

  /// An adjustment of strength `k`.
  ///
  /// - Throws: `.invalidParameter` unless `0 ≤ k < 2` (the multiplier stays > 0).
  public init(strength k: Double = 1) throws(PlanningError) {
    guard k >= 0, k < 2 else { throw .invalidParameter(name: "strength", value: k, rule: "must be in [0, 2)") }
    strength = k
  }

  /// `attainment · (1 + k (0.5 − p))`.
  ///
  /// - Throws: `.invalidParameter` unless `p ∈ [0, 1]`.
  public func score(attainment: Double, probability p: Double) throws(PlanningError) -> Double {
    guard p >= 0, p <= 1 else { throw .invalidParameter(name: "probability", value: p, rule: "must be in [0, 1]") }
    return attainment * (1 + strength * (0.5 - p))
  }
}
