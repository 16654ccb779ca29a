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

  /// Appends a number at full round-trip precision.
  public mutating func write(_ value: Double) {
    separate()
    bytes.append(contentsOf: value.description.utf8)
  }

  /// Appends an integer.
  public mutating func write(_ value: Int) {
    separate()
    bytes.append(contentsOf: String(value).utf8)
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
