/// An exact, order-independent sum of doubles in 128-bit two's-complement fixed point with
/// 2⁻³² resolution (about 2.3·10⁻¹⁰ units; range ±2⁹⁵).
///
/// Each added value is truncated (toward −∞) to a multiple of 2⁻³² once, then integer addition
/// is exactly associative and commutative. So group totals per path come out bit-for-bit the
/// same for any thread count, any order of units and any split of the units into shards that
/// are summed afterwards (`+`). Values must be finite with magnitude below 2⁹⁰ (checked by the
/// engine before adding).
/// - Complexity: O(1) per addition.
public struct ExactSum: Hashable, Sendable, Codable {
  /// The high 64 bits (signed).
  public var high: Int64
  /// The low 64 bits.
  public var low: UInt64

  /// Zero.
  public init() { (high, low) = (0, 0) }

  /// The raw words, e.g. read back from a shard file.
  public init(high: Int64, low: UInt64) { (self.high, self.low) = (high, low) }

  /// The largest magnitude `add` accepts.
  public static let limit = 0x1.0p90

  /// Adds `value` (finite, |value| < 2⁹⁰) after truncating it to a multiple of 2⁻³².
  @inlinable @inline(__always)
  public mutating func add(_ value: Double) {
    let scaled = (value * 0x1.0p32).rounded(.down)  // the scaling is exact; floor to 2⁻³²
    let upper: Int64
    let lowWord: UInt64
    if abs(scaled) < 0x1.0p63 {
      let word = Int64(scaled)
      upper = word < 0 ? -1 : 0  // sign extension
      lowWord = UInt64(bitPattern: word)
    } else {
      // |scaled| ≥ 2⁶³ has an ulp ≥ 2¹¹, so scaled mod 2⁶⁴ has < 53 significant bits and
      // both parts are exact.
      let u = (scaled * 0x1.0p-64).rounded(.down)
      upper = Int64(u)
      lowWord = UInt64(scaled - u * 0x1.0p64)
    }
    let (sum, carry) = low.addingReportingOverflow(lowWord)
    low = sum
    high = high &+ upper &+ (carry ? 1 : 0)
  }

  /// Adds another exact sum (exactly).
  @inlinable
  public mutating func add(_ other: ExactSum) {
    let (sum, carry) = low.addingReportingOverflow(other.low)
    low = sum
    high = high &+ other.high &+ (carry ? 1 : 0)
  }

  /// The exact sum of two exact sums.
  @inlinable
  public static func + (a: ExactSum, b: ExactSum) -> ExactSum {
    var c = a
    c.add(b)
    return c
  }

  /// The sum as a double (relative error ≤ 2 ulp; exact when |sum| < 2²¹).
  public var value: Double {
    // Convert the magnitude so that small negative sums do not cancel against 2⁶⁴.
    let negative = high < 0
    var hi = UInt64(bitPattern: high)
    var lo = low
    if negative {
      // Two's-complement negation of the 128-bit value.
      hi = ~hi
      lo = ~lo
      let (sum, carry) = lo.addingReportingOverflow(1)
      lo = sum
      if carry { hi &+= 1 }
    }
    let magnitude =
      Double(hi) * 0x1.0p32 + (Double(lo >> 32) + Double(lo & 0xFFFF_FFFF) * 0x1.0p-32)
    return negative ? -magnitude : magnitude
  }
}
