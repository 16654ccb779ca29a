/// One organisational unit receiving a share of a target (a region, a product line, a channel,
/// a sales rep) with the indicators its share is blended from.
///
/// All indicators are in the same currency/quantity as the target except `marketShare`
/// (a fraction) — each indicator enters only through its *share* across the sibling units
/// (value / column total), so scales do not matter.
public struct PlanningUnit: Sendable, Hashable {
  /// Unique name of the unit.
  public var id: String
  /// Last year's actual (history): the base of the history share and of the growth bounds.
  public var lastYear: Double?
  /// Forecast for the plan period.
  public var forecast: Double?
  /// Market potential (addressable demand) of the unit's territory.
  public var potential: Double?
  /// Capacity (e.g. sales hours or headcount-equivalent × productivity).
  public var capacity: Double?
  /// Market share or any other non-negative indicator the planner wants to blend in.
  public var marketShare: Double?
  /// Fraction of a full unit, in [0, 1]: a rep hired mid-year or still ramping at 0.5 carries half
  /// the weight of a comparable full rep. Default 1.
  public var ramp: Double
  /// A new unit without history: its blended share is replaced by the *mean* blended share of the
  /// established siblings (a typical full unit), then multiplied by `ramp`; it has no growth bounds.
  public var isNew: Bool
  /// Growth bounds for this unit only (e.g. a strategic account held to 0…+10 %); nil = the
  /// splitter's bounds.
  public var growth: GrowthBounds?

  /// A unit with the given indicators (all optional).
  public init(
    id: String, lastYear: Double? = nil, forecast: Double? = nil, potential: Double? = nil, capacity: Double? = nil,
    marketShare: Double? = nil, ramp: Double = 1, isNew: Bool = false, growth: GrowthBounds? = nil
  ) {
    self.id = id
    self.lastYear = lastYear
    self.forecast = forecast
    self.potential = potential
    self.capacity = capacity
    self.marketShare = marketShare
    self.ramp = ramp
    self.isNew = isNew
    self.growth = growth
  }
}

/// How much each indicator counts in a unit's share: `share_i = Σ_k β_k · x_ik / Σ_j x_jk`,
/// divided by `Σ_k β_k` (columns with β_k = 0 are not read and may be missing).
public struct BlendWeights: Sendable, Hashable {
  /// Weight β of the last-year (history) share.
  public var history: Double
  /// Weight β of the forecast share.
  public var forecast: Double
  /// Weight β of the market-potential share.
  public var potential: Double
  /// Weight β of the capacity share.
  public var capacity: Double
  /// Weight β of the market-share column.
  public var marketShare: Double

  /// Blend weights (any non-negative scale; at least one must be > 0).
  public init(
    history: Double = 0, forecast: Double = 0, potential: Double = 0, capacity: Double = 0, marketShare: Double = 0
  ) {
    self.history = history
    self.forecast = forecast
    self.potential = potential
    self.capacity = capacity
    self.marketShare = marketShare
  }

  /// Half history, half forecast: a common default.
  public static let historyAndForecast = BlendWeights(history: 0.5, forecast: 0.5)
}

/// Bounds on each unit's target growth versus last year: `lastYear·(1+minimum) ≤ target ≤
/// lastYear·(1+maximum)`, e.g. `minimum = −0.05`, `maximum = 0.30`. Applied to established units
/// with `lastYear > 0`.
public struct GrowthBounds: Sendable, Hashable {
  /// Lowest allowed growth (fraction, ≥ −1), e.g. −0.05.
  public var minimum: Double
  /// Highest allowed growth (fraction, ≥ minimum; may be `.infinity`), e.g. 0.30.
  public var maximum: Double

  /// Bounds `minimum … maximum` on growth versus last year (fractions).
  public init(minimum: Double = -.infinity, maximum: Double = .infinity) {
    self.minimum = minimum
    self.maximum = maximum
  }
}
