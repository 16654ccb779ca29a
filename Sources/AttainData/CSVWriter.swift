/// Builds RFC 4180 CSV text in a byte buffer.
///
/// Fields containing a comma, a quote, CR or LF are quoted, with quotes doubled. Numbers are
/// written with Swift's shortest round-trip representation (`Double.description`, e.g. `0.1`,
/// `1e+20`, `5e-324`, `-0.0`), so `read(write(x)) == x` bit for bit for every finite Double
/// (non-finite values are written as `nan`/`inf` and are rejected by the readers). Lines end with
/// LF. - Reference: RFC 4180 (2005); G. L. Steele & J. L. White, *How to print floating-point
/// numbers accurately*, PLDI 1990 (shortest round-trip output).
public struct CSVWriter: Sendable {
  /// The CSV text written so far.
  public private(set) var bytes: [UInt8] = []
  private var atRowStart = true

  /// An empty writer; `reservingCapacity` pre-sizes the buffer in bytes.
  public init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// Appends a text field, quoting it when needed. - Complexity: O(field length).
  public mutating func write(_ field: String) {
    separate()
    var text = field
    text.withUTF8 { appendQuotedIfNeeded($0) }
  }

  /// Appends a number at full round-trip precision: exactly `value.description`, with a fast
  /// path (no String) for integral values below 10^15, written as `940.0`.
  public mutating func write(_ value: Double) {
    separate()
    if value == value.rounded(.towardZero) && abs(value) < 1e15 && !(value == 0 && value.sign == .minus) {
      appendDigits(Int(value))
      bytes.append(46)  // ".0"
      bytes.append(48)
    } else {
      bytes.append(contentsOf: value.description.utf8)
    }
  }

  /// Appends an integer.
  public mutating func write(_ value: Int) {
    separate()
    appendDigits(value)
  }

  /// Appends a calendar date as `YYYY-MM-DD` (years 0…9999; others via `description`).
  public mutating func write(_ date: CalendarDate) {
    separate()
    guard (0...9999).contains(date.year) else {
      bytes.append(contentsOf: date.description.utf8)
      return
    }
    let y = date.year
    bytes.append(48 + UInt8(y / 1000))
    bytes.append(48 + UInt8(y / 100 % 10))
    bytes.append(48 + UInt8(y / 10 % 10))
    bytes.append(48 + UInt8(y % 10))
    bytes.append(45)
    bytes.append(48 + UInt8(date.month / 10))
    bytes.append(48 + UInt8(date.month % 10))
    bytes.append(45)
    bytes.append(48 + UInt8(date.day / 10))
    bytes.append(48 + UInt8(date.day % 10))
  }

  /// Appends a period stamp: the integer index or the `YYYY-MM-DD` date.
  public mutating func write(_ stamp: PeriodStamp) {
    switch stamp {
    case .index(let i): write(i)
    case .date(let d): write(d)
    }
  }

  /// The decimal digits of `value` (with a leading `-`), without allocating.
  private mutating func appendDigits(_ value: Int) {
    if value == Int.min {
      bytes.append(contentsOf: String(value).utf8)
      return
    }
    var v = value
    if v < 0 {
      bytes.append(45)
      v = -v
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, filled from the end
    withUnsafeMutableBytes(of: &digits) { scratch in
      var k = scratch.count
      repeat {
        k -= 1
        scratch[k] = 48 + UInt8(v % 10)
        v /= 10
      } while v > 0
      bytes.append(contentsOf: scratch[k...])
    }
  }

  /// Ends the current row with LF.
  public mutating func endRow() {
    bytes.append(10)
    atRowStart = true
  }

  /// Appends a whole row of text fields and ends it.
  public mutating func writeRow(_ fields: [String]) {
    for field in fields { write(field) }
    endRow()
  }

  /// Appends `field` as already-encoded bytes (quoted when needed); used for repeated ids.
  mutating func write(encoded field: [UInt8]) {
    separate()
    bytes.append(contentsOf: field)
  }

  /// The field text as CSV bytes: quoted with doubled quotes when it contains `,` `"` CR or LF.
  static func encode(_ field: String) -> [UInt8] {
    var writer = CSVWriter()
    writer.write(field)
    return writer.bytes
  }

  @inline(__always)
  private mutating func separate() {
    if !atRowStart { bytes.append(44) }
    atRowStart = false
  }

  private mutating func appendQuotedIfNeeded(_ text: UnsafeBufferPointer<UInt8>) {
    let needsQuotes = text.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
    if !needsQuotes {
      bytes.append(contentsOf: text)
      return
    }
    bytes.append(34)
    for c in text {
      if c == 34 { bytes.append(34) }
      bytes.append(c)
    }
    bytes.append(34)
  }
}
