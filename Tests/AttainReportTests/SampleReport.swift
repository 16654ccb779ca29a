import AttainWorkflow
import Foundation

@testable import AttainReport

/// A complete report with every section and chart, built from deterministic synthetic numbers
/// (a seasonal monthly series and a closed-form normal-ish set of simulated totals). Used to check
/// well-formedness and to render a screenshot.
func sampleReport() -> HTMLReport {
  // History: 36 months with trend and seasonality; forecast: 12 months with widening bands.
  let history: [Double] = (0..<36).map { (i: Int) -> Double in
    let t = Double(i)
    return 82_000 + 1_150 * t + 9_000 * sin(t * Double.pi / 6) + 2_500 * cos(t * 1.7)
  }
  let forecast: [Double] = (36..<48).map { (i: Int) -> Double in
    let t = Double(i)
    return 82_000 + 1_150 * t + 9_000 * sin(t * Double.pi / 6)
  }
  let z: [(Double, Double)] = [(50, 0.6745), (80, 1.2816), (95, 1.96)]
  let bands = z.map { level, q in
    IntervalBand(
      level: level, lower: forecast.enumerated().map { $0.element - q * 4_200 * sqrt(Double($0.offset + 1)) },
      upper: forecast.enumerated().map { $0.element + q * 4_200 * sqrt(Double($0.offset + 1)) })
  }
  let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
  let labels = (0..<48).map { "\(months[$0 % 12]) \(2023 + $0 / 12)" }
  let fan = FanChart(
    title: "Monthly revenue: history and 12-month forecast", history: history, forecast: forecast, bands: bands,
    periodLabels: labels, labelIndices: Array(stride(from: 0, to: 48, by: 6)), valueAxisTitle: "Revenue (USD)")

  // Simulated annual totals: a deterministic normal sample via the inverse-CDF-free Box–Muller on a grid.
  var totals: [Double] = []
  for i in 0..<2_000 {
    let u1 = (Double(i % 40) + 0.5) / 40
    let u2 = (Double(i / 40) + 0.5) / 50
    totals.append(1_360_000 + 48_000 * sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2))
  }
  let tiers: [(name: String, probability: Double)] = [("Commit", 0.9), ("Target", 0.6), ("Stretch", 0.3)]
  let curve = AttainmentCurve(
    title: "Probability of attaining each annual target", simulatedTotals: totals, tiers: tiers,
    targetAxisTitle: "Annual target (USD)")
  let recommended = curve.tiers.first { $0.name == "Target" }?.target ?? 1_350_000
  let histogram = Histogram(
    title: "Simulated annual revenue (2,000 paths)", values: totals, target: recommended,
    valueAxisTitle: "Annual revenue (USD)")
  let tornado = TornadoChart(
    title: "What moves P(attain) at the recommended target", baseline: 0.6,
    bars: [
      TornadoBar(name: "Price (elasticity −1.4)", low: 0.41, high: 0.76, lowSetting: "−5%", highSetting: "+5%"),
      TornadoBar(name: "Market growth", low: 0.47, high: 0.71, lowSetting: "0%", highSetting: "+4%"),
      TornadoBar(name: "Promotion in Q4", low: 0.6, high: 0.68, lowSetting: "none", highSetting: "+12% uplift"),
      TornadoBar(name: "Headcount ramp", low: 0.55, high: 0.64, lowSetting: "6 months", highSetting: "2 months"),
      TornadoBar(name: "Common market shock ρ", low: 0.63, high: 0.57, lowSetting: "ρ=0", highSetting: "ρ=0.5"),
    ])
  let perPeriod = Array(history.suffix(12)).map { $0 * 0.98 }.prefix(7)
  let actual = BurnUpChart.cumulative(Array(perPeriod))
  let path = BurnUpChart.cumulative(Array(repeating: recommended / 12, count: 12))
  let remainingMedian = (1...5).map { actual[actual.count - 1] + 114_000 * Double($0) }
  let landing = [(90.0, 1.645), (50.0, 0.6745)].map { level, q in
    IntervalBand(
      level: level, lower: remainingMedian.enumerated().map { $0.element - q * 15_000 * sqrt(Double($0.offset + 1)) },
      upper: remainingMedian.enumerated().map { $0.element + q * 15_000 * sqrt(Double($0.offset + 1)) })
  }
  let burnUp = BurnUpChart(
    title: "FY2026 tracking: cumulative revenue vs target", periodLabels: (0..<12).map { "\(months[$0]) 2026" },
    cumulativeActuals: actual, targetPath: path, target: recommended, landingBands: landing,
    landingMedian: remainingMedian, labelIndices: [0, 2, 4, 6, 8, 10, 11], valueAxisTitle: "Cumulative revenue (USD)")

  let inputs = ReportTable(
    caption: "Run settings",
    keyValues: [
      ("Data", "superstore_monthly.csv (36 months, 4 regions)"), ("Model", "AutoETS (selected M,Ad,M)"),
      ("Horizon", 12), ("Simulated paths", 2_000), ("Seed", 42), ("Correlation ρ", .number(0.3, .grouped(fractionDigits: 1))),
    ])
  let accuracy = ReportTable(
    caption: "Rolling-origin backtest (12 origins, horizon 12)",
    header: ["Model", "MASE", "sMAPE", "Coverage 80%", "Coverage 95%"],
    rows: [
      ["AutoETS", .number(0.812, .grouped(fractionDigits: 3)), .percent(0.0841, fractionDigits: 1), .percent(0.79), .percent(0.94)],
      ["AutoTheta", .number(0.857, .grouped(fractionDigits: 3)), .percent(0.0902, fractionDigits: 1), .percent(0.76), .percent(0.93)],
      ["Seasonal naive", .number(1.000, .grouped(fractionDigits: 3)), .percent(0.1127, fractionDigits: 1), .percent(0.71), .percent(0.90)],
    ],
    note: "MASE relative to the seasonal naive forecast; coverage is the share of actuals inside the interval.")
  let targets = ReportTable(
    caption: "Recommended annual targets",
    header: ["Tier", "P(attain)", "Target (USD)", "vs last year"],
    rows: curve.tiers.map { tier in
      [.text(tier.name), .percent(tier.probability), .number(tier.target, .grouped(fractionDigits: 0)),
       .number(tier.target / 1_180_000 - 1, .percent(fractionDigits: 1))]
    })
  let scenarios = ReportTable(
    caption: "Scenario comparison at the recommended target",
    header: ["Scenario", "Median total", "P10", "P90", "P(attain)"],
    rows: [
      ["Base", .number(1_360_000, .compact), .number(1_298_000, .compact), .number(1_421_000, .compact), .percent(0.6)],
      ["Price +5% <elastic>", .number(1_402_000, .compact), .number(1_338_000, .compact), .number(1_467_000, .compact), .percent(0.76)],
      ["Recession & churn", .number(1_291_000, .compact), .number(1_221_000, .compact), .number(1_360_000, .compact), .percent(0.31)],
    ])
  return HTMLReport(
    title: "Attain — FY2026 revenue targets",
    subtitle: "Superstore sample data · monthly series · forecast origin Dec 2025",
    sections: [
      ReportSection(
        heading: "Summary",
        blocks: [
          .keyFigures([
            KeyFigure(label: "Recommended target", value: NumberLabels.compact(recommended), note: "60% chance to attain"),
            KeyFigure(label: "Commit (90%)", value: NumberLabels.compact(curve.tiers[0].target)),
            KeyFigure(label: "Stretch (30%)", value: NumberLabels.compact(curve.tiers[2].target)),
            KeyFigure(label: "Forecast accuracy", value: "MASE 0.81", note: "12 rolling origins"),
          ]),
          .paragraph(
            "Targets are set at attainment probabilities from 2,000 simulated years; intervals & paths come from the same fitted model."
          ),
        ]),
      ReportSection(heading: "Inputs", blocks: [.table(inputs)]),
      ReportSection(
        heading: "Forecast and accuracy",
        blocks: [.chart(fan, caption: "Shaded bands: 50%, 80% and 95% prediction intervals."), .table(accuracy)]),
      ReportSection(
        heading: "Recommended targets",
        blocks: [.table(targets), .chart(curve), .chart(histogram, caption: "Green bars: simulated years at or above the target.")]),
      ReportSection(heading: "Scenarios", blocks: [.chart(tornado), .table(scenarios)]),
      ReportSection(heading: "Tracking", blocks: [.chart(burnUp, caption: "7 of 12 months elapsed.")]),
    ],
    footer: "Generated by attain · seed 42 · all numbers in this sample are synthetic.")
}
