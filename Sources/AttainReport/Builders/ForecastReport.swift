import AttainWorkflow
import AttainData
import AttainForecast

/// A forecast report for a panel of series: summary figures, the run's inputs, fan charts of the
/// largest series and a per-series forecast table.
///
/// This is the part of `attain report` that needs only forecasts; sections for simulated totals,
/// recommended targets, scenarios and tracking are built from the chart types directly and appended to
/// `sections()`. "Largest" means the largest sum of the last `horizon` observations, the volume a
/// planner looks at first. Sums of point forecasts are exact for the mean of the total; intervals of
/// totals need simulated paths and are therefore not shown here.
public struct ForecastReport: Sendable {
  /// The input series.
  public var panel: Panel
  /// One forecast per series, in panel order.
  public var forecasts: [Forecast]
  /// The model used for each series ("" when none could fit).
  public var methods: [String]
  /// Fallback and fitting warnings, one line each.
  public var warnings: [String]
  /// Where the data came from (file name), shown in the inputs table.
  public var source: String
  /// Maximum number of fan charts.
  public var maximumCharts: Int
  /// Maximum number of history periods shown in a fan chart (the most recent ones).
  public var maximumHistory: Int

  /// A report over `panel` with `forecasts[i]` and `methods[i]` for series `i`.
  public init(
    panel: Panel, forecasts: [Forecast], methods: [String], warnings: [String] = [], source: String,
    maximumCharts: Int = 6, maximumHistory: Int = 48
  ) {
    self.panel = panel
    self.forecasts = forecasts
    self.methods = methods
    self.warnings = warnings
    self.source = source
    self.maximumCharts = maximumCharts
    self.maximumHistory = maximumHistory
  }

  /// Number of series with both data and a forecast.
  var seriesCount: Int { min(panel.count, forecasts.count) }

  /// Steps ahead (the longest forecast).
  var horizon: Int { forecasts.map(\.mean.count).max() ?? 0 }

  /// Sum of the finite values of `values`.
  static func finiteSum<C: Collection<Double>>(_ values: C) -> Double {
    var s = 0.0
    for v in values where v.isFinite { s += v }
    return s
  }

  /// Sum of the last `horizon` observations of series `i`.
  func recentTotal(_ i: Int) -> Double {
    ForecastReport.finiteSum(panel.values(of: i).suffix(horizon))
  }

