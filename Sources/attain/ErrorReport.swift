import ArgumentParser
import Attain

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one error format of the command line: a single line on stderr starting with lowercase
/// `error: ` (input errors: `error: FILE:LINE:COLUMN: what is wrong`), exit status 1 for input
/// errors and argument-parser's code (64 for usage errors) otherwise, always within 1…123.
/// `--help` and `--version` still print to stdout and exit 0.
enum ErrorReport {
  static func exit(with error: Error, command: AttainCommand.Type) -> Never {
    let code = command.exitCode(for: error)
    if code == .success { command.exit(withError: error) }  // help/version: argument-parser's output, status 0
    let text: String
    if let dataError = error as? DataError {
      text = dataError.description
    } else {
      let message = command.message(for: error)
      text = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
    }
    // A bare `ExitCode` thrown by a command that already reported its problem has no message.
    // A located error starts with the file name, which keeps its case (`Sales.csv:3:2: …`).
    if !text.isEmpty { writeStandardError("error: \(oneLine(error is DataError ? text : stripPrefix(text)))\n") }
    let status = error is DataError ? 1 : code.rawValue
    terminate((1...123).contains(status) ? status : 1)
  }

  /// Drops an `Error: ` prefix and lowercases a leading capital followed by a lowercase letter,
  /// unless the first word is a path or location (`Sales.csv:3:2: …`, `Data/x.csv: …`).
  static func stripPrefix(_ text: String) -> String {
    var s = Substring(text)
    for prefix in ["Error: ", "error: "] where s.hasPrefix(prefix) { s = s.dropFirst(prefix.count) }
    let firstWord = s.prefix { $0 != " " }
    if firstWord.contains(where: { $0 == ":" || $0 == "/" || $0 == "." }) { return String(s) }
    if let first = s.first, first.isUppercase, s.dropFirst().first?.isLowercase ?? false {
      return first.lowercased() + s.dropFirst()
    }
    return String(s)
  }

  /// Replaces line breaks so the message stays on one line.
  static func oneLine(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\r\n", "\n": result += "\\n"
      case "\r": result += "\\r"
      default: result.append(character)
      }
    }
    return result
  }
}

/// Writes `text` to standard error (unbuffered).
func writeStandardError(_ text: String) {
  writeAll(Array(text.utf8), to: 2)
}

/// Writes `bytes` to standard output (unbuffered).
func writeStandardOutput(_ bytes: [UInt8]) {
  writeAll(bytes, to: 1)
}

/// Writes all of `bytes` to file descriptor `fd`, retrying short writes.
private func writeAll(_ bytes: [UInt8], to fd: Int32) {
  bytes.withUnsafeBytes { buffer in
    var done = 0
    while done < buffer.count {
      let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      done += n
    }
  }
}

/// Prints each warning on stderr as `warning: …`.
func reportWarnings(_ warnings: [String]) {
  for warning in warnings { writeStandardError("warning: \(ErrorReport.oneLine(warning))\n") }
}

@inline(__always)
private func terminate(_ status: Int32) -> Never {
  exit(status)
}
