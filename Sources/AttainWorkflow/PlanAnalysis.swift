import AttainData
import AttainForecast
import AttainPlanning
import AttainSimulation

/// The whole target-setting job for one plan year of monthly series, end to end, as the data of a
/// `YearPlan`: forecast every series, simulate the year, recommend commit / target / stretch
/// targets for every series and the company total, split the company target over the months and
/// down the organisation (with a buffer), measure scenario sensitivities and, when the data hold
/// actuals of the plan year, track the target part-way through it.
///
/// The steps and the library types doing the work:
/// 1. The history is every observation before `planStart`; later observations (if any) are the
///    plan year's actuals and are used only by the tracking step.
/// 2. `ModelCatalog` method (default `auto`, with `AutoForecast` interval calibration estimated on
///    the history) in a `BatchForecaster`; one rolling-origin `Backtest` window of `horizon` periods
///    measures each series' accuracy on the history.
/// 3. `AttainmentRecommendation`: total calibration by rolling origin, then `paths` simulated years
///    with a market factor ρ (estimated from the fitted residuals by `MarketCorrelation` unless
///    given); the company total is the group of all series (exact per-path sums).
/// 4. `TimeSplitter` with month shares of the company history (`SeasonalProfile.monthShares`);
///    `OrganisationSplitter.decompose` over parent → series (blend of last year and forecast,
///    over-assignment `buffer` at the top level), then each assigned target's attainment
///    probability from the same fitted models and calibration.
/// 5. One-at-a-time scenarios (common random numbers) for the tornado of P(company ≥ target).
/// 6. Tracking after `trackingPeriods` periods of the plan year: the company series' model refitted
///    on history + actuals to date, remaining periods simulated (`SimulationEngine`, one run per
///    remaining period for the cumulative landing band), as `attain track` does on a company series.
///
/// Every random number comes from `seed`: the same inputs and seed give the same report for any
/// thread count.
/// - Complexity: dominated by the fits (series × model cost × (3 + windows)) and the simulations
///   (series × paths × horizon × (2 + scenarios + remaining periods)).
public struct PlanAnalysis: Sendable {
  /// Model name for `ModelCatalog.method(named:)` (default `auto`).
  public var model: String
  /// Periods planned (12 = a year of months).
  public var horizon: Int
  /// Season length of the series (12 for months).
  public var seasonLength: Int
  /// Prediction-interval levels of the fan charts, in percent (also the levels the `auto` interval
  /// calibration is estimated for, as in `attain forecast`, whose default is 80 and 95).
  public var levels: [Double]
  /// Simulated paths per series.
  public var paths: Int
  /// Seed of every simulation.
  public var seed: UInt64
  /// Tier names and attainment probabilities, e.g. Commit 0.9, Target 0.6, Stretch 0.3. The tier
  /// whose name is `anchorTier` is the company target that is decomposed and tracked.
  public var tiers: [(name: String, probability: Double)]
  /// Name of the tier decomposed and tracked.
  public var anchorTier: String
  /// Over-assignment of the organisation split (0.05 = the units' targets sum to 105 %).
  public var buffer: Double
  /// Market correlation ρ; nil estimates it from the fitted models' residuals (0 with fewer than two
  /// series that have residuals).
  public var marketCorrelation: Double?
  /// Rolling origins of the total calibration.
  public var calibrationWindows: Int
  /// Plan periods elapsed at the tracking date (0 = no tracking).
  public var trackingPeriods: Int
  /// Worker threads (nil = all cores).
  public var threads: Int?
  /// Name of the company total.
  public var companyName: String

