import AttainWorkflow

/// A forecast fan chart: the history, the point forecast and nested shaded prediction bands.
///
/// Periods are laid out left to right: `history.count` observed periods, then `forecast.count` future
/// periods. The bands (any levels, e.g. 50/80/95 %) are drawn widest first with stacked translucent
/// fills, so narrower bands appear darker; each band starts at the last observation, where the
/// uncertainty is zero. Non-finite values are skipped (lines and bands break there).
///
/// Reference for the display: R. J. Hyndman and G. Athanasopoulos, *Forecasting: Principles and
/// Practice*, 3rd ed., §5.5 (prediction intervals shown as shaded fans).
public struct FanChart: Sendable {
  /// Chart title.
  public var title: String
  /// Observed values, oldest first.
  public var history: [Double]
  /// Point forecasts for the following periods.
  public var forecast: [Double]
  /// Prediction interval bands over the forecast periods (any number, any order).
  public var bands: [IntervalBand]
  /// One label per period (history then forecast); when the count does not match, periods are
  /// numbered 1, 2, ….
  public var periodLabels: [String]
  /// Which periods to label (indices into the periods); nil chooses an even stride. Use
  /// `PeriodLabels.tickIndices` for calendar-aligned labels.
  public var labelIndices: [Int]?
  /// Title of the value axis, e.g. "Sales (units)".
  public var valueAxisTitle: String?
  /// Title of the time axis.
  public var timeAxisTitle: String?
  /// How values are printed on the axis.
  public var valueFormat: ValueFormat
  /// Width in SVG user units (CSS pixels).
  public var width: Double
  /// Height in SVG user units (CSS pixels).
  public var height: Double

  /// A fan chart with sensible defaults (720 × 360, compact value labels).
  public init(
    title: String, history: [Double], forecast: [Double], bands: [IntervalBand] = [], periodLabels: [String] = [],
    labelIndices: [Int]? = nil, valueAxisTitle: String? = nil, timeAxisTitle: String? = nil,
    valueFormat: ValueFormat = .compact, width: Double = 720, height: Double = 360
  ) {
    self.title = title
    self.history = history
    self.forecast = forecast
    self.bands = bands
    self.periodLabels = periodLabels
    self.labelIndices = labelIndices
    self.valueAxisTitle = valueAxisTitle
    self.timeAxisTitle = timeAxisTitle
    self.valueFormat = valueFormat
    self.width = width
    self.height = height
  }

