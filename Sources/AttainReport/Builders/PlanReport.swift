import AttainData
import AttainForecast
import AttainSimulation

import AttainWorkflow

/// The report of a plan: a `YearPlan` (computed by `PlanAnalysis`) rendered as sections.
///
/// Sections: Summary, Inputs, Forecasts (fan charts of the company and the largest series), Models and
/// accuracy (backtest), Recommended targets (attainment curve, histogram of simulated company totals,
/// table), Target by month, Target by organisation, Scenarios (tornado), Tracking (burn-up).
public typealias PlanReport = YearPlan

extension YearPlan {
  /// "first – last" period of the history, e.g. "Jan 2014 – Dec 2016".
  public var historyPeriod: String {
    PeriodLabels.label(historyRange.lowerBound, frequency: history.frequency) + " – "
      + PeriodLabels.label(historyRange.upperBound, frequency: history.frequency)
  }

  /// Labels of the plan periods, e.g. "Jan 2017".
  public var planLabels: [String] { PeriodLabels.labels(planPeriods, frequency: history.frequency) }

  /// The plan periods as one label ("2017-01 – 2017-12").
  var planPeriod: String { [planLabels.first, planLabels.last].compactMap { $0 }.joined(separator: " – ") }

  static func money(_ x: Double) -> String { x.isFinite ? "$" + NumberLabels.grouped(x) : NumberLabels.missing }
  static func signedPercent(_ x: Double) -> String {
    x.isFinite ? (x >= 0 ? "+" : "") + NumberLabels.percent(x, fractionDigits: 1) : NumberLabels.missing
  }
  static func probability(_ p: Double) -> String {
    p.isFinite ? NumberLabels.grouped(p, fractionDigits: 2) : NumberLabels.missing
  }

  /// All sections, in reading order.
  /// - Complexity: O(paths log paths + observations + series × horizon).
  public func sections() -> [ReportSection] {
    var sections = [summarySection(), inputsSection(), forecastSection(), accuracySection(), targetsSection()]
    if !months.isEmpty { sections.append(monthSection()) }
    if !organisation.isEmpty { sections.append(organisationSection()) }
    if !scenarioBars.isEmpty { sections.append(scenarioSection()) }
    if let tracking { sections.append(trackingSection(tracking)) }
    if !warnings.isEmpty { sections.append(ReportSection(heading: "Warnings", blocks: warnings.map { .paragraph($0) })) }
    return sections
  }

  /// The complete one-file report.
  public func report(title: String, subtitle: String? = nil, footer: String? = nil) -> HTMLReport {
    HTMLReport(title: title, subtitle: subtitle, sections: sections(), footer: footer)
  }

  func summarySection() -> ReportSection {
    let last = companyTotal.lastYear
    var figures = tiers.map { tier in
      KeyFigure(
        label: "\(tier.name) (P = \(PlanReport.probability(tier.probability)))", value: PlanReport.money(tier.target),
        note: "\(PlanReport.signedPercent(last > 0 ? tier.target / last - 1 : .nan)) vs last year")
    }
    figures.append(KeyFigure(label: "Last year", value: PlanReport.money(last), note: "actual, last \(planLabels.count) periods"))
    var blocks: [ReportBlock] = [.keyFigures(figures)]
    blocks.append(
      .paragraph(
        "Company targets for \(planPeriod), read off \(NumberLabels.grouped(Double(paths))) simulated years per series "
          + "(market correlation ρ = \(NumberLabels.grouped(marketCorrelation, fractionDigits: 2))) and calibrated on the "
          + "history: the commit is reached with probability \(NumberLabels.percent(tiers.first?.probability ?? .nan)), "
          + "the stretch with \(NumberLabels.percent(tiers.last?.probability ?? .nan)). The \(tiers[anchor].name.lowercased()) is split by month "
          + "and over the organisation below, with a \(NumberLabels.percent(buffer)) buffer."))
    if let tracking, let actual = tracking.yearActual {
      let reached = tiers.filter { actual >= $0.target }.map(\.name)
      blocks.append(
        .paragraph(
          "Outcome: the plan periods closed at \(PlanReport.money(actual)), "
            + "\(NumberLabels.percent(target > 0 ? actual / target : .nan, fractionDigits: 1)) of the \(tiers[anchor].name.lowercased())"
            + (reached.isEmpty ? "; no tier was reached." : "; tiers reached: \(reached.joined(separator: ", ")).")))
    }
    return ReportSection(heading: "Summary", blocks: blocks)
  }

