import Foundation

/// Human-readable number labels for tables and chart axes, independent of the process locale.
///
/// Negative numbers use the Unicode minus sign U+2212 ("−"), which has the width of a digit and
/// reads better than a hyphen in figures; a value that rounds to zero never prints as "−0".
/// Non-finite values print as an en dash "–" so that "NaN" or "inf" never reach a report.
public enum NumberLabels {
  /// The minus sign used in labels (U+2212).
  public static let minus = "\u{2212}"
  /// The label of a missing or non-finite value (en dash).
  public static let missing = "\u{2013}"

  /// `value` rounded to `fractionDigits` decimals with a comma every three integer digits:
  /// `grouped(1234567) == "1,234,567"`, `grouped(-1234.5, fractionDigits: 2) == "−1,234.50"`.
  ///
  /// - Complexity: O(number of digits).
  public static func grouped(_ value: Double, fractionDigits: Int = 0) -> String {
    guard value.isFinite else { return missing }
    let digits = min(max(fractionDigits, 0), 15)
    let text = String(format: "%.\(digits)f", abs(value))
    let parts = text.split(separator: ".", maxSplits: 1)
    let integer = parts.first.map(String.init) ?? "0"
    var out = groupThousands(integer)
    if parts.count > 1 { out += "." + parts[1] }
    return isZeroText(text) || value > 0 ? out : minus + out
  }

  /// A short label with a magnitude suffix (k, M, B, T) and `significantDigits` significant digits,
  /// trailing zeros removed: `compact(1_234_567) == "1.23M"`, `compact(350_000) == "350k"`,
  /// `compact(999_999) == "1M"`, `compact(12.5) == "12.5"`.
  public static func compact(_ value: Double, significantDigits: Int = 3) -> String {
    guard value.isFinite else { return missing }
    let sig = min(max(significantDigits, 1), 15)
    let magnitude = abs(value)
    if magnitude == 0 { return "0" }
    if magnitude < 1e-4 {
      // Tiny magnitudes (down to subnormals) in scientific notation: "1.23e-07".
      return (value < 0 ? minus : "") + String(format: "%.\(sig)g", magnitude)
    }
    // Round to the significant digits first, so 999,999 becomes 1,000,000 and then "1M".
    let exponent = Int(log10(magnitude).rounded(.down))
    let quantum = pow(10, Double(exponent - sig + 1))
    var rounded = (magnitude / quantum).rounded() * quantum
    if !rounded.isFinite { rounded = magnitude }  // rounding up next to Double.greatestFiniteMagnitude
    if rounded >= 1e15 {
      // Beyond trillions: scientific notation ("1.23e+18").
      return (value < 0 ? minus : "") + String(format: "%.\(sig)g", rounded)
    }
    let (divisor, suffix) = suffixFor(rounded)
    let scaled = rounded / divisor
    let scaledExponent = scaled > 0 ? Int(log10(scaled).rounded(.down)) : 0
    let decimals = max(sig - 1 - scaledExponent, 0)
    let text = trimZeros(String(format: "%.\(min(decimals, 15))f", scaled))
    if text == "0" { return "0" }
    return (value < 0 ? minus : "") + text + suffix
  }

  /// Labels for a set of axis ticks sharing one suffix and one number of decimals, so that a column
  /// of ticks reads consistently.
  ///
  /// The suffix comes from the largest absolute tick (k ≥ 10³, M ≥ 10⁶, B ≥ 10⁹, T ≥ 10¹²) and the
  /// decimals from `step` / divisor: ticks 1.0M…1.4M by 0.2M give "1.0M", "1.2M", "1.4M"; ticks
  /// 0…800,000 by 200,000 give "0", "200k", …, "800k"; zero is always "0".
  ///
  /// - Complexity: O(ticks).
  public static func compactTicks(_ ticks: [Double], step: Double) -> [String] {
    let finite = ticks.filter(\.isFinite)
    let largest = finite.map(abs).max() ?? 0
    if largest >= 1e15 {
      // Beyond trillions: scientific notation with enough digits to tell ticks apart.
      let digits = step > 0 && step.isFinite ? min(max(Int((log10(largest) - log10(step)).rounded(.up)) + 1, 1), 15) : 3
      return ticks.map { $0.isFinite ? ($0 == 0 ? "0" : ($0 < 0 ? minus : "") + String(format: "%.\(digits)g", abs($0))) : missing }
    }
    let (divisor, suffix) = suffixFor(largest)
    let scaledStep = abs(step) / divisor
    var decimals = 0
    if scaledStep > 0, scaledStep.isFinite {
      // Enough decimals to tell ticks apart: steps 0.2 → 1, 0.05 → 2, 0.25 → 2.
      while decimals < 10 {
        let factor = pow(10, Double(decimals))
        let s = scaledStep * factor
        if abs(s - s.rounded()) < 1e-6 * max(1, s) { break }
        decimals += 1
      }
    }
    return ticks.map { tick in
      guard tick.isFinite else { return missing }
      let body = grouped(tick / divisor, fractionDigits: decimals)
      return body == "0" || body.allSatisfy({ $0 == "0" || $0 == "." }) ? "0" : body + suffix
    }
  }

  /// `fraction` (0.9 = 90 %) as a percentage with `fractionDigits` decimals: `percent(0.905) == "90.5%"`
  /// with one digit, `percent(0.9) == "90%"`.
  public static func percent(_ fraction: Double, fractionDigits: Int = 0) -> String {
    guard fraction.isFinite else { return missing }
    return grouped(fraction * 100, fractionDigits: fractionDigits) + "%"
  }

  /// The (divisor, suffix) of the magnitude class of `magnitude`.
  static func suffixFor(_ magnitude: Double) -> (Double, String) {
    let m = abs(magnitude)
    if m >= 1e12 { return (1e12, "T") }
    if m >= 1e9 { return (1e9, "B") }
    if m >= 1e6 { return (1e6, "M") }
    if m >= 1e3 { return (1e3, "k") }
    return (1, "")
  }

  /// Inserts a comma every three digits from the right of a string of digits.
  static func groupThousands(_ digits: String) -> String {
    let chars = Array(digits)
    guard chars.count > 3 else { return digits }
    var out = ""
    out.reserveCapacity(chars.count + chars.count / 3)
    for (i, c) in chars.enumerated() {
      if i > 0 && (chars.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return out
  }

  /// Removes trailing zeros (and a trailing point) after a decimal point.
  static func trimZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var t = Substring(text)
    while t.hasSuffix("0") { t = t.dropLast() }
    if t.hasSuffix(".") { t = t.dropLast() }
    return String(t)
  }

  /// Whether a printed number consists of zeros only ("0", "0.00").
  static func isZeroText(_ text: String) -> Bool {
    text.allSatisfy { $0 == "0" || $0 == "." }
  }
}
