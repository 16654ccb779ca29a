/// One field of a CSV record: a byte range into the input, without the surrounding quotes.
struct CSVField: Sendable {
  /// Offset of the first content byte.
  var start: Int
  /// Offset one past the last content byte.
  var end: Int
  /// Whether the field was quoted.
  var quoted: Bool
  /// Whether the content contains escaped quotes (`""`) that must be unescaped to get the text.
  var hasEscapes: Bool

  var count: Int { end - start }
}

/// The fields of the current record: a growable buffer of `CSVField`s reused for every record,
/// so tokenizing does not allocate (and avoids Array's uniqueness checks in the hot loop).
final class CSVFieldBuffer {
  private var pointer: UnsafeMutablePointer<CSVField>
  private var capacity: Int
  /// Number of fields of the current record.
  private(set) var count = 0

  init() {
    capacity = 16
    pointer = .allocate(capacity: capacity)
  }

  deinit { pointer.deallocate() }

  @inline(__always)
  func removeAll() { count = 0 }

  @inline(__always)
  func append(_ field: CSVField) {
    if count == capacity { grow() }
    (pointer + count).initialize(to: field)  // trivial type: nothing to deinitialize on reuse
    count += 1
  }

  private func grow() {
    let bigger = UnsafeMutablePointer<CSVField>.allocate(capacity: capacity * 2)
    bigger.update(from: pointer, count: count)
    pointer.deallocate()
    pointer = bigger
    capacity *= 2
  }

  /// Field `k` of the current record; `k < count` (checked in debug builds).
  @inline(__always)
  subscript(k: Int) -> CSVField {
    assert(k < count)
    return pointer[k]
  }

  /// The fields of the current record as an array.
  var array: [CSVField] { (0..<count).map { pointer[$0] } }
}

/// A streaming RFC 4180 tokenizer over a byte buffer.
///
/// Records are separated by LF, CRLF or a lone CR; fields by commas; a field that starts with
/// `"` is quoted and may contain commas, line breaks and escaped quotes `""`. A quote inside an
/// unquoted field is taken literally (as most readers do). Blank lines are skipped; a UTF-8
/// byte-order mark at the start is skipped. The fields of the current record are in `fields`
/// (storage reused), so the hot loop does not allocate.
///
/// The caller keeps the buffer alive while the tokenizer is used (it is created inside a
/// `withUnsafeBufferPointer` scope).
///
/// - Complexity: O(bytes), one pass.
/// - Reference: Y. Shafranovich, *RFC 4180: Common Format and MIME Type for CSV Files*, 2005.
struct CSVTokenizer {
  let base: UnsafePointer<UInt8>
  let count: Int
  let file: String
  /// Offset of the next unread byte.
  private(set) var position: Int
  /// Physical line (1-based) of the next unread byte.
  private(set) var line = 1
  /// Physical line on which the last record returned started.
  private(set) var recordLine = 1
  /// The fields of the current record.
  let fields = CSVFieldBuffer()

  init(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
    // An empty buffer may have a nil base address; point at a static byte instead.
    self.base = bytes.baseAddress ?? CSVTokenizer.emptyBase
    self.count = bytes.count
    self.file = file
    let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    self.position = bom ? 3 : 0
  }