  /// The chart as a standalone SVG element.
  /// - Complexity: O((history + forecast) × bands).
  public func svg() -> String {
    let n = history.count
    let h = forecast.count
    let total = n + h
    let sortedBands = bands.sorted { $0.level > $1.level }
    var frame = ChartFrame(
      width: width, height: height, hasLegend: true, hasXAxisLabel: timeAxisTitle != nil,
      hasYAxisLabel: valueAxisTitle != nil)
    var svg = SVGWriter(width: frame.width, height: frame.height)
    frame.drawTitle(title, into: &svg)
    let description = "Forecast fan chart: \(n) observed and \(h) forecast periods, \(bands.count) interval bands."
    guard total > 0, let (lo, hi) = finiteExtent([history, forecast] + sortedBands.flatMap { [$0.lower, $0.upper] })
    else {
      frame.drawEmpty(into: &svg)
      return svg.document(title: title, description: description)
    }
    let ticks = frame.yTicks(minimum: lo, maximum: hi)
    let tickLabels = valueFormat.tickLabels(ticks.values, step: ticks.step)
    let labelWidth = tickLabels.map { ChartFrame.textWidth($0, size: 11) }.max() ?? 30
    frame = ChartFrame(
      width: width, height: height, yLabelWidth: max(labelWidth, 24), hasLegend: true,
      hasXAxisLabel: timeAxisTitle != nil, hasYAxisLabel: valueAxisTitle != nil)
    let y = LinearScale(domain: (ticks.lower, ticks.upper), range: (frame.bottom, frame.top))
    let x = LinearScale(domain: (0, Double(max(total - 1, 1))), range: (frame.left + 6, frame.right - 6))
    func px(_ i: Int) -> Double { total == 1 ? (frame.left + frame.right) / 2 : x(Double(i)) }

    var legend: [LegendItem] = []
    if n > 0 { legend.append(LegendItem(label: "History", swatch: .line(color: ChartPalette.black, dash: nil, width: 1.75))) }
    if h > 0 { legend.append(LegendItem(label: "Forecast", swatch: .line(color: ChartPalette.blue, dash: nil, width: 2.25))) }
    let opacity = 0.2
    for (k, band) in sortedBands.enumerated() {
      legend.append(LegendItem(label: band.label, swatch: .area(color: ChartPalette.skyBlue, opacity: opacity * Double(k + 1) + 0.05)))
    }
    frame.drawLegend(legend, into: &svg)
    frame.drawYAxis(ticks: ticks.values, labels: tickLabels, scale: y, title: valueAxisTitle, into: &svg)

    // Forecast origin marker.
    if n > 0 && h > 0 {
      let x0 = px(n - 1)
      svg.line(x0, frame.top, x0, frame.bottom, stroke: "#BDBDBD", width: 1, dash: "3 3", className: "origin")
    }

    // Bands: anchored at the last observation when it is finite.
    let anchor: (Double, Double)? = n > 0 && history[n - 1].isFinite ? (px(n - 1), y.clamped(history[n - 1])) : nil
    svg.openGroup("class=\"bands\"")
    for band in sortedBands {
      let m = min(band.lower.count, band.upper.count, h)
      var upper: [(Double, Double)] = []
      var lower: [(Double, Double)] = []
      for i in 0..<m {
        let a = band.lower[i]
        let b = band.upper[i]
        let ok = a.isFinite && b.isFinite
        upper.append(ok ? (px(n + i), y.clamped(max(a, b))) : (.nan, .nan))
        lower.append(ok ? (px(n + i), y.clamped(min(a, b))) : (.nan, .nan))
      }
      // Each finite run becomes one polygon; the first run is joined to the anchor.
      var start = 0
      while start < m {
        guard upper[start].0.isFinite else { start += 1; continue }
        var end = start
        while end < m && upper[end].0.isFinite { end += 1 }
        var top = Array(upper[start..<end])
        var bottom = Array(lower[start..<end])
        if start == 0, let anchor {
          top.insert(anchor, at: 0)
          bottom.insert(anchor, at: 0)
        }
        svg.polygon(top + bottom.reversed(), fill: ChartPalette.skyBlue, opacity: opacity, className: "band")
        start = end
      }
    }
    svg.closeGroup()

    // History and forecast lines.
    let historyPoints = history.enumerated().map { (px($0.offset), $0.element.isFinite ? y.clamped($0.element) : .nan) }
    for run in finiteRuns(historyPoints) {
      if run.count == 1 {
        svg.circle(run[0].0, run[0].1, r: 2.5, fill: ChartPalette.black, stroke: "none")
      } else {
        svg.polyline(run, stroke: ChartPalette.black, width: 1.75, className: "history")
      }
    }
    var forecastPoints = forecast.enumerated().map { (px(n + $0.offset), $0.element.isFinite ? y.clamped($0.element) : .nan) }
    if let anchor { forecastPoints.insert(anchor, at: 0) }
    for run in finiteRuns(forecastPoints) {
      if run.count == 1 {
        svg.circle(run[0].0, run[0].1, r: 3, fill: ChartPalette.blue, stroke: "none")
      } else {
        svg.polyline(run, stroke: ChartPalette.blue, width: 2.25, className: "forecast")
      }
    }

    // Time axis.
    let labels = periodLabels.count == total ? periodLabels : (1...total).map(String.init)
    let maxLabel = labels.map { ChartFrame.textWidth($0, size: 11) }.max() ?? 20
    let indices = labelIndices?.filter { $0 >= 0 && $0 < total }
      ?? PeriodLabels.tickIndices(count: total, maximumLabels: max(Int(frame.plotWidth / (maxLabel + 14)), 1))
    frame.drawCategoryXAxis(positions: indices.map { (px($0), labels[$0]) }, title: timeAxisTitle, into: &svg)
    return svg.document(title: title, description: description)
  }
}