  /// A plan with the defaults used by `attain demo`.
  public init(
    model: String = "auto", horizon: Int = 12, seasonLength: Int = 12, levels: [Double] = [80, 95],
    paths: Int = 10_000, seed: UInt64 = 1,
    tiers: [(name: String, probability: Double)] = [("Commit", 0.9), ("Target", 0.6), ("Stretch", 0.3)],
    anchorTier: String = "Target", buffer: Double = 0.05, marketCorrelation: Double? = nil,
    calibrationWindows: Int = 1, trackingPeriods: Int = 6, threads: Int? = nil, companyName: String = "Company"
  ) {
    self.model = model
    self.horizon = horizon
    self.seasonLength = seasonLength
    self.levels = levels
    self.paths = paths
    self.seed = seed
    self.tiers = tiers
    self.anchorTier = anchorTier
    self.buffer = buffer
    self.marketCorrelation = marketCorrelation
    self.calibrationWindows = calibrationWindows
    self.trackingPeriods = trackingPeriods
    self.threads = threads
    self.companyName = companyName
  }

  /// Runs the plan for the `horizon` periods starting at `planStart` over the series of `panel`.
  /// - Parameters:
  ///   - panel: the series (history, optionally followed by actuals of the plan periods).
  ///   - planStart: the first plan period (must lie after the first observation of every series).
  ///   - parent: the organisation parent of a series id (e.g. its region), nil (or the id itself) for a
  ///     top-level unit.
  ///   - source: where the data came from (shown in the report).
  ///   - progress: called after each step with the step's name (for a progress display).
  /// - Throws: `PlanAnalysisError` for unusable input; `SimulationError`, `PlanningError` from the steps.
  public func run(
    panel: Panel, planStart: PeriodStamp, parent: (String) -> String?, source: String,
    progress: (String) -> Void = { _ in }
  ) throws -> YearPlan {
    guard horizon >= 1, paths >= 1 else { throw PlanAnalysisError.invalidSetting("horizon and paths must be ≥ 1") }
    guard let anchor = tiers.firstIndex(where: { $0.name == anchorTier }) else {
      throw PlanAnalysisError.invalidSetting("no tier named \(anchorTier)")
    }
    guard let base = ModelCatalog.method(named: model) else { throw PlanAnalysisError.invalidSetting("unknown model \(model)") }
    let frequency = panel.frequency
    let (history, actuals) = try PlanAnalysis.split(panel, at: planStart)
    let method: any ForecastingMethod
    if let auto = base as? AutoForecast {
      method = auto.calibrated(
        on: history, seasonLength: seasonLength, horizon: horizon, levels: levels, threads: threads)
    } else {
      method = base
    }
    let forecaster = BatchForecaster(method: method, seasonLength: seasonLength, threads: threads)
    let fit = forecaster.fit(history)
    let forecast = fit.forecast(horizon: horizon, levels: levels, threads: threads)
    progress("fit")

    // The company total as one series (aligned by period), forecast with the same method.
    let company = PlanAnalysis.total(history, id: companyName)
    let companyForecast = forecaster.forecast(company, horizon: horizon, levels: levels)
    let backtest = Backtest(
      method: method, horizon: horizon, windows: 1, seasonLength: seasonLength, levels: [80, 95]
    ).run(history, threads: threads)
    progress("backtest")

    // Recommended targets for every series and the company.
    let rho: Double
    if let given = marketCorrelation {
      rho = given
    } else {
      // `estimate` throws only `.insufficientResiduals` (fewer than two series with residuals):
      // nothing to correlate, ρ = 0.
      rho = (try? MarketCorrelation.estimate(residuals: fit.models.compactMap { $0?.residuals })) ?? 0
    }
    let probabilities = tiers.map(\.probability)
    let plan = SimulationPlan(
      paths: paths, horizon: horizon, seed: seed, marketCorrelation: rho > 0 ? rho : nil,
      quantileLevels: [0.1, 0.5, 0.9], attainmentProbabilities: probabilities)
    let recommendation = AttainmentRecommendation(plan: plan, calibrationWindows: calibrationWindows)
    let everything = Dictionary(uniqueKeysWithValues: history.ids.map { ($0, companyName) })
    let outcome = try recommendation.run(panel: history, forecaster: forecaster, groups: everything, fitted: fit)
    progress("recommend")
    guard let companyGroup = outcome.result.groups.first, let rawTotals = outcome.result.groupPathTotals.totals(of: companyName)
    else { throw PlanAnalysisError.noSeries }
    let companyTargets = companyGroup.total.targetsAtProbability.map(\.value)
    let target = companyTargets[anchor]
    let unitRows = zip(outcome.result.units, 0..<history.count).map { unit, i in
      YearPlan.UnitTargets(
        id: unit.id, lastYear: PlanAnalysis.lastTotal(history, i, horizon), forecast: PlanAnalysis.sum(forecast.forecast(of: i).mean),
        mean: unit.total.mean, targets: unit.total.targetsAtProbability.map(\.value))
    }
    let companyRow = YearPlan.UnitTargets(
      id: companyName, lastYear: PlanAnalysis.lastTotal(company, 0, horizon),
      forecast: unitRows.reduce(0) { $0 + $1.forecast }, mean: companyGroup.total.mean, targets: companyTargets)

    // By month: month shares of the company history.
    var months: [YearPlan.MonthRow] = []
    if frequency == .monthly, case .date(let first) = planStart, company.count == 1, company.length(of: 0) >= 12,
      case .date(let historyStart) = company.starts[0]
    {
      let shares = try SeasonalProfile.monthShares(
        monthlyHistory: Array(company.values(of: 0)), firstMonth: historyStart)
      let end = first.adding(months: horizon).adding(days: -1)
      let splitter = try TimeSplitter(range: try DateRange(start: first, end: end), profile: SeasonalProfile(monthShares: shares))
      let plans = try companyTargets.map { t throws(PlanningError) in try splitter.split(t, unit: 1) }
      for (k, month) in plans[0].months.enumerated() {
        months.append(
          YearPlan.MonthRow(
            label: month.label, share: shares[(month.start.month - 1) % 12],
            amounts: plans.map { $0.months[k].amount }))
      }
    }
    progress("time split")

    // Down the organisation, then each assigned target's P(attain) from the same models and calibration.
    let organisation = try organisationSplit(target: target, units: unitRows, parent: parent) {
      groups, targets, groupTargets in
      let run = try recommendation.run(
        panel: history, forecaster: forecaster, groups: groups, targets: targets, groupTargets: groupTargets,
        calibration: outcome.calibration, fitted: fit)
      var probability: [String: Double] = [:]
      for u in run.result.units { if let a = u.total.attainment { probability[u.id] = a.probability } }
      for g in run.result.groups { if let a = g.total.attainment { probability[g.group] = a.probability } }
      return probability
    }
    progress("organisation split")

    // Scenarios: each adjustment alone at a low and a high setting (same random numbers).
    let companyTarget = [companyName: target]
    func attainment(_ scenario: Scenario) throws -> Double {
      let run = try recommendation.run(
        panel: history, forecaster: forecaster, groups: everything, groupTargets: companyTarget, scenario: scenario,
        calibration: outcome.calibration, fitted: fit)
      return run.result.groups.first?.total.attainment?.probability ?? .nan
    }
    let baselineProbability = try attainment(.baseline)
    var bars: [TornadoBar] = []
    for s in PlanAnalysis.adjustments(horizon: horizon) {
      bars.append(
        TornadoBar(
          name: s.name, low: try attainment(s.low), high: try attainment(s.high), lowSetting: s.lowLabel,
          highSetting: s.highLabel))
    }
    progress("scenarios")

    // Tracking part-way through the plan year, when the data have the actuals.
    let tracking = try track(
      panel: panel, actuals: actuals, planStart: planStart, forecaster: forecaster, target: target,
      monthTargets: months.map { $0.amounts[anchor] })
    if tracking != nil { progress("tracking") }

    // Plan period labels.
    let lastHistory = (0..<history.count).map { history.lastStamp(of: $0) }.max() ?? planStart
    let firstHistory = history.starts.min() ?? planStart
    let planStamps = (0..<horizon).map { planStart.advanced(by: $0, frequency: frequency) }
    return YearPlan(
      source: source, history: history, forecasts: (0..<forecast.ids.count).map { forecast.forecast(of: $0) },
      methods: forecast.methods, company: company, companyForecast: companyForecast.forecast(of: 0),
      companyMethod: companyForecast.methods.first ?? "",
      historyRange: firstHistory...max(firstHistory, lastHistory), planPeriods: planStamps, model: model, levels: levels.sorted(),
      paths: paths, seed: seed, marketCorrelation: rho, marketCorrelationEstimated: marketCorrelation == nil,
      calibration: outcome.calibration, calibrationWindows: calibrationWindows,
      backtest: backtest.series.map { ($0.id, $0.accuracy) }, backtestAverage: backtest.accuracy,
      tiers: tiers.enumerated().map { AttainmentTier(name: $1.name, probability: $1.probability, target: companyTargets[$0]) },
      anchor: anchor, units: unitRows, companyTotal: companyRow, simulatedTotals: rawTotals, months: months,
      buffer: buffer, organisation: organisation, scenarioBaseline: baselineProbability, scenarioBars: bars,
      tracking: tracking, warnings: (fit.warnings + forecast.warnings).map(\.description))
  }

