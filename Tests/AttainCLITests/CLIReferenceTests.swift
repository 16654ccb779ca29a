import Foundation
import Testing

/// The CLI reference (`docs/cli.md`) is generated from the binary's `--help` output, so it never
/// drifts: this test fails when they differ. `make docs` (ATTAIN_UPDATE_DOCS=1) rewrites it.
@Suite struct CLIReferenceTests {
  static let begin = "<!-- BEGIN CLI REFERENCE: generated from --help by `make docs`; do not edit -->"
  static let end = "<!-- END CLI REFERENCE -->"

  /// Runs `attain args --help` at a fixed width.
  static func help(_ args: [String]) throws -> String {
    let result = try CLI.run(try CLI.binary(), args + ["--help"], environment: ["COLUMNS": "100"])
    #expect(result.status == 0, "attain \(args.joined(separator: " ")) --help failed: \(result.stderr)")
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The subcommand names listed under `SUBCOMMANDS:` in a help text.
  static func subcommands(in help: String) -> [String] {
    guard let range = help.range(of: "SUBCOMMANDS:") else { return [] }
    var names: [String] = []
    for line in help[range.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
      if line.trimmingCharacters(in: .whitespaces).isEmpty { break }  // the section ends at a blank line
      guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { continue }
      if name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) { names.append(String(name)) }
    }
    return names
  }

  /// The generated Markdown: one fenced block per command and subcommand.
  static func reference() throws -> String {
    var out = ""
    func section(_ args: [String]) throws {
      let text = try help(args)
      out += "### `attain\(args.isEmpty ? "" : " " + args.joined(separator: " "))`\n\n```text\n\(text)\n```\n\n"
      if args.count < 2 {
        for name in subcommands(in: text) where name != "help" { try section(args + [name]) }
      }
    }
    try section([])
    return out
  }

  @Test func cliReferenceMatchesHelp() throws {
    let url = CLI.repositoryRoot.appendingPathComponent("docs/cli.md")
    let readme = try String(contentsOf: url, encoding: .utf8)
    let generated = try Self.reference()
    let start = try #require(readme.range(of: Self.begin), "docs/cli.md lacks the CLI reference markers")
    let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
    let current = String(readme[start.upperBound..<stop.lowerBound])
    let wanted = "\n\n" + generated
    if ProcessInfo.processInfo.environment["ATTAIN_UPDATE_DOCS"] == "1" {
      let updated = String(readme[..<start.upperBound]) + wanted + String(readme[stop.lowerBound...])
      try updated.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    #expect(current == wanted, "docs/cli.md is stale: run `make docs`")
  }
}
