import AttainData
import AttainSimulation

/// The simulation part of `simulate` and `recommend`: paths, seed, market correlation, groups,
/// targets and the total calibration.
public struct SimulationSettings: Sendable {
  /// How the market correlation ρ between series' shocks is chosen.
  public enum Correlation: Sendable, Equatable {
    /// Independent series (ρ unset).
    case none
    /// A given ρ in [0, 1).
    case fixed(Double)
    /// The mean pairwise correlation of the fitted models' residuals (`MarketCorrelation`).
    case estimate
  }

  /// Sample paths per series.
  public var paths: Int
  /// The random seed; the same seed gives the same numbers for any thread count.
  public var seed: UInt64
  /// The market correlation.
  public var correlation: Correlation
  /// The group of each series id (empty: no groups).
  public var groups: [String: String]
  /// Targets by series id or group name (empty: none).
  public var targets: [String: Double]
  /// Rolling origins of the total calibration (0: the models' own spread).
  public var calibrationWindows: Int
  /// Paths per series in each calibration window.
  public var calibrationPaths: Int
  /// Whether the calibration also shifts the location (default: spread only, symmetrised PITs).
  public var calibratesLocation: Bool

  /// Settings with the CLI's defaults: 10,000 paths (Monte Carlo SE of a probability ≤ 0.5
  /// point), one calibration window of 1,000 paths per series, spread-only calibration.
  public init(
    paths: Int = 10_000, seed: UInt64 = 1, correlation: Correlation = .none, groups: [String: String] = [:],
    targets: [String: Double] = [:], calibrationWindows: Int = 1, calibrationPaths: Int = 1000,
    calibratesLocation: Bool = false
  ) {
    self.paths = paths
    self.seed = seed
    self.correlation = correlation
    self.groups = groups
    self.targets = targets
    self.calibrationWindows = calibrationWindows
    self.calibrationPaths = calibrationPaths
    self.calibratesLocation = calibratesLocation
  }
}
