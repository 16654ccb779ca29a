/// How a chart prints the values on a numeric axis and in data labels.
public enum ValueFormat: Sendable, Hashable {
  /// Short labels with a magnitude suffix: "350k", "1.2M" (see `NumberLabels.compact`).
  case compact
  /// Full numbers with thousands separators and the given decimals: "1,234,567".
  case grouped(fractionDigits: Int)
  /// Fractions as percentages with the given decimals: 0.9 → "90%".
  case percent(fractionDigits: Int)

  /// Labels for axis ticks with step `step` (consistent suffix and decimals across the axis).
  public func tickLabels(_ ticks: [Double], step: Double) -> [String] {
    switch self {
    case .compact:
      return NumberLabels.compactTicks(ticks, step: step)
    case .grouped(let digits):
      return ticks.map { NumberLabels.grouped($0, fractionDigits: digits) }
    case .percent(let digits):
      // Enough decimals for the step in percent, at least `digits`.
      var decimals = digits
      let s = abs(step) * 100
      while decimals < 6, s > 0, abs(s * pow10(decimals) - (s * pow10(decimals)).rounded()) > 1e-6 { decimals += 1 }
      return ticks.map { NumberLabels.percent($0, fractionDigits: decimals) }
    }
  }

  /// The label of one value.
  public func label(_ value: Double) -> String {
    switch self {
    case .compact: NumberLabels.compact(value)
    case .grouped(let digits): NumberLabels.grouped(value, fractionDigits: digits)
    case .percent(let digits): NumberLabels.percent(value, fractionDigits: digits)
    }
  }

  private func pow10(_ k: Int) -> Double {
    var p = 1.0
    for _ in 0..<k { p *= 10 }
    return p
  }
}
