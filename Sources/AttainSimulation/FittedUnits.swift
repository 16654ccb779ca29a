import AttainForecast

extension SimulationUnit {
  /// One unit per series of a batch fit, in fit order: the series' fitted model as sampler
  /// (a series no method could fit gets `ZeroPathSampler`, matching the batch's flat zero
  /// forecast), its group from `groups` and its target from `targets` (both by `unique_id`).
  /// - Complexity: O(N).
  public static func units(
    from fit: BatchFit, groups: [String: String] = [:], targets: [String: Double] = [:]
  ) -> [SimulationUnit] {
    zip(fit.ids, fit.models).map { id, model in
      SimulationUnit(
        id: id, sampler: model ?? ZeroPathSampler(), group: groups[id], target: targets[id])
    }
  }
}

/// A sampler whose every path is zero: the stand-in for a series no model could fit.
public struct ZeroPathSampler: PathSampler {
  /// No scratch.
  public var scratchCount: Int { 0 }
  /// A zero sampler.
  public init() {}
  /// Writes zeros. - Complexity: O(h).
  public func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    for t in path.indices { path[t] = 0 }
  }
}
