import AttainData
import AttainForecast
import AttainRandom
import AttainSimulation

/// The plan operations as library calls: each takes a `Panel`, settings and a progress sink,
/// fits every series once per window, and returns typed values that the CLI, the report and any
/// server only render.
public enum PlanWorkflow {}

/// The full-history fit of a panel shared by the steps of one operation.
public struct PanelFit: Sendable {
  /// The forecaster (method calibrated where it is `auto`) that made the fit.
  public var forecaster: BatchForecaster
  /// One fitted model per series, in panel order.
  public var fit: BatchFit
}

/// The outcome of `recommend` (and of the baseline of `simulate`).
public struct RecommendationOutcome: Sendable {
  /// The calibrated simulation: units in panel order, then groups by name.
  public var result: SimulationResult
  /// The total calibration used (identity when disabled).
  public var calibration: TotalCalibration
  /// Series that used a fallback model or none.
  public var warnings: [BatchWarning]
  /// ρ when it was estimated (`SimulationSettings.Correlation.estimate`), else nil.
  public var estimatedCorrelation: Double?
}

/// One simulated scenario of `simulate --scenarios`.
public struct ScenarioRun: Sendable {
  /// `baseline`, a scenario's name, or `<scenario>/<adjustment>` for an adjustment alone.
  public var name: String
  /// The calibrated result (units in panel order, then groups by name).
  public var result: SimulationResult
  /// Whether only the group rows belong in the table (an adjustment alone: the tornado rows).
  public var groupsOnly: Bool
}

/// The outcome of `simulate` with scenarios.
public struct ScenarioOutcome: Sendable {
  /// The targets compared against: the given ones, and each other id's baseline P50.
  public var targets: [String: Double]
  /// The baseline, then every scenario followed by each of its adjustments alone.
  public var runs: [ScenarioRun]
  /// Series that used a fallback model or none.
  public var warnings: [BatchWarning]
}

extension PlanWorkflow {
  /// Fits every series of `panel` once with the model of `model` (auto calibrated on `panel`),
  /// advancing `progress` per chunk of series.
  /// - Complexity: one full-history fit per series (plus one prefix fit per series for the
  ///   interval calibration of `auto`).
  public static func fit(_ panel: Panel, model: ModelSettings, progress: any ProgressSink = NoProgress()) -> PanelFit {
    let forecaster = model.batchForecaster(method: model.calibratedMethod(on: panel))
    return PanelFit(forecaster: forecaster, fit: SeriesChunks.fit(panel, with: forecaster, progress: progress))
  }

  /// The market correlation of `simulation` for `fit`: nil, the given ρ, or the mean pairwise
  /// correlation of the fitted residuals.
  public static func marketCorrelation(
    _ correlation: SimulationSettings.Correlation, fit: BatchFit
  ) throws(SimulationError) -> Double? {
    switch correlation {
    case .none: return nil
    case .fixed(let rho): return rho
    case .estimate: return try MarketCorrelation.estimate(residuals: fit.models.compactMap { $0?.residuals })
    }
  }

  /// The recommendation runner of `simulation` for a plan of `horizon` periods.
  static func recommendation(
    _ simulation: SimulationSettings, horizon: Int, quantiles: [Double], probabilities: [Double], rho: Double?
  ) -> AttainmentRecommendation {
    var plan = SimulationPlan(
      paths: simulation.paths, horizon: horizon, seed: simulation.seed, quantileLevels: quantiles,
      attainmentProbabilities: probabilities)
    plan.marketCorrelation = rho
    return AttainmentRecommendation(
      plan: plan, calibrationWindows: simulation.calibrationWindows, calibrationPaths: simulation.calibrationPaths,
      symmetricCalibration: !simulation.calibratesLocation)
  }

