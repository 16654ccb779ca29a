import Foundation

/// "Nice" axis tick values: multiples of 1, 2 or 5 × 10ᵏ that cover a data range.
///
/// Implements the *loose labelling* of P. S. Heckbert, "Nice Numbers for Graph Labels",
/// in A. Glassner (ed.), *Graphics Gems*, Academic Press, 1990, pp. 61–63, 657–659: the range
/// is rounded up to a nice number, the step is the nice number closest to range / (n − 1), and the
/// first and last ticks are the multiples of the step at or outside the data. For the paper's
/// example, 105…543 with 5 ticks gives 100, 200, …, 600.
///
/// Each tick is computed as `i × step` from an integer `i` (no accumulated rounding error).
/// Non-finite bounds are ignored; a degenerate range (min = max) is widened around the value.
public struct NiceTicks: Sendable, Equatable {
  /// Tick values in increasing order (at least two).
  public let values: [Double]
  /// The distance between consecutive ticks (a nice number, > 0).
  public let step: Double
  /// Digits after the decimal point needed to print every tick exactly: max(−⌊log₁₀ step⌋, 0).
  public let fractionDigits: Int

  /// The first tick (≤ the data minimum).
  public var lower: Double { values.first ?? 0 }
  /// The last tick (≥ the data maximum).
  public var upper: Double { values.last ?? 1 }

  /// Nice ticks covering `minimum…maximum` with about `count` ticks (Heckbert's `loose_label`).
  ///
  /// - Parameters:
  ///   - minimum: smallest data value (swapped with `maximum` if larger).
  ///   - maximum: largest data value.
  ///   - count: desired number of ticks (clamped to 2…50); the result has roughly this many.
  /// - Complexity: O(number of ticks).
  public init(minimum: Double, maximum: Double, count: Int = 5) {
    var lo = minimum.isFinite ? minimum : 0
    var hi = maximum.isFinite ? maximum : lo
    if lo > hi { swap(&lo, &hi) }
    // Keep the range representable (no overflow of hi − lo) and away from subnormals.
    lo = Swift.min(Swift.max(lo, -1e306), 1e306)
    hi = Swift.min(Swift.max(hi, -1e306), 1e306)
    if Swift.max(abs(lo), abs(hi)) < 1e-300 { lo = 0; hi = 0 }
    if hi - lo <= Swift.max(abs(lo), abs(hi)) * 1e-12 {
      // Degenerate range: widen around the value (or to −1…1 around zero).
      let pad = lo == 0 ? 1 : abs(lo) * 0.1
      lo -= pad
      hi += pad
    }
    let n = Swift.min(Swift.max(count, 2), 50)
    let range = NiceTicks.niceNumber(hi - lo, round: false)
    let (stepMantissa, stepExponent) = NiceTicks.niceParts(range / Double(n - 1), round: true)
    let step = NiceTicks.compose(stepMantissa, stepExponent)
    let first = (lo / step).rounded(.down)
    let last = (hi / step).rounded(.up)
    // `first`, `last` are integers of moderate size because the step is ≥ range / 50.
    let firstIndex = Int(first)
    let lastIndex = Swift.max(Int(last), firstIndex + 1)
    var ticks: [Double] = []
    ticks.reserveCapacity(lastIndex - firstIndex + 1)
    for i in firstIndex...lastIndex {
      ticks.append(NiceTicks.compose(Double(i) * stepMantissa, stepExponent))
    }
    self.values = ticks
    self.step = step
    self.fractionDigits = Swift.max(-stepExponent, 0)
  }

  /// Heckbert's `nicenum`: a number of the form {1, 2, 5, 10} × 10ᵏ near `x` (> 0).
  ///
  /// With `round == true` the nearest nice number (thresholds 1.5, 3, 7 on the mantissa);
  /// otherwise the smallest nice number ≥ `x`.
  public static func niceNumber(_ x: Double, round: Bool) -> Double {
    let (m, e) = niceParts(x, round: round)
    return compose(m, e)
  }

  /// The nice mantissa (1, 2, 5 or 10) and decimal exponent of `nicenum(x)`.
  static func niceParts(_ x: Double, round: Bool) -> (mantissa: Double, exponent: Int) {
    guard x.isFinite, x > 0 else { return (1, 0) }
    var exponent = Int(log10(x).rounded(.down))
    var fraction = x / pow(10, Double(exponent))
    // Guard log10 rounding at exact powers of ten.
    if fraction >= 10 { exponent += 1; fraction /= 10 }
    if fraction < 1 { exponent -= 1; fraction *= 10 }
    let mantissa: Double
    if round {
      mantissa = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
    } else {
      mantissa = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    }
    if mantissa == 10 { return (1, exponent + 1) }
    return (mantissa, exponent)
  }

  /// `mantissa × 10^exponent`, dividing by an exact power of ten for negative exponents so that
  /// e.g. 3 × 0.1 prints as 0.3 rather than 0.30000000000000004.
  static func compose(_ mantissa: Double, _ exponent: Int) -> Double {
    exponent >= 0 ? mantissa * pow(10, Double(exponent)) : mantissa / pow(10, Double(-exponent))
  }
}