  /// Splits `target` down the organisation: the parents (in order of first appearance) over their
  /// series, series without a parent at the top level; shares blend last year and the forecast
  /// (50/50) and the top level gets the `buffer`. `probabilities(groups, series targets, parent
  /// targets)` returns the attainment probability of each assigned target by id.
  /// - Complexity: O(N log N) plus the probability run.
  func organisationSplit(
    target: Double, units unitRows: [YearPlan.UnitTargets], parent: (String) -> String?,
    probabilities: ([String: String], [String: Double], [String: Double]) throws -> [String: Double]
  ) throws -> [YearPlan.OrganisationRow] {
    var parents: [String] = []
    var children: [String: [Int]] = [:]
    var topLevel: [Int] = []
    for (i, row) in unitRows.enumerated() {
      if let p = parent(row.id), p != row.id {
        if children[p] == nil { parents.append(p) }
        children[p, default: []].append(i)
      } else {
        topLevel.append(i)
      }
    }
    func leaf(_ i: Int) -> OrganisationNode {
      OrganisationNode(PlanningUnit(id: unitRows[i].id, lastYear: unitRows[i].lastYear, forecast: unitRows[i].forecast))
    }
    func sum(_ kids: [Int], _ value: (YearPlan.UnitTargets) -> Double) -> Double {
      kids.reduce(0) { $0 + value(unitRows[$1]) }
    }
    var tree: [OrganisationNode] = parents.map { p in
      let kids = children[p] ?? []
      return OrganisationNode(
        PlanningUnit(id: p, lastYear: sum(kids, \.lastYear), forecast: sum(kids, \.forecast)), children: kids.map(leaf))
    }
    tree += topLevel.map(leaf)
    let assigned = try OrganisationSplitter(blend: .historyAndForecast, unit: 1).decompose(target, tree: tree, buffer: buffer)
    var leafTargets: [String: Double] = [:]
    var parentTargets: [String: Double] = [:]
    for a in assigned {
      if children[a.id] != nil { parentTargets[a.id] = a.amount } else { leafTargets[a.id] = a.amount }
    }
    var parentOf: [String: String] = [:]
    for (p, kids) in children { for i in kids { parentOf[unitRows[i].id] = p } }
    let probability = try probabilities(parentOf, leafTargets, parentTargets)
    let index = Dictionary(unitRows.indices.map { (unitRows[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
    return assigned.map { a in
      let kids = children[a.id] ?? index[a.id].map { [$0] } ?? []
      return YearPlan.OrganisationRow(
        id: a.id, parent: a.parent, level: a.level, lastYear: kids.isEmpty ? .nan : sum(kids, \.lastYear),
        forecast: kids.isEmpty ? .nan : sum(kids, \.forecast), target: a.amount, probability: probability[a.id] ?? .nan)
    }
  }

  /// The one-at-a-time adjustments of the tornado, each at a low and a high setting. The series are
  /// revenue, so a price change moves them by (1 + Δp)^(ε + 1) with quantity elasticity ε = −1.5.
  static func adjustments(horizon: Int) -> [(name: String, low: Scenario, lowLabel: String, high: Scenario, highLabel: String)] {
    let lastTwo = Array(max(1, horizon - 1)...horizon)
    return [
      ("Market growth", Scenario(name: "growth-", growth: -0.05), "−5 %", Scenario(name: "growth+", growth: 0.05), "+5 %"),
      (
        "Price (elasticity −1.5)", Scenario(name: "price+", priceChange: 0.05, priceElasticity: -0.5), "+5 %",
        Scenario(name: "price-", priceChange: -0.05, priceElasticity: -0.5), "−5 %"
      ),
      (
        "Year-end promotion", Scenario(name: "promo0", promotions: [.init(periods: lastTwo, uplift: 0)]), "none",
        Scenario(name: "promo", promotions: [.init(periods: lastTwo, uplift: 0.15)]), "+15 % in last 2"
      ),
      (
        "Sales headcount",
        Scenario(name: "hc-", headcountRamp: .init(currentHeadcount: 20, addedHeadcount: -2, startPeriod: 1, rampPeriods: 1)),
        "−2 of 20",
        Scenario(name: "hc+", headcountRamp: .init(currentHeadcount: 20, addedHeadcount: 2, startPeriod: 4, rampPeriods: 3)),
        "+2 of 20 from period 4"
      ),
      (
        "Disruption in period 1", Scenario(name: "shock", shocks: [.init(period: 1, factor: 0.5)]), "−50 %",
        Scenario(name: "noshock", shocks: [.init(period: 1, factor: 1)]), "none"
      ),
    ]
  }

  /// Tracking after `trackingPeriods` plan periods (nil without that many company actuals): the
  /// company series' own model (its seasonality is clearer than the units'), refitted on history +
  /// actuals to date, simulates the remaining periods, once per remaining period k for the quantiles of
  /// the cumulative landing at k; the last run gives P(actual to date + remaining ≥ target).
  /// - Complexity: O(fit + paths · remaining²).
  func track(
    panel: Panel, actuals: Panel, planStart: PeriodStamp, forecaster: BatchForecaster, target: Double,
    monthTargets: [Double]
  ) throws -> YearPlan.Tracking? {
    let elapsed = min(trackingPeriods, horizon - 1)
    guard elapsed >= 1, let actualCompany = PlanAnalysis.planActuals(actuals, company: companyName, planStart: planStart),
      actualCompany.count >= elapsed
    else { return nil }
    let (toDate, _) = try PlanAnalysis.split(panel, at: planStart.advanced(by: elapsed, frequency: panel.frequency))
    let refit = forecaster.fit(PlanAnalysis.total(toDate, id: companyName))
    let units = SimulationUnit.units(from: refit, groups: [companyName: companyName])
    let actualToDate = actualCompany.prefix(elapsed).reduce(0, +)
    let remaining = horizon - elapsed
    var lower90 = [Double]()
    var upper90 = [Double]()
    var lower50 = [Double]()
    var upper50 = [Double]()
    var median = [Double]()
    var last: TotalSummary?
    for k in 1...remaining {
      let engine = try SimulationEngine(
        plan: SimulationPlan(
          paths: paths, horizon: k, seed: seed, quantileLevels: [0.05, 0.25, 0.5, 0.75, 0.95],
          attainmentProbabilities: []))
      let run = try engine.run(
        units: units, groupTargets: k == remaining ? [companyName: target - actualToDate] : [:], threads: threads)
      guard let g = run.groups.first?.total, g.quantiles.count == 5 else { continue }
      lower90.append(actualToDate + g.quantiles[0].value)
      lower50.append(actualToDate + g.quantiles[1].value)
      median.append(actualToDate + g.quantiles[2].value)
      upper50.append(actualToDate + g.quantiles[3].value)
      upper90.append(actualToDate + g.quantiles[4].value)
      last = g
    }
    return YearPlan.Tracking(
      elapsed: elapsed, actuals: Array(actualCompany.prefix(elapsed)), monthTargets: monthTargets,
      target: target, landing90: IntervalBand(level: 90, lower: lower90, upper: upper90),
      landing50: IntervalBand(level: 50, lower: lower50, upper: upper50), landingMedian: median,
      probability: last?.attainment?.probability ?? .nan, standardError: last?.attainment?.standardError ?? .nan,
      yearActual: actualCompany.count >= horizon ? actualCompany.prefix(horizon).reduce(0, +) : nil)
  }

  /// The observations before `stamp` (history) and from `stamp` on (actuals), per series.
  /// - Throws: `PlanAnalysisError.noHistory` when a series has no observation before `stamp`.
  static func split(_ panel: Panel, at stamp: PeriodStamp) throws -> (history: Panel, actuals: Panel) {
    var history = Panel(frequency: panel.frequency)
    var actuals = Panel(frequency: panel.frequency)
    for i in 0..<panel.count {
      let values = panel.values(of: i)
      var cut = 0
      while cut < values.count && panel.stamp(of: i, at: cut) < stamp { cut += 1 }
      guard cut > 0 else { throw PlanAnalysisError.noHistory(id: panel.ids[i], before: stamp.description) }
      history.append(id: panel.ids[i], start: panel.starts[i], values: values.prefix(cut))
      if cut < values.count {
        actuals.append(id: panel.ids[i], start: panel.stamp(of: i, at: cut), values: values.dropFirst(cut))
      }
    }
    return (history, actuals)
  }

  /// One series, `id`, summing `panel`'s series period by period (missing periods count as 0).
  static func total(_ panel: Panel, id: String) -> Panel {
    var result = Panel(frequency: panel.frequency)
    guard let first = panel.starts.min(), let last = (0..<panel.count).map({ panel.lastStamp(of: $0) }).max() else {
      return result
    }
    var stamps: [PeriodStamp] = [first]
    while let s = stamps.last, s < last { stamps.append(s.advanced(by: 1, frequency: panel.frequency)) }
    let index = Dictionary(uniqueKeysWithValues: stamps.enumerated().map { ($1, $0) })
    var sums = [Double](repeating: 0, count: stamps.count)
    for i in 0..<panel.count {
      for (t, v) in panel.values(of: i).enumerated() {
        if let k = index[panel.stamp(of: i, at: t)], v.isFinite { sums[k] += v }
      }
    }
    result.append(id: id, start: first, values: sums)
    return result
  }

  /// The company's actuals of the plan periods (consecutive from `planStart`), nil without any.
  static func planActuals(_ actuals: Panel, company: String, planStart: PeriodStamp) -> [Double]? {
    guard actuals.count > 0 else { return nil }
    let t = total(actuals, id: company)
    guard t.count == 1, t.starts[0] == planStart else { return nil }
    return Array(t.values(of: 0))
  }

  /// Sum of the last `h` observations of series `i`.
  static func lastTotal(_ panel: Panel, _ i: Int, _ h: Int) -> Double {
    sum(panel.values(of: i).suffix(h))
  }

  /// Sum of the finite values.
  static func sum<C: Collection<Double>>(_ values: C) -> Double {
    var s = 0.0
    for v in values where v.isFinite { s += v }
    return s
  }
}

/// Why a plan report cannot be built.
public enum PlanAnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A series has no observation before the plan start.
  case noHistory(id: String, before: String)
  /// The panel has no series.
  case noSeries
  /// A setting is out of range.
  case invalidSetting(String)

  /// A one-line, lowercase explanation.
  public var description: String {
    switch self {
    case .noHistory(let id, let before): "series \(id) has no observation before \(before)"
    case .noSeries: "no series to plan"
    case .invalidSetting(let reason): "invalid plan setting: \(reason)"
    }
  }
}