  /// Series indices ordered by recent volume, largest first (ties by panel order).
  func seriesByVolume() -> [Int] {
    let totals = (0..<seriesCount).map(recentTotal)
    return (0..<seriesCount).sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : $0 < $1 }
  }

  /// Frequency name for people ("monthly").
  var frequencyName: String { panel.frequency.rawValue }

  /// The sections: Summary, Inputs, Forecasts (charts), Forecast table, and Warnings when there are any.
  /// - Complexity: O(total observations + series × horizon × levels).
  public func sections() -> [ReportSection] {
    let n = seriesCount
    let h = horizon
    let order = seriesByVolume()
    var recentAll = 0.0
    var forecastAll = 0.0
    for i in 0..<n {
      recentAll += recentTotal(i)
      forecastAll += ForecastReport.finiteSum(forecasts[i].mean)
    }
    let change = recentAll != 0 ? forecastAll / recentAll - 1 : Double.nan
    var methodCounts: [String: Int] = [:]
    for m in methods.prefix(n) { methodCounts[m.isEmpty ? "none" : m, default: 0] += 1 }
    let modelSummary = methodCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")

    var summary: [ReportBlock] = [
      .keyFigures([
        KeyFigure(label: "Series", value: NumberLabels.grouped(Double(n)), note: frequencyName),
        KeyFigure(label: "Forecast total, next \(h)", value: NumberLabels.compact(forecastAll), note: "sum of point forecasts"),
        KeyFigure(label: "Actual total, last \(h)", value: NumberLabels.compact(recentAll)),
        KeyFigure(
          label: "Change", value: change.isFinite ? (change >= 0 ? "+" : "") + NumberLabels.percent(change, fractionDigits: 1) : NumberLabels.missing,
          note: "next \(h) vs last \(h) periods"),
      ])
    ]
    if !warnings.isEmpty {
      summary.append(.paragraph("\(warnings.count) series used a fallback model; see Warnings."))
    }

    let observations = panel.offsets.last ?? 0
    var first: PeriodStamp?
    var last: PeriodStamp?
    for i in 0..<n where panel.length(of: i) > 0 {
      let a = panel.starts[i]
      let b = panel.lastStamp(of: i)
      if first.map({ a < $0 }) ?? true { first = a }
      if last.map({ b > $0 }) ?? true { last = b }
    }
    let levels = forecasts.first?.levels ?? []
    let inputs = ReportTable(
      caption: nil,
      keyValues: [
        ("Data", .text(source)), ("Frequency", .text(frequencyName)), ("Series", .integer(n)),
        ("Observations", .integer(observations)),
        ("Periods", .text([first, last].compactMap { $0.map { PeriodLabels.label($0, frequency: panel.frequency) } }.joined(separator: " – "))),
        ("Horizon", .text("\(h) periods")),
        ("Interval levels", .text(levels.map { NumberLabels.trimZeros(NumberLabels.grouped($0, fractionDigits: 1)) + "%" }.joined(separator: ", "))),
        ("Models used", .text(modelSummary)),
      ])

    var charts: [ReportBlock] = []
    let shown = order.prefix(max(maximumCharts, 0))
    for i in shown {
      charts.append(.chart(fanChart(for: i), caption: methods.indices.contains(i) && !methods[i].isEmpty ? "Model: \(methods[i])." : nil))
    }
    if n > shown.count {
      charts.append(.paragraph("Charts show the \(shown.count) largest of \(n) series by the total of the last \(h) periods."))
    }

    let widest = levels.indices.last
    var header = ["Series", "Model", "Last \(h) actual", "Next \(h) forecast", "Change", "Next period"]
    if let widest { header.append("\(NumberLabels.trimZeros(NumberLabels.grouped(levels[widest], fractionDigits: 1)))% interval, next period") }
    var rows: [[ReportCell]] = []
    for i in order {
      let f = forecasts[i]
      let recent = recentTotal(i)
      let ahead = ForecastReport.finiteSum(f.mean)
      var row: [ReportCell] = [
        .text(panel.ids[i]), .text(methods.indices.contains(i) ? methods[i] : ""), .number(recent, .compact),
        .number(ahead, .compact), recent != 0 ? .number(ahead / recent - 1, .percent(fractionDigits: 1)) : .text(""),
        .number(f.mean.first ?? .nan, .compact),
      ]
      if let widest {
        let lo = f.lower.indices.contains(widest) ? f.lower[widest].first ?? .nan : .nan
        let hi = f.upper.indices.contains(widest) ? f.upper[widest].first ?? .nan : .nan
        row.append(.text("\(NumberLabels.compact(lo)) – \(NumberLabels.compact(hi))"))
      }
      rows.append(row)
    }
    let table = ReportTable(caption: nil, header: header, rows: rows, note: "Sorted by the total of the last \(h) periods.")

    var sections = [
      ReportSection(heading: "Summary", blocks: summary),
      ReportSection(heading: "Inputs", blocks: [.table(inputs)]),
      ReportSection(heading: "Forecasts", blocks: charts.isEmpty ? [.paragraph("No series to show.")] : charts),
      ReportSection(heading: "Forecast table", blocks: [.table(table)]),
    ]
    if !warnings.isEmpty {
      sections.append(ReportSection(heading: "Warnings", blocks: warnings.map { .paragraph($0) }))
    }
    return sections
  }

  /// The fan chart of series `i`: the most recent `maximumHistory` observations, the forecast and its
  /// bands, with calendar-aligned period labels.
  public func fanChart(for i: Int) -> FanChart {
    let values = panel.values(of: i)
    let shownHistory = min(values.count, max(maximumHistory, 1))
    let skip = values.count - shownHistory
    let f = forecasts[i]
    var stamps: [PeriodStamp] = (skip..<values.count).map { panel.stamp(of: i, at: $0) }
    let last = values.isEmpty ? panel.starts[i].advanced(by: -1, frequency: panel.frequency) : panel.lastStamp(of: i)
    stamps += (1...max(f.mean.count, 1)).prefix(f.mean.count).map { last.advanced(by: $0, frequency: panel.frequency) }
    let bands = f.levels.indices.compactMap { k -> IntervalBand? in
      guard f.lower.indices.contains(k), f.upper.indices.contains(k) else { return nil }
      return IntervalBand(level: f.levels[k], lower: f.lower[k], upper: f.upper[k])
    }
    let labels = PeriodLabels.labels(stamps, frequency: panel.frequency)
    let longest = labels.map { ChartFrame.textWidth($0, size: 11) }.max() ?? 40
    let indices = PeriodLabels.tickIndices(stamps, frequency: panel.frequency, maximumLabels: max(Int(600 / (longest + 16)), 2))
    return FanChart(
      title: panel.ids[i], history: Array(values.suffix(shownHistory)), forecast: f.mean, bands: bands,
      periodLabels: labels, labelIndices: indices, height: 300)
  }

  /// The complete one-file report.
  public func report(title: String, subtitle: String? = nil, footer: String? = nil) -> HTMLReport {
    HTMLReport(title: title, subtitle: subtitle, sections: sections(), footer: footer)
  }
}
