import Foundation
import Testing

/// The outcome of running a subprocess.
struct RunResult {
  var status: Int32
  /// Whether the process was stopped after the timeout (status is then -1).
  var timedOut = false
  /// Whether the process was killed by a signal (a crash); `status` is then the signal number.
  var signaled = false
  var stdout: String
  var stderr: String
}

/// Helpers to run the built `attain` binary (and notebook shell blocks) as subprocesses.
enum CLI {
  /// The repository root (this file is `<root>/Tests/AttainCLITests/CLIRunner.swift`).
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The directory holding the built `attain`: `$ATTAIN_BIN_DIR`, else next to the test
  /// bundle (`.build/<config>/`), else `<root>/.build/debug`.
  static let binaryDirectory: URL? = {
    var candidates = [URL]()
    if let dir = ProcessInfo.processInfo.environment["ATTAIN_BIN_DIR"] { candidates.append(URL(fileURLWithPath: dir)) }
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    candidates.append(exe.deletingLastPathComponent())
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    candidates.append(
      URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
    candidates.append(repositoryRoot.appendingPathComponent(".build/debug"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("attain").path) }
  }()

  /// The `attain` executable, or a recorded issue.
  static func binary() throws -> URL {
    let dir = try #require(binaryDirectory, "attain binary not found next to the tests; run `swift build` first")
    return dir.appendingPathComponent("attain")
  }

  /// A fresh temporary directory.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("attain-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `executable arguments` in `directory` with `input` on stdin; output captured via files
  /// (no pipe deadlocks on large outputs). A process still running after `timeout` seconds is
  /// terminated and reported with `timedOut`.
  static func run(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil, input: String? = nil,
    environment: [String: String] = [:], timeout: Double = 900
  ) throws -> RunResult {
    let scratch = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    let inURL = scratch.appendingPathComponent("stdin")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    FileManager.default.createFile(atPath: inURL.path, contents: Data((input ?? "").utf8))
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let inp = try FileHandle(forReadingFrom: inURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inp
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    var timedOut = false
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      kill(process.processIdentifier, SIGKILL)  // the child we started, by its pid
      process.waitUntilExit()
    }
    try out.close()
    try err.close()
    try inp.close()
    return RunResult(
      status: timedOut ? -1 : process.terminationStatus, timedOut: timedOut,
      signaled: !timedOut && process.terminationReason == .uncaughtSignal,
      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
  }

  /// Runs the built `attain` with `arguments`.
  static func attain(_ arguments: [String], in directory: URL? = nil, input: String? = nil) throws -> RunResult {
    try run(try binary(), arguments, in: directory, input: input)
  }
}
