import ArgumentParser

/// `attain bench <task>`: fixed benchmark tasks run through the real engines.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Fixed benchmark tasks run through the real engines.",
    subcommands: [BenchMonteCarlo.self, BenchNormals.self])
}
