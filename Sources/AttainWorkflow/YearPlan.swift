import AttainData
import AttainForecast
import AttainSimulation

/// A year's plan (see `PlanAnalysis`, which computes it; `AttainReport`'s `PlanReport` renders it): recommended targets at attainment
/// probabilities with the forecasts and simulations behind them, the month and organisation splits
/// of the company target, scenario sensitivities and, when actuals exist, tracking of the target.
public struct YearPlan: Sendable {
  /// One row of the targets table: a series or the company.
  public struct UnitTargets: Sendable, Hashable {
    /// Series id (or the company name).
    public var id: String
    /// Total of the last `horizon` observed periods.
    public var lastYear: Double
    /// Sum of point forecasts over the plan periods.
    public var forecast: Double
    /// Mean of the simulated plan totals.
    public var mean: Double
    /// Target per tier (calibrated (1 − p)-quantiles of the simulated total), in tier order.
    public var targets: [Double]
  }

  /// One plan month with the company's month share and each tier's amount.
  public struct MonthRow: Sendable, Hashable {
    /// Month label (`2017-01`).
    public var label: String
    /// Share of the calendar month in the company history.
    public var share: Double
    /// Amount per tier (whole units; each tier's months sum exactly to its target).
    public var amounts: [Double]
  }

  /// One unit of the organisation split.
  public struct OrganisationRow: Sendable, Hashable {
    /// Unit id.
    public var id: String
    /// Parent unit (nil at the top level).
    public var parent: String?
    /// Depth (0 = top level).
    public var level: Int
    /// Last year's total.
    public var lastYear: Double
    /// Forecast total of the plan periods.
    public var forecast: Double
    /// Assigned target (whole units).
    public var target: Double
    /// Calibrated P(total ≥ target) under the unit's own model (NaN when not simulated).
    public var probability: Double
  }

  /// Tracking of the company target part-way through the plan.
  public struct Tracking: Sendable, Hashable {
    /// Plan periods elapsed.
    public var elapsed: Int
    /// Company actuals of the elapsed periods.
    public var actuals: [Double]
    /// The target's month split (empty when the plan is not monthly).
    public var monthTargets: [Double]
    /// The company target.
    public var target: Double
    /// 90 % band of the cumulative landing for each remaining period.
    public var landing90: IntervalBand
    /// 50 % band of the cumulative landing for each remaining period.
    public var landing50: IntervalBand
    /// Median cumulative landing for each remaining period.
    public var landingMedian: [Double]
    /// P(year total ≥ target | actuals to date) from the simulation (the models' own spread).
    public var probability: Double
    /// Its Monte Carlo standard error.
    public var standardError: Double
    /// The actual total of the whole plan period, when the data have it.
    public var yearActual: Double?
  }

  /// Where the data came from.
  public var source: String
  /// History (the observations before the plan start).
  public var history: Panel
  /// Forecast of each series, panel order.
  public var forecasts: [Forecast]
  /// Model used by each series.
  public var methods: [String]
  /// The company total as one series.
  public var company: Panel
  /// Forecast of the company series.
  public var companyForecast: Forecast
  /// Model used for the company series.
  public var companyMethod: String
  /// The first and the last period of the history (over all series).
  public var historyRange: ClosedRange<PeriodStamp>
  /// The plan periods, in order (`horizon` of them).
  public var planPeriods: [PeriodStamp]
  /// Requested model name.
  public var model: String
  /// Fan chart levels (percent, ascending).
  public var levels: [Double]
  /// Paths per series.
  public var paths: Int
  /// Seed.
  public var seed: UInt64
  /// Market correlation ρ used.
  public var marketCorrelation: Double
  /// Whether ρ was estimated from residuals.
  public var marketCorrelationEstimated: Bool
  /// Total calibration used by the recommendation.
  public var calibration: TotalCalibration
  /// Rolling origins of the calibration.
  public var calibrationWindows: Int
  /// Backtest accuracy per series (one window of the plan horizon at the end of the history).
  public var backtest: [(id: String, accuracy: AccuracySummary)]
  /// Mean over series.
  public var backtestAverage: AccuracySummary
  /// Company tiers (name, probability, target).
  public var tiers: [AttainmentTier]
  /// Index of the tier that is decomposed and tracked.
  public var anchor: Int
  /// Targets of every series.
  public var units: [UnitTargets]
  /// Targets of the company total.
  public var companyTotal: UnitTargets
  /// Simulated company plan totals (before calibration; one per path).
  public var simulatedTotals: [Double]
  /// The month split of every tier.
  public var months: [MonthRow]
  /// Over-assignment of the organisation split.
  public var buffer: Double
  /// The organisation split, parents before children.
  public var organisation: [OrganisationRow]
  /// Calibrated P(company ≥ target) in the baseline scenario.
  public var scenarioBaseline: Double
  /// Tornado bars of P(company ≥ target).
  public var scenarioBars: [TornadoBar]
  /// Tracking, when the data have actuals of the plan.
  public var tracking: Tracking?
  /// Fallback warnings.
  public var warnings: [String]

  /// The anchor tier's company target.
  public var target: Double { tiers[anchor].target }
}
