import AttainForecast

/// What to simulate and how to summarise it. Codable for a JSON plan file:
/// ```json
/// { "paths": 10000, "horizon": 12, "seed": 1, "marketCorrelation": 0.25,
///   "quantileLevels": [0.1, 0.5, 0.9], "attainmentProbabilities": [0.9, 0.6, 0.3],
///   "scenarios": [ { "name": "baseline" }, { "name": "price-up", "priceChange": 0.05, "priceElasticity": -1.5 } ] }
/// ```
public struct SimulationPlan: Codable, Hashable, Sendable {
  /// Sample paths P per unit (≥ 1). The Monte Carlo standard error of a probability p is
  /// √(p(1−p)/P): ≤ 0.005 for P = 10 000.
  public var paths: Int
  /// Future periods H per path (≥ 1).
  public var horizon: Int
  /// The seed; unit u draws from the stream (seed, stableHash(u.id)), the market factor of
  /// path p from (seed, p), so results do not depend on threads, order or sharding.
  public var seed: UInt64
  /// The correlation ρ ∈ [0, 1) of the shocks of any two units through a common market
  /// factor (`nil` or 0 = independent units). Estimate it with `MarketCorrelation.estimate`.
  public var marketCorrelation: Double?
  /// Quantile levels reported for every total, in (0, 1).
  public var quantileLevels: [Double]
  /// Attainment probabilities p ∈ (0, 1): the target reached with probability p is reported
  /// for every total (the (1 − p) quantile).
  public var attainmentProbabilities: [Double]
  /// Named scenarios (a plan file may hold several; the engine runs one at a time).
  public var scenarios: [Scenario]?

  /// A plan; by default quantiles 10/50/90 % and targets at probabilities 0.9, 0.6, 0.3.
  public init(
    paths: Int, horizon: Int, seed: UInt64, marketCorrelation: Double? = nil,
    quantileLevels: [Double] = [0.1, 0.5, 0.9],
    attainmentProbabilities: [Double] = [0.9, 0.6, 0.3],
    scenarios: [Scenario]? = nil
  ) {
    self.paths = paths
    self.horizon = horizon
    self.seed = seed
    self.marketCorrelation = marketCorrelation
    self.quantileLevels = quantileLevels
    self.attainmentProbabilities = attainmentProbabilities
    self.scenarios = scenarios
  }

  /// Checks the ranges of every field.
  public func validate() throws(SimulationError) {
    if paths < 1 { throw .invalidPlan(field: "paths", reason: "must be at least 1, got \(paths)") }
    if horizon < 1 {
      throw .invalidPlan(field: "horizon", reason: "must be at least 1, got \(horizon)")
    }
    if let rho = marketCorrelation, !(rho >= 0 && rho < 1) {
      throw .invalidPlan(field: "marketCorrelation", reason: "must be in [0, 1), got \(rho)")
    }
    for q in quantileLevels where !(q >= 0 && q <= 1) {
      throw .invalidPlan(field: "quantileLevels", reason: "must be in [0, 1], got \(q)")
    }
    for p in attainmentProbabilities where !(p > 0 && p < 1) {
      throw .invalidPlan(field: "attainmentProbabilities", reason: "must be in (0, 1), got \(p)")
    }
    for scenario in scenarios ?? [] { try scenario.validate(horizon: horizon) }
  }
}

/// One simulated unit: a fitted model (its `PathSampler`), the id that names its random
/// stream, an optional group and an optional target for its horizon total.
public struct SimulationUnit: Sendable {
  /// The unit's `unique_id` (must be unique: it names the random stream).
  public var id: String
  /// The fitted model that turns shocks into paths.
  public var sampler: any PathSampler
  /// The group whose per-path totals include this unit (`nil` = none).
  public var group: String?
  /// The target for the horizon total (series units), for P(total ≥ target).
  public var target: Double?

  /// A unit.
  public init(id: String, sampler: any PathSampler, group: String? = nil, target: Double? = nil) {
    self.id = id
    self.sampler = sampler
    self.group = group
    self.target = target
  }
}
