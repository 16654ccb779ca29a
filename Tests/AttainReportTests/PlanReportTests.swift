@testable import AttainWorkflow
import AttainData
import AttainForecast
import Foundation
import Testing

@testable import AttainReport

/// `PlanAnalysis` end to end on a small synthetic panel (two parents × two series, 2014–2017
/// monthly), and the `PlanReport` built from it. Known answers: the splits' exact sums, the company
/// actuals (sums of the input), tier order; the report is well-formed XML with every chart valid.
@Suite struct PlanReportTests {
  static let start = PeriodStamp.date(CalendarDate(year: 2014, month: 1, day: 1)!)
  static let planStart = PeriodStamp.date(CalendarDate(year: 2017, month: 1, day: 1)!)

  /// Seasonal series with a trend and deterministic pseudo-random noise (a 64-bit LCG).
  static func panel() -> Panel {
    var panel = Panel(frequency: .monthly)
    var state: UInt64 = 12345
    func noise() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 11) / Double(1 << 53) - 0.5
    }
    for (k, id) in ["North/Chairs", "North/Desks", "South/Chairs", "South/Desks"].enumerated() {
      let level = 1000.0 * Double(k + 1)
      let values = (0..<48).map { t -> Double in
        let season = 1 + 0.3 * sin(2 * Double.pi * Double(t) / 12)
        return level * (1 + 0.01 * Double(t)) * season * (1 + 0.2 * noise())
      }
      panel.append(id: id, start: start, values: values)
    }
    return panel
  }

  static func parent(_ id: String) -> String? { id.split(separator: "/").first.map(String.init) }

  static func plan(seed: UInt64 = 7) throws -> PlanReport {
    try PlanAnalysis(paths: 400, seed: seed, threads: 2).run(
      panel: panel(), planStart: planStart, parent: parent, source: "synthetic")
  }

  @Test func splitsAndTiersAreConsistent() throws {
    let report = try Self.plan()
    let input = Self.panel()
    // Tiers: lower probability ⇒ higher target; the anchor is "Target" (P = 0.6).
    #expect(report.tiers.map(\.probability) == [0.9, 0.6, 0.3])
    #expect(report.tiers[0].target < report.tiers[1].target && report.tiers[1].target < report.tiers[2].target)
    #expect(report.target == report.tiers[1].target)
    // History is 2014–2016: last year = the 2016 sum of all series.
    var lastYear = 0.0
    for i in 0..<input.count { lastYear += Array(input.values(of: i))[24..<36].reduce(0, +) }
    #expect(abs(report.companyTotal.lastYear - lastYear) <= 1e-9 * lastYear)
    #expect(report.history.count == 4 && (0..<4).allSatisfy { report.history.length(of: $0) == 36 })
    // Months: 12, every tier's months sum exactly to the tier target rounded to whole units.
    #expect(report.months.map(\.label) == (1...12).map { String(format: "2017-%02d", $0) })
    for (k, tier) in report.tiers.enumerated() {
      #expect(report.months.reduce(0) { $0 + $1.amounts[k] } == tier.target.rounded())
    }
    #expect(abs(report.months.reduce(0) { $0 + $1.share } - 1) < 1e-12)
    // Organisation: the top level sums to target × 1.05 (whole units); children sum to their parent.
    let top = report.organisation.filter { $0.level == 0 }
    #expect(top.map(\.id) == ["North", "South"])
    #expect(top.reduce(0) { $0 + $1.target } == (report.target * 1.05).rounded())
    for p in top {
      let children = report.organisation.filter { $0.parent == p.id }
      #expect(children.count == 2)
      #expect(children.reduce(0) { $0 + $1.target } == p.target)
      #expect(children.allSatisfy { $0.probability > 0 && $0.probability < 1 })
    }
  }

  @Test func trackingUsesThePlanYearActuals() throws {
    let report = try Self.plan()
    let input = Self.panel()
    let tracking = try #require(report.tracking)
    #expect(tracking.elapsed == 6)
    for (t, actual) in tracking.actuals.enumerated() {
      let expected = (0..<input.count).reduce(0.0) { $0 + Array(input.values(of: $1))[36 + t] }
      #expect(abs(actual - expected) <= 1e-9 * expected)
    }
    let year = (0..<input.count).reduce(0.0) { $0 + Array(input.values(of: $1))[36..<48].reduce(0, +) }
    #expect(abs((tracking.yearActual ?? 0) - year) <= 1e-9 * year)
    #expect(tracking.landing90.lower.count == 6 && tracking.landingMedian.count == 6)
    // The cumulative landing bands start above the actual to date and nest (90 % ⊇ 50 % ∋ median).
    let toDate = tracking.actuals.reduce(0, +)
    for k in 0..<6 {
      #expect(tracking.landing90.lower[k] >= toDate)
      #expect(tracking.landing90.lower[k] <= tracking.landing50.lower[k])
      #expect(tracking.landing50.lower[k] <= tracking.landingMedian[k] && tracking.landingMedian[k] <= tracking.landing50.upper[k])
      #expect(tracking.landing50.upper[k] <= tracking.landing90.upper[k])
    }
    #expect(tracking.probability >= 0 && tracking.probability <= 1)
  }

  @Test func reportIsWellFormedWithValidCharts() throws {
    let report = try Self.plan()
    let sections = report.sections()
    #expect(
      sections.map(\.heading) == [
        "Summary", "Inputs", "Forecasts", "Models and accuracy", "Recommended targets", "Target by month",
        "Target by organisation", "Scenarios", "Tracking",
      ])
    var charts = 0
    for section in sections {
      for case .chart(let svg, _) in section.blocks {
        try checkSVG(svg)
        charts += 1
      }
    }
    // Company + 4 series fan charts, attainment curve, histogram, tornado, burn-up.
    #expect(charts == 9)
    let html = report.report(title: "Plan").html()
    let doc = try #require(parseXML(html).0)
    #expect(doc.elements(named: "svg").count == 9)
    #expect(!html.contains("NaN") && !html.contains("nan%"))
  }

  @Test func sameSeedSameReportOtherSeedOtherPaths() throws {
    let a = try Self.plan(seed: 3)
    let b = try Self.plan(seed: 3)
    let c = try Self.plan(seed: 4)
    #expect(a.report(title: "x").html() == b.report(title: "x").html())
    #expect(a.simulatedTotals != c.simulatedTotals)
  }

  @Test func attainmentCurveIsNonIncreasingAndMarksTheTiers() throws {
    let report = try Self.plan()
    let curve = report.attainmentCurve()
    #expect(curve.targets == curve.targets.sorted())
    for k in 1..<curve.probabilities.count { #expect(curve.probabilities[k] <= curve.probabilities[k - 1] + 1e-12) }
    #expect(curve.tiers == report.tiers)
    // The histogram's share at or above the target is the raw simulated level the calibration maps to 0.6.
    let share = try #require(report.histogram().shareAtOrAbove)
    #expect(abs(report.calibration.attainmentProbability(simulated: share) - 0.6) < 0.05)
  }

  @Test func singleSeriesWithoutParentPlans() throws {
    let input = Self.panel()
    var one = Panel(frequency: .monthly)
    one.append(id: "Everything", start: Self.start, values: input.values(of: 3))  // its own "parent": top level
    let report = try PlanAnalysis(paths: 300, seed: 1, threads: 1).run(
      panel: one, planStart: Self.planStart, parent: Self.parent, source: "one")
    #expect(report.marketCorrelation == 0)
    #expect(report.organisation.map(\.id) == ["Everything"])
    #expect(report.organisation[0].target == (report.target * 1.05).rounded())
    #expect(report.units.count == 1 && report.tracking != nil)
    try checkSVG(report.attainmentCurve().svg())
  }

  @Test func splitAndTotalKnownAnswers() throws {
    let s = PeriodStamp.date(CalendarDate(year: 2020, month: 11, day: 1)!)
    var panel = Panel(frequency: .monthly)
    panel.append(id: "a", start: s, values: [1, 2, 3, 4])  // Nov 2020 … Feb 2021
    panel.append(id: "b", start: s.advanced(by: 1, frequency: .monthly), values: [10, 20])  // Dec 2020, Jan 2021
    let cut = PeriodStamp.date(CalendarDate(year: 2021, month: 1, day: 1)!)
    let (history, actuals) = try PlanAnalysis.split(panel, at: cut)
    #expect(Array(history.values(of: 0)) == [1, 2] && Array(history.values(of: 1)) == [10])
    #expect(Array(actuals.values(of: 0)) == [3, 4] && Array(actuals.values(of: 1)) == [20])
    #expect(actuals.starts == [cut, cut])
    let total = PlanAnalysis.total(panel, id: "all")
    #expect(total.starts == [s] && Array(total.values(of: 0)) == [1, 12, 23, 4])
    #expect(throws: PlanAnalysisError.noHistory(id: "a", before: "2020-11-01")) {
      try PlanAnalysis.split(panel, at: s)
    }
  }
}
