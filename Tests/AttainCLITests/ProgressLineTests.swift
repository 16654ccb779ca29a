import Foundation
import Testing

/// The progress line of the long commands: nothing on a non-terminal stderr (files, pipes, logs), a
/// redrawn line (`\r` … `ESC[K`) on a terminal, and nothing with `--quiet` even on a terminal. The
/// terminal is a pseudo-terminal from util-linux `script` (part of every Debian base system).
@Suite struct ProgressLineTests {
  static let m3 = CLI.repositoryRoot.appendingPathComponent("datasets/m3/m3-train.csv").path

  /// The long commands with arguments that make them quick (theta, few paths).
  static let commands: [[String]] = [
    ["forecast", m3, "--model", "theta", "--horizon", "6"],
    ["backtest", m3, "--model", "naive", "--horizon", "6"],
    ["simulate", m3, "--model", "naive", "--horizon", "6", "--paths", "20", "--calibration-windows", "0"],
    ["recommend", m3, "--model", "naive", "--horizon", "6", "--paths", "20", "--calibration-windows", "0"],
  ]

  @Test(arguments: commands)
  func silentWhenStderrIsNotATerminal(_ arguments: [String]) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try CLI.attain(arguments + ["--output", "out.csv"], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("\r"))
    #expect(!result.stderr.contains("series  "), "progress text on a non-terminal stderr: \(result.stderr)")
  }

  @Test func trackIsSilentWhenStderrIsNotATerminal() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var csv = "unique_id,ds,y\n"
    for t in 0..<30 { csv += "a,\(2022 + t / 12)-\(t % 12 < 9 ? "0" : "")\(t % 12 + 1)-01,\(100 + t % 12 * 5)\n" }
    try csv.write(to: dir.appendingPathComponent("sales.csv"), atomically: true, encoding: .utf8)
    try "unique_id,target\na,1500\n".write(to: dir.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
    let result = try CLI.attain(
      ["track", "sales.csv", "--targets", "targets.csv", "--as-of", "2024-06-30", "--paths", "50", "--output", "out.csv"],
      in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("\r") && !result.stderr.contains("series  "), "\(result.stderr)")
  }

  static var hasScript: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/script") }

  /// Runs `attain arguments` under a pseudo-terminal and returns what the terminal received.
  static func onTerminal(_ arguments: [String], in dir: URL) throws -> (status: Int32, text: String) {
    let binary = try CLI.binary().path
    let command = ([binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let log = dir.appendingPathComponent("typescript").path
    let result = try CLI.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, log], in: dir)
    let text = (try? String(contentsOf: URL(fileURLWithPath: log), encoding: .utf8)) ?? ""
    return (result.status, text)
  }

  @Test(.enabled(if: ProgressLineTests.hasScript), arguments: [(1, "backtest"), (2, "fit"), (3, "fit")])
  func otherCommandsDrawTheirLineOnATerminal(_ index: Int, _ label: String) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let shown = try Self.onTerminal(Self.commands[index] + ["--output", "a.csv"], in: dir)
    #expect(shown.status == 0)
    #expect(shown.text.contains("\r\(label)  3,003/3,003 series  100%"), "\(shown.text.suffix(400))")
  }

  @Test(.enabled(if: ProgressLineTests.hasScript))
  func redrawnLineOnATerminalAndQuietSilencesIt() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let shown = try Self.onTerminal(Self.commands[0] + ["--output", "a.csv"], in: dir)
    #expect(shown.status == 0)
    #expect(shown.text.contains("\rforecast  3,003/3,003 series  100%"), "no final progress line: \(shown.text.suffix(400))")
    #expect(shown.text.contains("\u{1B}[K"))
    let quiet = try Self.onTerminal(Self.commands[0] + ["--output", "b.csv", "--quiet"], in: dir)
    #expect(quiet.status == 0)
    #expect(!quiet.text.contains("forecast  "), "progress despite --quiet: \(quiet.text.suffix(400))")
    // The progress path and the quiet path write the same forecasts.
    let a = try Data(contentsOf: dir.appendingPathComponent("a.csv"))
    let b = try Data(contentsOf: dir.appendingPathComponent("b.csv"))
    #expect(a == b)
  }
}

/// The commands fit in chunks of series (for the progress line); every series is independent, so the
/// output for a panel equals the outputs for its halves, concatenated.
@Suite struct ChunkedFitTests {
  @Test(arguments: [
    ["forecast", "--model", "theta", "--horizon", "6"],
    ["backtest", "--model", "naive", "--horizon", "6"],
  ])
  func wholeEqualsHalves(_ arguments: [String]) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = try String(contentsOfFile: ProgressLineTests.m3, encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline)  // the M3 file has CRLF line ends
    let header = lines.removeFirst()
    // Split after the series that holds the middle row (rows of a series are contiguous).
    var cut = lines.count / 2
    let id = lines[cut].split(separator: ",").first
    while cut < lines.count && lines[cut].split(separator: ",").first == id { cut += 1 }
    try ([header] + lines[..<cut]).joined(separator: "\n").appending("\n").write(
      to: dir.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
    try ([header] + lines[cut...]).joined(separator: "\n").appending("\n").write(
      to: dir.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
    let whole = try CLI.attain([arguments[0], ProgressLineTests.m3] + arguments.dropFirst() + ["--output", "w.csv"], in: dir)
    let first = try CLI.attain([arguments[0], "a.csv"] + arguments.dropFirst() + ["--output", "x.csv"], in: dir)
    let second = try CLI.attain([arguments[0], "b.csv"] + arguments.dropFirst() + ["--output", "y.csv"], in: dir)
    #expect(whole.status == 0 && first.status == 0 && second.status == 0)
    let w = try String(contentsOf: dir.appendingPathComponent("w.csv"), encoding: .utf8)
    let x = try String(contentsOf: dir.appendingPathComponent("x.csv"), encoding: .utf8)
    let y = try String(contentsOf: dir.appendingPathComponent("y.csv"), encoding: .utf8)
    let joined = x + y.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().joined()
    #expect(w.count > 100_000)
    #expect(w == joined)
  }
}