  func inputsSection() -> ReportSection {
    let c = calibration
    let table = ReportTable(
      caption: nil,
      keyValues: [
        ("Data", .text(source)), ("Series", .integer(history.count)), ("Frequency", .text(history.frequency.rawValue)),
        ("History", .text(historyPeriod)), ("Plan periods", .text(planPeriod)),
        ("Model", .text("\(model) (\(Set(methods.filter { !$0.isEmpty }).sorted().joined(separator: ", ")))")),
        ("Simulated paths per series", .integer(paths)), ("Seed", .text(String(seed))),
        (
          "Market correlation ρ",
          .text(NumberLabels.grouped(marketCorrelation, fractionDigits: 3) + (marketCorrelationEstimated ? " (estimated from residuals)" : ""))
        ),
        (
          "Total calibration",
          .text(
            c.windows > 0
              ? "\(c.windows) windows (\(calibrationWindows) rolling origin); P = 0.9 target at the simulated "
                + "\(NumberLabels.percent(c.simulatedLevel(0.1), fractionDigits: 1)) quantile"
              : "none (the models' own spread)")
        ),
        ("Organisation buffer", .text(NumberLabels.percent(buffer))),
      ])
    return ReportSection(heading: "Inputs", blocks: [.table(table)])
  }

  func forecastSection() -> ReportSection {
    let horizon = planLabels.count
    var blocks: [ReportBlock] = [.chart(companyFanChart(), caption: "Company total; model \(companyMethod).")]
    let view = ForecastReport(panel: history, forecasts: forecasts, methods: methods, source: source, maximumHistory: 48)
    let order = view.seriesByVolume().prefix(4)
    for i in order {
      blocks.append(.chart(view.fanChart(for: i), caption: methods.indices.contains(i) ? "Model: \(methods[i])." : nil))
    }
    blocks.append(
      .paragraph(
        "Bands: \(levels.map { NumberLabels.trimZeros(NumberLabels.grouped($0, fractionDigits: 1)) + " %" }.joined(separator: ", ")) "
          + "prediction intervals. Charts show the company and the \(order.count) largest of \(history.count) series "
          + "by the total of the last \(horizon) periods."))
    return ReportSection(heading: "Forecasts", blocks: blocks)
  }

  /// The company fan chart: history, forecast and bands.
  public func companyFanChart() -> FanChart {
    let view = ForecastReport(
      panel: company, forecasts: [companyForecast], methods: [companyMethod], source: source, maximumHistory: 48)
    var chart = view.fanChart(for: 0)
    chart.title = "\(company.ids.first ?? "Company") — history and forecast"
    return chart
  }

  func accuracySection() -> ReportSection {
    let levels = backtestAverage.levels
    var header = ["Series", "Model", "sMAPE %", "MASE", "WAPE %"]
    header += levels.map { "\(NumberLabels.trimZeros(NumberLabels.grouped($0, fractionDigits: 1)))% coverage" }
    func row(_ id: String, _ model: String, _ a: AccuracySummary) -> [ReportCell] {
      var cells: [ReportCell] = [
        .text(id), .text(model), .number(a.smape, .grouped(fractionDigits: 1)), .number(a.mase, .grouped(fractionDigits: 2)),
        .number(a.wape, .grouped(fractionDigits: 1)),
      ]
      cells += a.coverage.map { .number($0, .grouped(fractionDigits: 0)) }
      return cells
    }
    let model = Dictionary(zip(history.ids, methods), uniquingKeysWith: { a, _ in a })
    var rows = backtest.map { row($0.id, model[$0.id] ?? "", $0.accuracy) }
    rows.append(row("Mean over series", "", backtestAverage))
    let table = ReportTable(
      caption: nil, header: header, rows: rows,
      note: "One rolling-origin window: each series refitted without its last \(planLabels.count) observed periods and "
        + "scored on them (sMAPE as in M3; MASE scaled by the seasonal naive; coverage = share of actuals inside the interval).")
    return ReportSection(heading: "Models and accuracy", blocks: [.table(table)])
  }

