#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whole-file byte input and atomic file output over POSIX calls (no Foundation).
public enum FileBytes {
  /// The display name used in error messages for standard input (path `-`).
  public static let standardInputName = "<stdin>"

  /// The name to show in messages for `path` (`<stdin>` for `-`).
  public static func displayName(_ path: String) -> String {
    path == "-" ? standardInputName : path
  }

  /// Reads all bytes of `path`, or of standard input when `path` is `-`.
  ///
  /// - Complexity: O(file size); one allocation when the size is known (regular files).
  /// - Throws: `DataError` with `.cannotRead` (line 0).
  public static func read(path: String) throws(DataError) -> [UInt8] {
    let name = displayName(path)
    let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
    if fd < 0 { throw DataError(file: name, line: 0, column: 0, reason: .cannotRead(lastErrorText())) }
    defer { if fd != 0 { close(fd) } }
    var info = stat()
    var known = 0
    if fstat(fd, &info) == 0 {
      if (info.st_mode & S_IFMT) == S_IFDIR {
        throw DataError(file: name, line: 0, column: 0, reason: .cannotRead("is a directory"))
      }
      if (info.st_mode & S_IFMT) == S_IFREG { known = Int(info.st_size) }
    }
    var failure: Int32 = 0
    // Regular files: read straight into the array's storage, sized from fstat.
    var bytes = [UInt8](unsafeUninitializedCapacity: known) { buffer, initialized in
      initialized = 0
      while initialized < known {
        let got = posixRead(fd, buffer.baseAddress! + initialized, known - initialized)
        if got < 0 && errno == EINTR { continue }
        if got < 0 { failure = errno }
        if got <= 0 { break }
        initialized += got
      }
    }
    // Pipes (and files that grew): read the rest through a chunk until end of file.
    if failure == 0 {
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let got = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
        if got < 0 && errno == EINTR { continue }
        if got < 0 { failure = errno }
        if got <= 0 { break }
        bytes.append(contentsOf: chunk[0..<got])
      }
    }
    if failure != 0 {
      throw DataError(file: name, line: 0, column: 0, reason: .cannotRead(String(cString: strerror(failure))))
    }
    return bytes
  }

  /// Writes `bytes` to `path` atomically: into a temporary file in the same directory, which is
  /// then renamed over `path`. Readers see the old file or the complete new one, never a part,
  /// and a failed write leaves no file behind.
  ///
  /// - Throws: `DataError` with `.cannotWrite` (line 0); the temporary file is removed.
  public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(DataError) {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let fail = { (why: String) in DataError(file: path, line: 0, column: 0, reason: .cannotWrite(why)) }
    if base.isEmpty { throw fail("not a file name") }
    var template = Array("\(directory.isEmpty ? "/" : directory)/.\(base).XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    if fd < 0 { throw fail(lastErrorText()) }
    let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    // Ctrl-C (or SIGTERM/SIGHUP) while the temporary file exists removes it before dying.
    let guardToken = InterruptCleanup.arm(template)
    defer { InterruptCleanup.disarm(guardToken) }
    var written = 0
    var failure: String? = nil
    bytes.withUnsafeBytes { buffer in
      while written < buffer.count {
        let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          failure = lastErrorText()
          return
        }
        written += n
      }
    }
    // mkstemp creates mode 0600; give the output the usual 0644 less the umask.
    let mask = umask(0)
    umask(mask)
    if failure == nil, fchmod(fd, 0o644 & ~mask) != 0 { failure = lastErrorText() }
    if close(fd) != 0, failure == nil { failure = lastErrorText() }
    if failure == nil, rename(temporary, path) != 0 { failure = lastErrorText() }
    if let failure {
      unlink(temporary)
      throw fail(failure)
    }
  }

  static func lastErrorText() -> String { String(cString: strerror(errno)) }
}

extension FileBytes {
  /// Creates directory `path` and its missing parents (like `mkdir -p`); existing ones are fine.
  ///
  /// - Throws: `DataError` with `.cannotWrite` (line 0).
  public static func createDirectory(_ path: String) throws(DataError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw DataError(file: path, line: 0, column: 0, reason: .cannotWrite(lastErrorText()))
      }
      prefix += "/"
    }
    var info = stat()
    if stat(path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
      throw DataError(file: path, line: 0, column: 0, reason: .cannotWrite("not a directory"))
    }
  }
}

/// `read(2)` (named apart from `FileBytes.read`).
@inline(__always)
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}

/// Removes the temporary file of `writeAtomically` when SIGINT, SIGTERM or SIGHUP arrives while it
/// exists, then dies of the same signal (default action), so an interrupted command leaves
/// neither a partial output nor a stray `.NAME.XXXXXX` file. The path lives in a fixed C buffer
/// written before the handler is installed; the handler only calls async-signal-safe functions
/// (`unlink`, `signal`, `raise`).
private enum InterruptCleanup {
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  /// 4 KiB for the NUL-terminated temporary path (longer paths are simply not guarded).
  nonisolated(unsafe) static let path: UnsafeMutablePointer<CChar> = {
    let p = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)
    p[0] = 0
    return p
  }()

  /// Records `template` (NUL-terminated) and installs the handler; returns whether it did.
  static func arm(_ template: [CChar]) -> Bool {
    guard template.count <= 4096 else { return false }
    let buffer = path
    for (k, c) in template.enumerated() { buffer[k] = c }
    for s in signals {
      signal(s) { received in
        if InterruptCleanup.path[0] != 0 { unlink(InterruptCleanup.path) }
        signal(received, SIG_DFL)
        raise(received)
      }
    }
    return true
  }

  /// Restores the default actions and forgets the path.
  static func disarm(_ armed: Bool) {
    guard armed else { return }
    for s in signals { signal(s, SIG_DFL) }
    path[0] = 0
  }
}
