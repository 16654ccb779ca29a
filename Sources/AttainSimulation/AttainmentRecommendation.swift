import AttainData
import AttainForecast

/// Recommended targets at attainment probabilities for every series (and group) of a panel:
/// fit → calibrate the total's spread on the training data → simulate → read off quantiles.
///
/// For probability p the target of a unit is the calibrated (1 − p)-quantile of its simulated
/// horizon total (see `TotalCalibration`), so it is reached with probability p; a group's total on
/// each path is the sum of its units' totals (correlated through the market factor ρ), and gets
/// the same level mapping (estimated on units — an approximation for groups). With targets,
/// P(total ≥ target) is reported, calibrated, with its Monte Carlo standard error.
public struct AttainmentRecommendation: Sendable {
  /// Paths P, horizon h, seed, ρ (quantile levels and probabilities are set per call).
  public var plan: SimulationPlan
  /// Origins of the total calibration (0 = no calibration: the models' own spread).
  public var calibrationWindows: Int
  /// Paths per series in the calibration windows.
  public var calibrationPaths: Int

  /// Whether the calibration corrects spread only (symmetrised PITs) or also location.
  public var symmetricCalibration: Bool

  /// A recommendation setup.
  public init(
    plan: SimulationPlan, calibrationWindows: Int = 1, calibrationPaths: Int = 1000,
    symmetricCalibration: Bool = true
  ) {
    self.plan = plan
    self.symmetricCalibration = symmetricCalibration
    self.calibrationWindows = calibrationWindows
    self.calibrationPaths = calibrationPaths
  }

  /// The outcome: the calibration used and the calibrated simulation result.
  public struct Outcome: Sendable {
    /// The total calibration estimated on the training data (identity when disabled).
    public var calibration: TotalCalibration
    /// The calibrated result (units in panel order, then groups by name).
    public var result: SimulationResult
    /// Series that used a fallback model or none.
    public var warnings: [BatchWarning]
    /// The fitted models (reuse them for further scenarios).
    public var fit: BatchFit
  }

  /// Fits `panel` with `forecaster`, estimates the calibration on `panel` itself (rolling
  /// origin, `TotalCalibration.estimate`), and simulates the calibrated totals for `scenario`.
  /// A known `calibration` or `fitted` models (of `panel`) skip those steps.
  /// - Throws: `SimulationError` for an invalid plan or a model producing invalid totals.
  public func run(
    panel: Panel, forecaster: BatchForecaster, groups: [String: String] = [:],
    targets: [String: Double] = [:], groupTargets: [String: Double] = [:],
    scenario: Scenario = .baseline, calibration known: TotalCalibration? = nil,
    fitted: BatchFit? = nil
  ) throws(SimulationError) -> Outcome {
    try plan.validate()
    let calibration: TotalCalibration
    if let known {
      calibration = known
    } else if calibrationWindows > 0 {
      calibration = try TotalCalibration.estimate(
        panel: panel, forecaster: forecaster, horizon: plan.horizon, paths: calibrationPaths,
        seed: plan.seed, windows: calibrationWindows, symmetric: symmetricCalibration,
        threads: forecaster.threads)
    } else {
      calibration = .identity
    }
    let fit = fitted ?? forecaster.fit(panel)
    let units = SimulationUnit.units(from: fit, groups: groups, targets: targets)
    let engine = try SimulationEngine(plan: calibration.simulationPlan(plan))
    let raw = try engine.run(
      units: units, scenario: scenario, groupTargets: groupTargets, threads: forecaster.threads)
    return Outcome(
      calibration: calibration, result: calibration.calibrated(raw, plan: plan),
      warnings: fit.warnings, fit: fit)
  }
}
