/// One marked tier on an attainment curve, e.g. "Commit" at P = 0.9.
public struct AttainmentTier: Sendable, Hashable {
  /// Tier name shown in the label ("Commit", "Target", "Stretch").
  public var name: String
  /// Probability of attaining the tier's target (0…1).
  public var probability: Double
  /// The target with that attainment probability (in the units of the curve's x axis).
  public var target: Double

  /// A tier named `name` at attainment probability `probability` for `target`.
  public init(name: String, probability: Double, target: Double) {
    self.name = name
    self.probability = probability
    self.target = target
  }
}
