#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The outcome of parsing a numeric field.
enum NumberParse {
  case value(Double)
  /// Empty (after trimming spaces).
  case empty
  /// `nan`, `inf`, `infinity` (any case, optional sign) or a decimal that overflows to ±∞.
  case nonFinite
  /// Anything else that is not a plain decimal number.
  case invalid
}

/// 10^k for 0 ≤ k ≤ 22, the powers of ten exactly representable as Double (a constant table).
@inline(__always)
func exactPowerOfTen(_ k: Int) -> Double {
  switch k {
  case 0: 1e0
  case 1: 1e1
  case 2: 1e2
  case 3: 1e3
  case 4: 1e4
  case 5: 1e5
  case 6: 1e6
  case 7: 1e7
  case 8: 1e8
  case 9: 1e9
  case 10: 1e10
  case 11: 1e11
  case 12: 1e12
  case 13: 1e13
  case 14: 1e14
  case 15: 1e15
  case 16: 1e16
  case 17: 1e17
  case 18: 1e18
  case 19: 1e19
  case 20: 1e20
  case 21: 1e21
  default: 1e22
  }
}

/// Parses a plain decimal number `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`
/// from `bytes`, ignoring leading and trailing ASCII spaces and tabs.
///
/// Rejects everything else: hexadecimal and locale forms (`1.234,5`, `1 234`), thousands
/// separators, `nan`/`inf`, and empty fields. The result is the correctly rounded Double:
/// Clinger's fast path (exact when the significand has ≤ 19 digits, fits in 2^53 and
/// |exponent| ≤ 22: one exact multiplication or division) and `strtod` otherwise.
///
/// - Complexity: O(length), no allocation for fields up to 127 bytes.
/// - Reference: W. D. Clinger, *How to read floating point numbers accurately*, PLDI 1990.
/// Scans `digits(.digits)?` from `b[i..<end]`, advancing `i` past it: the digits as one integer
/// (wrapping beyond 19 digits, so callers check `digits` before trusting it), the number of
/// digits and how many of them follow the point. The one decimal scanner of the package (the
/// number parser and the series reader's fused fast path both use it).
/// - Complexity: O(digits).
@inline(__always)
func scanDecimalDigits(
  _ b: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int
) -> (mantissa: UInt64, digits: Int, fractionDigits: Int) {
  var mantissa: UInt64 = 0
  let integerStart = i
  while i < end {
    let d = b[i] &- 48
    if d > 9 { break }
    mantissa = mantissa &* 10 &+ UInt64(d)
    i += 1
  }
  var digits = i - integerStart
  var fractionDigits = 0
  if i < end && b[i] == 46 {
    i += 1
    let fractionStart = i
    while i < end {
      let d = b[i] &- 48
      if d > 9 { break }
      mantissa = mantissa &* 10 &+ UInt64(d)
      i += 1
    }
    fractionDigits = i - fractionStart
    digits += fractionDigits
  }
  return (mantissa, digits, fractionDigits)
}

@inline(__always)
func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> NumberParse {
  guard let b = bytes.baseAddress else { return .empty }
  var start = 0
  var end = bytes.count
  while start < end && (b[start] == 32 || b[start] == 9) { start += 1 }
  while end > start && (b[end - 1] == 32 || b[end - 1] == 9) { end -= 1 }
  if start == end { return .empty }
  var i = start
  var negative = false
  if b[i] == 45 || b[i] == 43 {
    negative = b[i] == 45
    i += 1
  }
  // Accumulate every digit: with at most 19 digits the significand fits in UInt64
  // (longer inputs, including many leading zeros, take the strtod path below).
  let (mantissa, digits, fractionDigits) = scanDecimalDigits(b, &i, end)
  var exponent = -fractionDigits
  let exact = digits <= 19
  if digits == 0 { return classifyNonNumber(UnsafeBufferPointer(start: b + start, count: end - start)) }
  if i < end && (b[i] == 101 || b[i] == 69) {
    i += 1
    var expNegative = false
    if i < end && (b[i] == 45 || b[i] == 43) {
      expNegative = b[i] == 45
      i += 1
    }
    var e = 0
    var expDigits = 0
    while i < end {
      let d = b[i] &- 48
      if d > 9 { break }
      if e < 100_000 { e = e * 10 + Int(d) }
      expDigits += 1
      i += 1
    }
    if expDigits == 0 { return .invalid }
    exponent += expNegative ? -e : e
  }
  if i != end { return .invalid }
  if exact && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
    var x = Double(mantissa)
    x = exponent >= 0 ? x * exactPowerOfTen(exponent) : x / exactPowerOfTen(-exponent)
    return .value(negative ? -x : x)
  }
  if exact && mantissa == 0 { return .value(negative ? -0.0 : 0.0) }
  let x = slowParse(UnsafeBufferPointer(start: b + start, count: end - start))
  return x.isFinite ? .value(x) : .nonFinite
}

/// `strtod` on a NUL-terminated copy (the grammar was already checked by the caller).
private func slowParse(_ text: UnsafeBufferPointer<UInt8>) -> Double {
  withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { scratch in
    for k in 0..<text.count { scratch[k] = CChar(bitPattern: text[k]) }
    scratch[text.count] = 0
    return strtod(scratch.baseAddress!, nil)
  }
}

/// `.nonFinite` for the spellings of NaN and infinity, `.invalid` otherwise.
private func classifyNonNumber(_ text: UnsafeBufferPointer<UInt8>) -> NumberParse {
  var s = Substring(String(decoding: text, as: UTF8.self).lowercased())
  if s.hasPrefix("-") || s.hasPrefix("+") { s = s.dropFirst() }
  switch s {
  case "nan", "inf", "infinity": return .nonFinite
  default: return .invalid
  }
}

/// The number of digits after the decimal point in a plain decimal (0 without a point); 99 for a
/// number with an exponent, whose decimal places are not visible in the text.
@inline(__always)
func decimalPlaces(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
  var places = -1
  for c in bytes {
    if c == 101 || c == 69 { return 99 }
    if places >= 0 {
      if c >= 48 && c <= 57 { places += 1 }
    } else if c == 46 {
      places = 0
    }
  }
  return max(places, 0)
}

/// Parses an unsigned decimal integer of at most 18 digits (no sign, no spaces), or nil.
@inline(__always)
func parsePlainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
  if bytes.isEmpty || bytes.count > 18 { return nil }
  var v = 0
  for c in bytes {
    let d = c &- 48
    if d > 9 { return nil }
    v = v * 10 + Int(d)
  }
  return v
}

extension String {
  /// Parses `self` with the CSV number grammar (see `parseDouble`).
  func parsedAsCSVNumber() -> NumberParse {
    var copy = self
    return copy.withUTF8 { parseDouble($0) }
  }
}
