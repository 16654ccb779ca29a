import ArgumentParser
import Attain

/// Options shared by `simulate` and `recommend`: paths, seed, market correlation, group map,
/// targets and the total calibration.
struct SimulateOptions: ParsableArguments {
  @Option(help: "Sample paths per series (default 10000: Monte Carlo SE of a probability ≤ 0.5 point).")
  var paths = 10_000

  @Option(help: "Random seed (printed on stderr as seed=S); same seed → same output for any --threads.")
  var seed: UInt64 = 1

  @Option(
    help: ArgumentHelp(
      "Market correlation ρ in [0, 1) between series' shocks, or 'estimate' (mean pairwise residual correlation).",
      valueName: "rho"))
  var rho: String?

  @Option(help: ArgumentHelp("CSV unique_id,group: each group's total per path is the sum of its series.", valueName: "file"))
  var groupMap: String?

  @Option(help: ArgumentHelp("CSV unique_id,target (series or group names): report P(total ≥ target).", valueName: "file"))
  var targets: String?

  @Option(help: "Rolling origins in the training data for the total calibration (0 = the models' own spread).")
  var calibrationWindows = 1

  @Flag(help: "Let the total calibration also shift the location (default: spread only, symmetrised PITs).")
  var calibrateLocation = false

  @Option(help: "Paths per series in each calibration window.")
  var calibrationPaths = 1000

  func validate() throws {
    if paths < 1 { throw ValidationError("--paths must be at least 1, got \(paths)") }
    if calibrationWindows < 0 { throw ValidationError("--calibration-windows must be at least 0, got \(calibrationWindows)") }
    if calibrationPaths < 1 { throw ValidationError("--calibration-paths must be at least 1, got \(calibrationPaths)") }
    if let rho, rho != "estimate" {
      guard let value = Double(rho), value >= 0, value < 1 else {
        throw ValidationError("--rho must be a number in [0, 1) or 'estimate', got '\(rho)'")
      }
    }
  }

  /// The workflow settings these options stand for, with `groups` and `targets` already read.
  func settings(groups: [String: String], targets: [String: Double]) -> SimulationSettings {
    let correlation: SimulationSettings.Correlation =
      rho == "estimate" ? .estimate : rho.flatMap(Double.init).map { .fixed($0) } ?? .none
    return SimulationSettings(
      paths: paths, seed: seed, correlation: correlation, groups: groups, targets: targets,
      calibrationWindows: calibrationWindows, calibrationPaths: calibrationPaths, calibratesLocation: calibrateLocation)
  }

  /// Events printing the estimated ρ (`rho=…`) and the fit warnings on stderr as they happen.
  var events: WorkflowEvents {
    WorkflowEvents(
      correlationEstimated: { writeStandardError("rho=\($0)\n") }, fitWarnings: { reportWarnings($0) })
  }

  /// The group of each series, from `--group-map` (ids must be in `panel`).
  func groups(for panel: Panel) throws -> [String: String] {
    guard let groupMap else { return [:] }
    return try GroupMap.read(path: groupMap, knownIDs: Set(panel.ids))
  }

  /// Targets by series id and by group name, from `--targets` (ids must be series or groups),
  /// in file order.
  func targets(for panel: Panel, groups: [String: String]) throws -> [(id: String, target: Double)] {
    guard let targets else { return [] }
    return try TargetList.read(path: targets, knownIDs: Set(panel.ids).union(groups.values))
  }
}

/// Parses a comma-separated list of probabilities, each strictly between 0 and 1.
func parseProbabilities(_ text: String, option: String) throws -> [Double] {
  let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
    String($0.filter { $0 != " " })
  }
  var values: [Double] = []
  for part in parts {
    guard let p = Double(part), p > 0, p < 1 else {
      throw ValidationError("\(option) must be probabilities strictly between 0 and 1 (e.g. 0.9,0.6,0.3), got '\(part)'")
    }
    values.append(p)
  }
  return values
}