  /// The company attainment curve: calibrated P(total ≥ x) along the simulated range, tiers marked.
  public func attainmentCurve() -> AttainmentCurve {
    let sorted = simulatedTotals.filter(\.isFinite).sorted()
    var xs: [Double] = []
    var ps: [Double] = []
    if let lo = sorted.first, let hi = sorted.last {
      let m = 121
      var j = 0
      for k in 0..<m {
        let x = lo == hi ? lo : lo + (hi - lo) * Double(k) / Double(m - 1)
        while j < sorted.count && sorted[j] < x { j += 1 }
        xs.append(x)
        ps.append(calibration.attainmentProbability(simulated: Double(sorted.count - j) / Double(sorted.count)))
      }
    }
    return AttainmentCurve(
      title: "\(companyTotal.id): probability of reaching each target, \(planPeriod)", targets: xs, probabilities: ps,
      tiers: tiers, targetAxisTitle: "Target for the plan period")
  }

  /// Histogram of the simulated company totals with the anchor target marked.
  public func histogram() -> Histogram {
    Histogram(
      title: "\(companyTotal.id): simulated totals, \(planPeriod)", values: simulatedTotals, target: target,
      valueAxisTitle: "Total of the plan period")
  }

  func targetsSection() -> ReportSection {
    let raw = histogram().shareAtOrAbove ?? .nan
    var header = ["Unit", "Last year", "Forecast", "Simulated mean"]
    header += tiers.map { "\($0.name) (P \(PlanReport.probability($0.probability)))" }
    header.append("\(tiers[anchor].name) vs last year")
    var rows: [[ReportCell]] = []
    for u in units + [companyTotal] {
      var row: [ReportCell] = [.text(u.id), .number(u.lastYear, .grouped(fractionDigits: 0)), .number(u.forecast, .grouped(fractionDigits: 0)),
        .number(u.mean, .grouped(fractionDigits: 0))]
      row += u.targets.map { .number($0, .grouped(fractionDigits: 0)) }
      let t = u.targets.indices.contains(anchor) ? u.targets[anchor] : .nan
      row.append(.text(PlanReport.signedPercent(u.lastYear > 0 ? t / u.lastYear - 1 : .nan)))
      rows.append(row)
    }
    let table = ReportTable(
      caption: nil, header: header, rows: rows,
      note: "Each unit's target at probability p is the calibrated (1 − p)-quantile of its own simulated total; "
        + "the company row sums the units path by path (correlated through ρ), so it is not the sum of the unit targets.")
    return ReportSection(
      heading: "Recommended targets",
      blocks: [
        .chart(attainmentCurve(), caption: "Calibrated attainment probability; tiers at \(tiers.map { PlanReport.probability($0.probability) }.joined(separator: ", ")).")
        ,
        .chart(
          histogram(),
          caption: "\(NumberLabels.percent(raw, fractionDigits: 1)) of the simulated paths reach the \(tiers[anchor].name.lowercased()); "
            + "the calibration estimated on the history maps this to P = \(PlanReport.probability(tiers[anchor].probability))."),
        .table(table),
      ])
  }

  func monthSection() -> ReportSection {
    var header = ["Month", "History share"]
    header += tiers.map(\.name)
    var rows: [[ReportCell]] = months.map { m in
      [.text(m.label), .percent(m.share, fractionDigits: 1)] + m.amounts.map { .number($0, .grouped(fractionDigits: 0)) }
    }
    var totals: [ReportCell] = [.text("Total"), .percent(months.reduce(0) { $0 + $1.share }, fractionDigits: 1)]
    totals += tiers.indices.map { k in .number(months.reduce(0) { $0 + $1.amounts[k] }, .grouped(fractionDigits: 0)) }
    rows.append(totals)
    let table = ReportTable(
      caption: nil, header: header, rows: rows,
      note: "Phased by the calendar-month shares of the company history (whole years), then by calendar days within each "
        + "month; rounded to whole dollars by largest remainder so the months sum exactly to each target.")
    return ReportSection(heading: "Target by month", blocks: [.table(table)])
  }

