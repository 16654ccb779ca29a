import Foundation
import Testing

/// One executable step of a Markdown notebook: a ```sh block and the ```output block that
/// immediately follows it (if any).
struct NotebookStep: Sendable, CustomStringConvertible {
  var notebook: String
  var line: Int
  var script: String
  var expected: String?

  var description: String { "\(notebook):\(line)" }
}

/// Notebooks in `notebooks-md/*.md` are executed: every fenced ```sh block runs with bash
/// (`set -eo pipefail`), with the built `attain` first on PATH and the working directory a
/// fresh temporary folder per notebook holding a `datasets` link to the bundled data (blocks of
/// one notebook share it, in order); `$ATTAIN_REPO_ROOT` names the repository for other files.
/// A block running longer than 15 minutes fails. When a ```output block follows the sh block (only blank
/// lines between), stdout must equal it after trimming trailing whitespace on every line and
/// trailing blank lines; otherwise the block only has to exit 0.
enum Notebooks {
  static let directory = CLI.repositoryRoot.appendingPathComponent("notebooks-md")

  /// Every notebook file, sorted.
  static func files() -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".md") }.sorted().map { directory.appendingPathComponent($0) }
  }

  /// Parses the sh/output block pairs of a Markdown text.
  static func steps(of text: String, notebook: String) -> [NotebookStep] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    var steps = [NotebookStep]()
    var i = 0
    func block(from start: Int) -> (body: String, next: Int) {
      var j = start
      var body = [String]()
      while j < lines.count && lines[j].trimmingCharacters(in: .whitespaces) != "```" {
        body.append(lines[j])
        j += 1
      }
      return (body.joined(separator: "\n"), j + 1)
    }
    while i < lines.count {
      let fence = lines[i].trimmingCharacters(in: .whitespaces)
      if fence == "```sh" || fence == "```bash" || fence == "```shell" {
        let (script, next) = block(from: i + 1)
        var step = NotebookStep(notebook: notebook, line: i + 1, script: script, expected: nil)
        var k = next
        while k < lines.count && lines[k].trimmingCharacters(in: .whitespaces).isEmpty { k += 1 }
        if k < lines.count && lines[k].trimmingCharacters(in: .whitespaces) == "```output" {
          let (output, after) = block(from: k + 1)
          step.expected = output
          i = after
        } else {
          i = next
        }
        steps.append(step)
      } else if fence.hasPrefix("```") {
        i = block(from: i + 1).next  // skip other code blocks
      } else {
        i += 1
      }
    }
    return steps
  }

  /// Trailing whitespace removed from every line, and trailing blank lines dropped.
  static func normalized(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      var s = Substring(line)
      while let last = s.last, last.isWhitespace { s = s.dropLast() }
      return String(s)
    }
    while let last = lines.last, last.isEmpty { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}

@Suite(.serialized) struct NotebookTests {
  @Test func parserPairsShellBlocksWithTheirOutput() {
    let text = """
      # Title
      ```sh
      echo hi
      ```

      ```output
      hi
      ```
      ```swift
      let x = 1
      ```
      ```sh
      true
      ```
      text
      ```output
      not attached
      ```
      """
    let steps = Notebooks.steps(of: text, notebook: "n.md")
    #expect(steps.count == 2)
    #expect(steps[0].script == "echo hi")
    #expect(steps[0].expected == "hi")
    #expect(steps[0].line == 2)
    #expect(steps[1].script == "true")
    #expect(steps[1].expected == nil)
    #expect(Notebooks.normalized("a  \nb\t\n\n\n") == "a\nb")
  }

  @Test func runnerStopsAHangingBlock() throws {
    let result = try CLI.run(URL(fileURLWithPath: "/bin/sleep"), ["30"], timeout: 0.3)
    #expect(result.timedOut)
    #expect(result.status == -1)
  }

  @Test func everyNotebookRunsAndPrintsWhatItShows() throws {
    let files = Notebooks.files()
    #expect(!files.isEmpty, "no notebooks in notebooks-md/")
    let binDir = try CLI.binary().deletingLastPathComponent().path
    let datasets = CLI.repositoryRoot.appendingPathComponent("datasets")
    for file in files {
      let name = "notebooks-md/" + file.lastPathComponent
      let text = try String(contentsOf: file, encoding: .utf8)
      let work = try CLI.temporaryDirectory()
      defer { try? FileManager.default.removeItem(at: work) }
      try FileManager.default.createSymbolicLink(
        at: work.appendingPathComponent("datasets"), withDestinationURL: datasets)
      let path = binDir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
      for step in Notebooks.steps(of: text, notebook: name) {
        let result = try CLI.run(
          URL(fileURLWithPath: "/bin/bash"), ["-c", "set -eo pipefail\n" + step.script], in: work,
          environment: [
            "PATH": path, "ATTAIN_DATA": "datasets", "ATTAIN_REPO_ROOT": CLI.repositoryRoot.path, "COLUMNS": "80",
          ])
        #expect(!result.timedOut, "\(step) timed out")
        #expect(result.status == 0, "\(step) exited \(result.status): \(result.stderr)")
        if let expected = step.expected {
          #expect(Notebooks.normalized(result.stdout) == Notebooks.normalized(expected), "\(step) output differs")
        }
      }
    }
  }
}
