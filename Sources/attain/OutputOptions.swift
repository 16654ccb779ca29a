import ArgumentParser
import Attain

/// The `--output FILE` option shared by every command that writes a result.
///
/// Files are written atomically (temporary file in the same directory, then rename), so a
/// failed command never leaves a partial or stale-looking output behind; no `--output` or `-`
/// writes to stdout.
struct OutputOptions: ParsableArguments {
  @Option(name: [.short, .long], help: ArgumentHelp("Output file (default: stdout).", valueName: "file"))
  var output: String?

  /// Whether the output file asks for JSON (by its `.json` extension); CSV otherwise.
  var wantsJSON: Bool { output?.lowercased().hasSuffix(".json") ?? false }

  /// Writes `bytes` to the output file atomically, or to stdout.
  func write(_ bytes: [UInt8]) throws {
    if let output, output != "-" {
      try FileBytes.writeAtomically(bytes, to: output)
    } else {
      writeStandardOutput(bytes)
    }
  }
}