  func organisationSection() -> ReportSection {
    let header = ["Unit", "Parent", "Last year", "Forecast", "Target", "vs last year", "P(attain)"]
    let rows: [[ReportCell]] = organisation.map { o in
      [
        .text(String(repeating: "  ", count: o.level) + o.id), .text(o.parent ?? ""),
        .number(o.lastYear, .grouped(fractionDigits: 0)), .number(o.forecast, .grouped(fractionDigits: 0)),
        .number(o.target, .grouped(fractionDigits: 0)), .text(PlanReport.signedPercent(o.lastYear > 0 ? o.target / o.lastYear - 1 : .nan)),
        .text(PlanReport.probability(o.probability)),
      ]
    }
    let top = organisation.filter { $0.level == 0 }.reduce(0) { $0 + $1.target }
    let table = ReportTable(
      caption: nil, header: header, rows: rows,
      note: "Shares blend last year (50 %) and the forecast (50 %). The top-level targets sum to "
        + "\(PlanReport.money(top)) = \(tiers[anchor].name.lowercased()) × \(NumberLabels.grouped(1 + buffer, fractionDigits: 2)); "
        + "each parent's children sum exactly to it. P(attain) is each unit's calibrated probability under its own model.")
    return ReportSection(heading: "Target by organisation", blocks: [.table(table)])
  }

  func scenarioSection() -> ReportSection {
    let chart = TornadoChart(
      title: "P(\(companyTotal.id) ≥ \(tiers[anchor].name.lowercased()) \(NumberLabels.compact(target))) by adjustment",
      baseline: scenarioBaseline, bars: scenarioBars)
    let rows: [[ReportCell]] = chart.sortedBars.map { b in
      [.text(b.name), .text(b.lowSetting ?? ""), .text(PlanReport.probability(b.low)), .text(b.highSetting ?? ""), .text(PlanReport.probability(b.high))]
    }
    let table = ReportTable(
      caption: nil, header: ["Adjustment", "Low setting", "P(attain)", "High setting", "P(attain)"], rows: rows,
      note: "Baseline P = \(PlanReport.probability(scenarioBaseline)). Each adjustment alone, same random numbers "
        + "(differences are the adjustment's effect, not Monte Carlo noise). Sales are revenue: a price change p moves "
        + "them by (1 + p)^(1 − 1.5).")
    return ReportSection(heading: "Scenarios", blocks: [.chart(chart), .table(table)])
  }

  func trackingSection(_ t: Tracking) -> ReportSection {
    let actualToDate = t.actuals.reduce(0, +)
    let asOf = planLabels.indices.contains(t.elapsed - 1) ? planLabels[t.elapsed - 1] : "\(t.elapsed) periods"
    let plannedToDate = t.monthTargets.prefix(t.elapsed).reduce(0, +)
    let chart = BurnUpChart(
      title: "\(companyTotal.id): cumulative actuals vs \(tiers[anchor].name.lowercased()), end of \(asOf)",
      periodLabels: planLabels, cumulativeActuals: BurnUpChart.cumulative(t.actuals),
      targetPath: BurnUpChart.cumulative(t.monthTargets), target: t.target, landingBands: [t.landing90, t.landing50],
      landingMedian: t.landingMedian, valueAxisTitle: "Cumulative total")
    var figures = [
      KeyFigure(label: "Actual to date", value: PlanReport.money(actualToDate), note: "end of \(asOf)"),
      KeyFigure(
        label: "Completion", value: NumberLabels.percent(t.target > 0 ? actualToDate / t.target : .nan, fractionDigits: 1),
        note: plannedToDate > 0 ? "plan to date \(NumberLabels.percent(plannedToDate / t.target, fractionDigits: 1))" : nil),
      KeyFigure(
        label: "P(attain | to date)", value: PlanReport.probability(t.probability),
        note: "± \(NumberLabels.grouped(t.standardError, fractionDigits: 3))"),
    ]
    if let year = t.yearActual {
      figures.append(KeyFigure(label: "Actual, full period", value: PlanReport.money(year), note: "known afterwards"))
    }
    return ReportSection(
      heading: "Tracking",
      blocks: [
        .keyFigures(figures),
        .chart(
          chart,
          caption: "The company series' model refitted on the history and the actuals to date; the remaining periods "
            + "simulated (bands: 50 % and 90 % of the cumulative landing, the model's own spread)."),
      ])
  }
}
