/// A named what-if applied to simulated paths: yₕ ← yₕ·mₕ + aₕ for each future period h, with
/// the multiplier mₕ the product of the adjustments below and aₕ the one-off amounts.
///
/// Periods are 1-based (1 = the first simulated period). All fields are optional in JSON;
/// an empty scenario leaves the paths unchanged. Example (one entry of a scenario file):
/// ```json
/// { "name": "expansion", "growth": 0.03, "priceChange": 0.05, "priceElasticity": -1.2,
///   "promotions": [{ "periods": [3, 4], "uplift": 0.15 }],
///   "headcountRamp": { "currentHeadcount": 20, "addedHeadcount": 4, "startPeriod": 2, "rampPeriods": 3 },
///   "shocks": [{ "period": 7, "factor": 0.8 }, { "period": 9, "amount": -500 }],
///   "groups": ["West"] }
/// ```
public struct Scenario: Codable, Hashable, Sendable {
  /// The scenario's name (a column or key in outputs).
  public var name: String
  /// Growth g: every period is multiplied by (1 + g) (0.03 = +3 %).
  public var growth: Double?
  /// Relative price change Δp (0.05 = prices up 5 %).
  public var priceChange: Double?
  /// Price elasticity ε of the quantity sold; periods are multiplied by (1 + Δp)^ε.
  /// The series is taken to be quantity; for revenue use ε + 1.
  public var priceElasticity: Double?
  /// Promotions: uplift u multiplies the chosen periods by (1 + u).
  public var promotions: [Promotion]?
  /// New sales capacity ramping up linearly (see `HeadcountRamp`).
  public var headcountRamp: HeadcountRamp?
  /// One-off shocks in single periods.
  public var shocks: [OneOffShock]?
  /// The groups the scenario applies to; `nil` = every unit.
  public var groups: [String]?

  /// A scenario; every adjustment defaults to none.
  public init(
    name: String, growth: Double? = nil, priceChange: Double? = nil, priceElasticity: Double? = nil,
    promotions: [Promotion]? = nil, headcountRamp: HeadcountRamp? = nil,
    shocks: [OneOffShock]? = nil,
    groups: [String]? = nil
  ) {
    self.name = name
    self.growth = growth
    self.priceChange = priceChange
    self.priceElasticity = priceElasticity
    self.promotions = promotions
    self.headcountRamp = headcountRamp
    self.shocks = shocks
    self.groups = groups
  }

  /// The unchanged future.
  public static let baseline = Scenario(name: "baseline")

  /// Temporary uplift in chosen periods.
  public struct Promotion: Codable, Hashable, Sendable {
    /// The 1-based periods the promotion runs in.
    public var periods: [Int]
    /// Relative uplift u (0.2 = +20 %).
    public var uplift: Double
    /// A promotion of `uplift` in `periods`.
    public init(periods: [Int], uplift: Double) {
      self.periods = periods
      self.uplift = uplift
    }
  }

  /// Added sales capacity: `addedHeadcount` new reps join in `startPeriod` and reach the
  /// productivity of the `currentHeadcount` existing reps linearly over `rampPeriods` periods.
  /// Period h is multiplied by 1 + (added/current)·min(1, (h − start + 1)/ramp) for h ≥ start.
  public struct HeadcountRamp: Codable, Hashable, Sendable {
    /// Reps whose productivity the simulated series reflects (> 0).
    public var currentHeadcount: Double
    /// New reps (may be negative for attrition, > −current).
    public var addedHeadcount: Double
    /// The 1-based period the new reps start in.
    public var startPeriod: Int
    /// Periods to full productivity (≥ 1; 1 = productive at once).
    public var rampPeriods: Int
    /// A ramp of `addedHeadcount` reps from `startPeriod` over `rampPeriods`.
    public init(
      currentHeadcount: Double, addedHeadcount: Double, startPeriod: Int, rampPeriods: Int
    ) {
      self.currentHeadcount = currentHeadcount
      self.addedHeadcount = addedHeadcount
      self.startPeriod = startPeriod
      self.rampPeriods = rampPeriods
    }
  }

  /// A one-off change of a single period: y ← y·factor + amount.
  public struct OneOffShock: Codable, Hashable, Sendable {
    /// The 1-based period.
    public var period: Int
    /// Multiplier (default 1).
    public var factor: Double?
    /// Additive amount in series units (default 0).
    public var amount: Double?
    /// A shock in `period`.
    public init(period: Int, factor: Double? = nil, amount: Double? = nil) {
      self.period = period
      self.factor = factor
      self.amount = amount
    }
  }