  nonisolated(unsafe) private static let emptyBase: UnsafePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    p.initialize(to: 0)
    return UnsafePointer(p)
  }()

  /// Reads the next non-blank record into `fields`; returns false at the end of the input.
  ///
  /// - Throws: `.unterminatedQuote` (located at the line and field where the quote opened) and
  ///   `.unexpectedAfterQuote`.
  mutating func nextRecord() throws(DataError) -> Bool {
    let fields = self.fields
    fields.removeAll()
    let n = count
    let b = base
    var p = position
    // Skip blank lines.
    while p < n {
      let c = b[p]
      if c == 10 {
        line += 1
        p += 1
      } else if c == 13 {
        line += 1
        p += 1
        if p < n && b[p] == 10 { p += 1 }
      } else {
        break
      }
    }
    if p >= n {
      position = p
      return false
    }
    recordLine = line
    var column = 1
    while true {
      if p < n && b[p] == 34 {  // quoted field
        let openLine = line
        p += 1
        let start = p
        var escapes = false
        var end = -1
        while p < n {
          let c = b[p]
          if c == 34 {
            if p + 1 < n && b[p + 1] == 34 {
              escapes = true
              p += 2
              continue
            }
            end = p
            p += 1
            break
          }
          if c == 10 {
            line += 1
          } else if c == 13 && !(p + 1 < n && b[p + 1] == 10) {
            line += 1
          }
          p += 1
        }
        if end < 0 {
          position = n
          throw DataError(file: file, line: openLine, column: column, reason: .unterminatedQuote)
        }
        fields.append(CSVField(start: start, end: end, quoted: true, hasEscapes: escapes))
        if p >= n {
          position = p
          return true
        }
        let c = b[p]
        if c == 44 {
          p += 1
          column += 1
          if p >= n {
            fields.append(CSVField(start: n, end: n, quoted: false, hasEscapes: false))
            position = p
            return true
          }
          continue
        }
        if c == 10 || c == 13 {
          position = endOfLine(p)
          return true
        }
        position = p
        throw DataError(file: file, line: line, column: column, reason: .unexpectedAfterQuote)
      } else {  // unquoted field: scan to the next comma or line break
        let start = p
        p = scanUnquoted(from: p)
        fields.append(CSVField(start: start, end: p, quoted: false, hasEscapes: false))
        if p >= n {
          position = p
          return true
        }
        if b[p] == 44 {
          p += 1
          column += 1
          if p >= n {
            fields.append(CSVField(start: n, end: n, quoted: false, hasEscapes: false))
            position = p
            return true
          }
          continue
        }
        position = endOfLine(p)
        return true
      }
    }
  }

  /// The offset of the first `,`, LF or CR at or after `p` (or `count`).
  ///
  /// Eight bytes at a time (SWAR): for each delimiter d, the bytes of `w ^ d·0x0101…` that are
  /// zero are found with `(x − 0x0101…) & ~x & 0x8080…`, whose lowest set bit is exact
  /// (borrows only create false positives above a true zero byte). - Reference: H. S. Warren,
  /// *Hacker's Delight*, 2nd ed., §6-1.
  @inline(__always)
  func scanUnquoted(from start: Int) -> Int {
    var p = start
    let raw = UnsafeRawPointer(base)
    while p + 8 <= count {
      let w = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      let comma = w ^ (ones &* 44)
      let lf = w ^ (ones &* 10)
      let cr = w ^ (ones &* 13)
      let hits = ((comma &- ones) & ~comma | (lf &- ones) & ~lf | (cr &- ones) & ~cr) & highs
      if hits != 0 { return p + hits.trailingZeroBitCount >> 3 }
      p += 8
    }
    while p < count {
      let c = base[p]
      if c <= 44 && (c == 44 || c == 10 || c == 13) { break }
      p += 1
    }
    return p
  }

  /// Records that a caller consumed one single-line record ending before `next` (used by fast
  /// paths that parse plain records themselves).
  @inline(__always)
  mutating func consumePlainRecord(next: Int) {
    recordLine = line
    line += 1
    position = next
  }

  /// Consumes the line break at `p` (LF, CRLF or CR) and returns the offset after it.
  @inline(__always)
  private mutating func endOfLine(_ p: Int) -> Int {
    line += 1
    if base[p] == 13 && p + 1 < count && base[p + 1] == 10 { return p + 2 }
    return p + 1
  }

  /// The text of `field`, with `""` unescaped. Allocates a String.
  func string(_ field: CSVField) -> String {
    let slice = UnsafeBufferPointer(start: base + field.start, count: field.count)
    if !field.hasEscapes { return String(decoding: slice, as: UTF8.self) }
    var bytes = [UInt8]()
    bytes.reserveCapacity(field.count)
    var i = 0
    while i < slice.count {
      bytes.append(slice[i])
      i += (slice[i] == 34 && i + 1 < slice.count && slice[i + 1] == 34) ? 2 : 1
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The raw bytes of `field` (escapes not removed). No copy.
  @inline(__always)
  func bytes(_ field: CSVField) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: base + field.start, count: field.count)
  }

  /// An error located at the current record and the 1-based field `column`.
  func error(column: Int, _ reason: DataError.Reason) -> DataError {
    DataError(file: file, line: recordLine, column: column, reason: reason)
  }
}

