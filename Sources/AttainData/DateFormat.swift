/// A day-month-year date pattern for transaction dates, e.g. `M/D/YYYY`, `YYYY-MM-DD`,
/// `D/M/YYYY`, `DD.MM.YYYY`.
///
/// Tokens: `YYYY` (exactly four digits), `M`/`MM` (month, one or two digits), `D`/`DD` (day, one
/// or two digits); any other non-letter character is a literal separator. `M` and `MM` both
/// accept `7` and `07`. A time of day after the date (separated by a space or `T`) is ignored, as
/// in `11/8/2016 14:03`. Each of Y, M and D must appear exactly once.
public struct DateFormat: Sendable, Equatable, CustomStringConvertible {
  enum Component: Sendable, Equatable {
    case year, month, day
    case literal(UInt8)
  }

  let components: [Component]
  /// The pattern as written.
  public let description: String

  /// Parses a pattern; nil when it is not a day-month-year pattern as described above.
  public init?(_ pattern: String) {
    var components = [Component]()
    let chars = Array(pattern.utf8)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      var run = 1
      while i + run < chars.count && chars[i + run] == c { run += 1 }
      switch c {
      case UInt8(ascii: "Y"), UInt8(ascii: "y"):
        guard run == 4 else { return nil }
        components.append(.year)
      case UInt8(ascii: "M"), UInt8(ascii: "m"):
        guard run <= 2 else { return nil }
        components.append(.month)
      case UInt8(ascii: "D"), UInt8(ascii: "d"):
        guard run <= 2 else { return nil }
        components.append(.day)
      default:
        let isLetter = (c | 0x20) >= 97 && (c | 0x20) <= 122
        guard !isLetter, c < 0x80, run == 1 else { return nil }
        components.append(.literal(c))
      }
      i += run
    }
    guard components.filter({ $0 == .year }).count == 1, components.filter({ $0 == .month }).count == 1,
      components.filter({ $0 == .day }).count == 1
    else { return nil }
    self.components = components
    self.description = pattern
  }

  /// The ISO pattern `YYYY-MM-DD`.
  public static let iso = DateFormat("YYYY-MM-DD")!

  /// The outcome of matching text against the pattern.
  enum Match {
    case date(CalendarDate)
    case mismatch
    case impossible
  }

  /// Matches `bytes` against the pattern. - Complexity: O(length), no allocation.
  func match(_ b: UnsafeBufferPointer<UInt8>) -> Match {
    var i = 0
    let n = b.count
    var year = 0
    var month = 0
    var day = 0
    for component in components {
      switch component {
      case .literal(let c):
        guard i < n, b[i] == c else { return .mismatch }
        i += 1
      case .year, .month, .day:
        let maxDigits = component == .year ? 4 : 2
        let minDigits = component == .year ? 4 : 1
        var value = 0
        var digits = 0
        while i < n && digits < maxDigits, b[i] &- 48 <= 9 {
          value = value * 10 + Int(b[i] &- 48)
          digits += 1
          i += 1
        }
        guard digits >= minDigits else { return .mismatch }
        switch component {
        case .year: year = value
        case .month: month = value
        default: day = value
        }
      }
    }
    guard i == n || b[i] == 32 || b[i] == 84 else { return .mismatch }
    guard let date = CalendarDate(year: year, month: month, day: day) else { return .impossible }
    return .date(date)
  }

  /// The date in `text`, or nil when it does not match or names no real day.
  public func date(from text: String) -> CalendarDate? {
    var copy = text
    return copy.withUTF8 { if case .date(let d) = match($0) { d } else { nil } }
  }
}