  /// Targets reached with `probabilities` (and P(total ≥ target) for `simulation.targets`) for
  /// every series and group: fit once → ρ → total calibration (rolling origin inside the
  /// history) → simulate → calibrated quantiles.
  /// - Complexity: one full-history fit per series, one prefix fit per series and calibration
  ///   window, N·paths·h for the simulation.
  public static func recommend(
    _ panel: Panel, model: ModelSettings, simulation: SimulationSettings, probabilities: [Double],
    quantiles: [Double] = [], progress: any ProgressSink = NoProgress(), events: WorkflowEvents = WorkflowEvents()
  ) throws(SimulationError) -> RecommendationOutcome {
    let fitted = fit(panel, model: model, progress: progress)
    let rho = try marketCorrelation(simulation.correlation, fit: fitted.fit)
    if simulation.correlation == .estimate, let rho { events.correlationEstimated(rho) }
    let recommendation = recommendation(
      simulation, horizon: model.horizon, quantiles: quantiles, probabilities: probabilities, rho: rho)
    let outcome = try recommendation.run(
      panel: panel, forecaster: fitted.forecaster, groups: simulation.groups, targets: simulation.targets,
      groupTargets: simulation.targets, fitted: fitted.fit)
    events.fitWarnings(outcome.warnings)
    return RecommendationOutcome(
      result: outcome.result, calibration: outcome.calibration, warnings: outcome.warnings,
      estimatedCorrelation: simulation.correlation == .estimate ? rho : nil)
  }

  /// Quantiles 0.1, 0.5, 0.9 of every series' and group's horizon total (calibrated), with
  /// P(total ≥ target) for `simulation.targets`.
  /// - Complexity: as `recommend`.
  public static func simulate(
    _ panel: Panel, model: ModelSettings, simulation: SimulationSettings,
    progress: any ProgressSink = NoProgress(), events: WorkflowEvents = WorkflowEvents()
  ) throws(SimulationError) -> RecommendationOutcome {
    try recommend(
      panel, model: model, simulation: simulation, probabilities: [], quantiles: simulationQuantiles,
      progress: progress, events: events)
  }

  /// The quantile levels `simulate` reports: P10, P50, P90.
  public static let simulationQuantiles = [0.1, 0.5, 0.9]

  /// `simulate` under every scenario of `scenarios` with common random numbers: the baseline,
  /// then each scenario and each of its adjustments alone (group rows only), all from one fit and
  /// one calibration. Without groups every series joins one group "total" (the company total); an
  /// id without a target is compared against its baseline P50.
  /// - Complexity: one full-history fit per series and one calibration, then one simulation per run.
  public static func simulate(
    _ panel: Panel, model: ModelSettings, simulation: SimulationSettings, scenarios: [Scenario],
    progress: any ProgressSink = NoProgress(), events: WorkflowEvents = WorkflowEvents()
  ) throws(SimulationError) -> ScenarioOutcome {
    let fitted = fit(panel, model: model, progress: progress)
    let rho = try marketCorrelation(simulation.correlation, fit: fitted.fit)
    if simulation.correlation == .estimate, let rho { events.correlationEstimated(rho) }
    let recommendation = recommendation(
      simulation, horizon: model.horizon, quantiles: simulationQuantiles, probabilities: [], rho: rho)
    var groups = simulation.groups
    var targets = simulation.targets
    if groups.isEmpty { for id in panel.ids { groups[id] = "total" } }
    let baseline = try recommendation.run(
      panel: panel, forecaster: fitted.forecaster, groups: groups, targets: targets, groupTargets: targets,
      fitted: fitted.fit)
    events.fitWarnings(baseline.warnings)
    for unit in baseline.result.units where targets[unit.id] == nil {
      targets[unit.id] = unit.total.quantiles[1].value
    }
    for group in baseline.result.groups where targets[group.group] == nil {
      targets[group.group] = group.total.quantiles[1].value
    }
    let reference = try recommendation.run(
      panel: panel, forecaster: fitted.forecaster, groups: groups, targets: targets, groupTargets: targets,
      calibration: baseline.calibration, fitted: baseline.fit)
    var runs = [ScenarioRun(name: "baseline", result: reference.result, groupsOnly: false)]
    for scenario in scenarios {
      var variants = [(scenario.name, scenario)]
      variants += scenario.separateAdjustments.map { ("\(scenario.name)/\($0.name)", $0.scenario) }
      for (k, (name, variant)) in variants.enumerated() {
        let outcome = try recommendation.run(
          panel: panel, forecaster: fitted.forecaster, groups: groups, targets: targets, groupTargets: targets,
          scenario: variant, calibration: baseline.calibration, fitted: baseline.fit)
        runs.append(ScenarioRun(name: name, result: outcome.result, groupsOnly: k > 0))
      }
    }
    return ScenarioOutcome(targets: targets, runs: runs, warnings: baseline.warnings)
  }
}