/// Checks the whole buffer for NUL bytes and invalid UTF-8 before tokenizing and throws the
/// first problem located by line and field.
///
/// Fast path: a word-at-a-time scan for bytes ≥ 0x80 and `memchr`-style search for NUL; a full
/// UTF-8 validation runs only when non-ASCII bytes are present.
/// - Complexity: O(bytes).
func validateText(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(DataError) {
  guard let base = bytes.baseAddress, bytes.count > 0 else { return }
  let n = bytes.count
  var firstNul = -1
  var highBit = false
  // Word-at-a-time: a zero byte in w is detected by (w - 0x01..) & ~w & 0x80..
  let raw = UnsafeRawPointer(base)
  var i = 0
  while i + 8 <= n {
    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
    if w & 0x8080_8080_8080_8080 != 0 { highBit = true }
    if (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0 {
      for k in i..<(i + 8) where base[k] == 0 {
        firstNul = k
        break
      }
      if firstNul >= 0 { break }
    }
    i += 8
  }
  if firstNul < 0 {
    while i < n {
      if base[i] == 0 {
        firstNul = i
        break
      }
      if base[i] >= 0x80 { highBit = true }
      i += 1
    }
  }
  var firstInvalid = -1
  if highBit {
    firstInvalid = firstInvalidUTF8(bytes, limit: firstNul < 0 ? n : firstNul)
  }
  let offset: Int
  let reason: DataError.Reason
  if firstInvalid >= 0 {
    offset = firstInvalid
    reason = .invalidUTF8
  } else if firstNul >= 0 {
    offset = firstNul
    reason = .binaryData
  } else {
    return
  }
  let (line, column) = locate(offset: offset, in: bytes)
  throw DataError(file: file, line: line, column: column, reason: reason)
}

/// The offset of the first byte of an invalid UTF-8 sequence before `limit`, or -1.
/// Rejects overlong forms, surrogates and code points above U+10FFFF (Unicode §3.9, Table 3-7).
func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
  var i = 0
  // Skip a byte-order mark.
  if limit >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
  while i < limit {
    let c = bytes[i]
    if c < 0x80 {
      i += 1
      continue
    }
    var need = 0
    var lo: UInt8 = 0x80
    var hi: UInt8 = 0xBF
    switch c {
    case 0xC2...0xDF: need = 1
    case 0xE0:
      need = 2
      lo = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: need = 2
    case 0xED:
      need = 2
      hi = 0x9F
    case 0xF0:
      need = 3
      lo = 0x90
    case 0xF1...0xF3: need = 3
    case 0xF4:
      need = 3
      hi = 0x8F
    default: return i
    }
    if i + need >= limit { return i }
    let second = bytes[i + 1]
    if second < lo || second > hi { return i }
    for k in 2..<(need + 1) where bytes[i + k] & 0xC0 != 0x80 { return i }
    i += need + 1
  }
  return -1
}

/// The (line, field) of byte `offset`, found by tokenizing up to it. Used only to report errors.
func locate(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
  var tokenizer = CSVTokenizer(bytes, file: "")
  let fields = tokenizer.fields
  while true {
    do {
      guard try tokenizer.nextRecord() else { return (tokenizer.line, 1) }
    } catch {
      return (error.line, error.column)
    }
    if tokenizer.position > offset || tokenizer.position >= bytes.count {
      var column = 1
      for (k, field) in fields.array.enumerated() where field.start <= offset {
        column = k + 1
      }
      return (tokenizer.recordLine, column)
    }
  }
}
