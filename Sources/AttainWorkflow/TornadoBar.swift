/// One adjustment's effect in a tornado chart: the outcome with the adjustment at its low and at its
/// high setting.
public struct TornadoBar: Sendable, Hashable {
  /// The adjustment, e.g. "Price elasticity".
  public var name: String
  /// Outcome (e.g. P(attain), 0…1) at the low setting.
  public var low: Double
  /// Outcome at the high setting.
  public var high: Double
  /// Optional description of the low setting, e.g. "−5 %".
  public var lowSetting: String?
  /// Optional description of the high setting, e.g. "+5 %".
  public var highSetting: String?

  /// An adjustment named `name` with outcomes `low` and `high`.
  public init(name: String, low: Double, high: Double, lowSetting: String? = nil, highSetting: String? = nil) {
    self.name = name
    self.low = low
    self.high = high
    self.lowSetting = lowSetting
    self.highSetting = highSetting
  }

  /// |high − low|, the width used to sort the bars (0 when either is non-finite).
  public var range: Double {
    low.isFinite && high.isFinite ? abs(high - low) : 0
  }
}