  /// Checks every field against `horizon`.
  public func validate(horizon: Int) throws(SimulationError) {
    func check(_ ok: Bool, _ field: String, _ reason: String) throws(SimulationError) {
      if !ok { throw .invalidPlan(field: "\(name).\(field)", reason: reason) }
    }
    try check((growth ?? 0) > -1, "growth", "must exceed -1")
    try check((priceChange ?? 0) > -1, "priceChange", "must exceed -1")
    try check((priceElasticity ?? 0).isFinite, "priceElasticity", "must be finite")
    for promotion in promotions ?? [] {
      try check(promotion.uplift > -1, "promotions.uplift", "must exceed -1")
      for h in promotion.periods {
        try check(
          (1...horizon).contains(h), "promotions.periods", "period \(h) outside 1...\(horizon)")
      }
    }
    if let ramp = headcountRamp {
      try check(ramp.currentHeadcount > 0, "headcountRamp.currentHeadcount", "must be positive")
      try check(
        ramp.addedHeadcount > -ramp.currentHeadcount, "headcountRamp.addedHeadcount",
        "must exceed -current")
      try check(ramp.rampPeriods >= 1, "headcountRamp.rampPeriods", "must be at least 1")
      try check(ramp.startPeriod >= 1, "headcountRamp.startPeriod", "must be at least 1")
    }
    for shock in shocks ?? [] {
      try check(
        (1...horizon).contains(shock.period), "shocks.period",
        "period \(shock.period) outside 1...\(horizon)")
      try check(
        (shock.factor ?? 1).isFinite && (shock.amount ?? 0).isFinite, "shocks", "must be finite")
    }
  }

  /// Whether the scenario changes units of `group`.
  public func applies(toGroup group: String?) -> Bool {
    guard let groups else { return true }
    guard let group else { return false }
    return groups.contains(group)
  }

  /// Whether the scenario leaves every path unchanged.
  public var isIdentity: Bool {
    (growth ?? 0) == 0 && (priceChange ?? 0) == 0
      && (promotions ?? []).allSatisfy { $0.uplift == 0 }
      && (headcountRamp.map { $0.addedHeadcount == 0 } ?? true)
      && (shocks ?? []).allSatisfy { ($0.factor ?? 1) == 1 && ($0.amount ?? 0) == 0 }
  }

  /// Writes the per-period multipliers mₕ and amounts aₕ (h = 1 … `multipliers.count`).
  /// - Complexity: O(H + number of adjustments).
  public func adjustments(
    multipliers: UnsafeMutableBufferPointer<Double>, amounts: UnsafeMutableBufferPointer<Double>
  ) {
    let horizon = multipliers.count
    let level = (1 + (growth ?? 0)) * _pow(1 + (priceChange ?? 0), priceElasticity ?? 0)
    for h in 0..<horizon {
      multipliers[h] = level
      amounts[h] = 0
    }
    for promotion in promotions ?? [] {
      for h in promotion.periods where (1...horizon).contains(h) {
        multipliers[h - 1] *= 1 + promotion.uplift
      }
    }
    if let ramp = headcountRamp, ramp.currentHeadcount > 0, ramp.rampPeriods >= 1 {
      let share = ramp.addedHeadcount / ramp.currentHeadcount
      for h in max(1, ramp.startPeriod)...max(horizon, ramp.startPeriod) where h <= horizon {
        let productivity = min(1, Double(h - ramp.startPeriod + 1) / Double(ramp.rampPeriods))
        multipliers[h - 1] *= 1 + share * productivity
      }
    }
    for shock in shocks ?? [] where (1...horizon).contains(shock.period) {
      multipliers[shock.period - 1] *= shock.factor ?? 1
      amounts[shock.period - 1] += shock.amount ?? 0
    }
  }
}

/// A file of named scenarios (`--scenarios FILE.json`): `{ "scenarios": [ {…}, {…} ] }`.
public struct ScenarioFile: Codable, Hashable, Sendable {
  /// The scenarios, in file order.
  public var scenarios: [Scenario]
  /// A file holding `scenarios`.
  public init(scenarios: [Scenario]) { self.scenarios = scenarios }
}
