import ArgumentParser
import Attain

@main
struct AttainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "attain",
    abstract: "Sales targets that are challenging yet achievable: forecast, simulate, recommend, plan.",
    subcommands: [BenchCommand.self])
}
