import AttainWorkflow

/// A burn-up chart for tracking a target through a plan period: cumulative actuals so far, the
/// cumulative target path, the final target, and the simulated landing band (quantiles of the
/// cumulative total over the remaining periods).
///
/// Periods `0..<periodCount` span the plan; actuals cover the first `cumulativeActuals.count` of them
/// and the landing bands the rest, anchored at the last actual. Non-finite values are skipped.
public struct BurnUpChart: Sendable {
  /// Chart title.
  public var title: String
  /// One label per plan period; when the count does not match `periodCount`, periods are numbered.
  public var periodLabels: [String]
  /// Cumulative actual totals for the elapsed periods.
  public var cumulativeActuals: [Double]
  /// Cumulative target path for every plan period (its last value is usually the target).
  public var targetPath: [Double]
  /// The final target, drawn as a horizontal line (nil: none).
  public var target: Double?
  /// Bands of the simulated cumulative total for the remaining periods (e.g. 50 % and 90 %).
  public var landingBands: [IntervalBand]
  /// Median simulated cumulative total for the remaining periods (optional).
  public var landingMedian: [Double]
  /// Which periods to label; nil chooses an even stride.
  public var labelIndices: [Int]?
  /// Title of the value axis.
  public var valueAxisTitle: String?
  /// How values are printed.
  public var valueFormat: ValueFormat
  /// Width in SVG user units (CSS pixels).
  public var width: Double
  /// Height in SVG user units (CSS pixels).
  public var height: Double

  /// A burn-up chart; see the property documentation for the meaning of each input.
  public init(
    title: String, periodLabels: [String] = [], cumulativeActuals: [Double], targetPath: [Double], target: Double? = nil,
    landingBands: [IntervalBand] = [], landingMedian: [Double] = [], labelIndices: [Int]? = nil,
    valueAxisTitle: String? = nil, valueFormat: ValueFormat = .compact, width: Double = 720, height: Double = 360
  ) {
    self.title = title
    self.periodLabels = periodLabels
    self.cumulativeActuals = cumulativeActuals
    self.targetPath = targetPath
    self.target = target
    self.landingBands = landingBands
    self.landingMedian = landingMedian
    self.labelIndices = labelIndices
    self.valueAxisTitle = valueAxisTitle
    self.valueFormat = valueFormat
    self.width = width
    self.height = height
  }

  /// Running sums of per-period values (non-finite values count as zero), for callers holding
  /// per-period actuals or targets.
  /// - Complexity: O(n).
  public static func cumulative(_ perPeriod: [Double]) -> [Double] {
    var sum = 0.0
    return perPeriod.map { v in
      if v.isFinite { sum += v }
      return sum
    }
  }

  /// Number of plan periods: the longest of the target path, the labels, and actuals + remaining bands.
  public var periodCount: Int {
    let remaining = max(landingBands.map { min($0.lower.count, $0.upper.count) }.max() ?? 0, landingMedian.count)
    return max(targetPath.count, periodLabels.count, cumulativeActuals.count + remaining)
  }

  /// The chart as a standalone SVG element.
  public func svg() -> String {
    let total = periodCount
    let k = cumulativeActuals.count
    let sortedBands = landingBands.sorted { $0.level > $1.level }
    var frame = ChartFrame(
      width: width, height: height, hasLegend: true, hasXAxisLabel: false, hasYAxisLabel: valueAxisTitle != nil)
    var svg = SVGWriter(width: frame.width, height: frame.height)
    frame.drawTitle(title, into: &svg)
    let description = "Burn-up chart: \(k) of \(total) periods elapsed, cumulative actuals against the target path."
    let finalTarget = target.flatMap { $0.isFinite ? $0 : nil }
    var arrays = [cumulativeActuals, targetPath, landingMedian] + sortedBands.flatMap { [$0.lower, $0.upper] }
    if let finalTarget { arrays.append([finalTarget]) }
    guard total > 0, let (dataLo, hi) = finiteExtent(arrays) else {
      frame.drawEmpty(into: &svg)
      return svg.document(title: title, description: description)
    }
    let lo = min(dataLo, 0)  // burn-up charts start from zero
    let ticks = frame.yTicks(minimum: lo, maximum: hi)
    let tickLabels = valueFormat.tickLabels(ticks.values, step: ticks.step)
    frame = ChartFrame(
      width: width, height: height, yLabelWidth: max(tickLabels.map { ChartFrame.textWidth($0, size: 11) }.max() ?? 30, 24),
      hasLegend: true, hasXAxisLabel: false, hasYAxisLabel: valueAxisTitle != nil)
    frame.right -= 84  // room for the end labels
    let y = LinearScale(domain: (ticks.lower, ticks.upper), range: (frame.bottom, frame.top))
    let x = LinearScale(domain: (0, Double(max(total - 1, 1))), range: (frame.left + 6, frame.right))
    func px(_ i: Int) -> Double { total == 1 ? (frame.left + frame.right) / 2 : x(Double(i)) }

    var legend = [
      LegendItem(label: "Actual", swatch: .line(color: ChartPalette.black, dash: nil, width: 2.5)),
      LegendItem(label: "Target path", swatch: .line(color: ChartPalette.vermillion, dash: "6 4", width: 2)),
    ]
    if !landingMedian.isEmpty {
      legend.append(LegendItem(label: "Median landing", swatch: .line(color: ChartPalette.blue, dash: "2 3", width: 2)))
    }
    for (i, band) in sortedBands.enumerated() {
      legend.append(
        LegendItem(
          label: NumberLabels.trimZeros(NumberLabels.grouped(band.level, fractionDigits: 1)) + "% landing range",
          swatch: .area(color: ChartPalette.skyBlue, opacity: 0.22 * Double(i + 1) + 0.05)))
    }
    frame.drawLegend(legend, into: &svg)
    frame.drawYAxis(ticks: ticks.values, labels: tickLabels, scale: y, title: valueAxisTitle, into: &svg)

    // "Now" marker after the last elapsed period.
    if k > 0 && k < total {
      let nx = px(k - 1)
      svg.line(nx, frame.top, nx, frame.bottom, stroke: "#BDBDBD", width: 1, dash: "3 3", className: "now")
      svg.text("Now", x: nx, y: frame.top - 4, anchor: .middle, size: 11, fill: ChartPalette.mutedText)
    }

    let anchor: (Double, Double)? = k > 0 && cumulativeActuals[k - 1].isFinite ? (px(k - 1), y.clamped(cumulativeActuals[k - 1])) : nil
    svg.openGroup("class=\"bands\"")
    for band in sortedBands {
      let m = min(band.lower.count, band.upper.count, total - k)
      var top: [(Double, Double)] = []
      var bottom: [(Double, Double)] = []
      if let anchor { top.append(anchor); bottom.append(anchor) }
      for i in 0..<max(m, 0) where band.lower[i].isFinite && band.upper[i].isFinite {
        top.append((px(k + i), y.clamped(max(band.lower[i], band.upper[i]))))
        bottom.append((px(k + i), y.clamped(min(band.lower[i], band.upper[i]))))
      }
      if top.count >= 2 {
        svg.polygon(top + bottom.reversed(), fill: ChartPalette.skyBlue, opacity: 0.22, className: "band")
      }
    }
    svg.closeGroup()

    // End labels (target, median landing) at the right edge, pushed apart when they would collide.
    var endLabels: [(y: Double, text: String, color: String, className: String)] = []
    if let finalTarget {
      let ty = y.clamped(finalTarget)
      svg.line(frame.left, ty, frame.right, ty, stroke: ChartPalette.vermillion, width: 1, dash: "2 3", className: "target")
      endLabels.append((ty, "Target \(valueFormat.label(finalTarget))", "#A64800", "target-label"))
    }
    let targetPoints = targetPath.prefix(total).enumerated().map { (px($0.offset), $0.element.isFinite ? y.clamped($0.element) : .nan) }
    for run in finiteRuns(targetPoints) where run.count >= 2 {
      svg.polyline(run, stroke: ChartPalette.vermillion, width: 2, dash: "6 4", className: "target-path")
    }
    if !landingMedian.isEmpty {
      var median = landingMedian.prefix(max(total - k, 0)).enumerated().map {
        (px(k + $0.offset), $0.element.isFinite ? y.clamped($0.element) : .nan)
      }
      if let anchor { median.insert(anchor, at: 0) }
      for run in finiteRuns(median) where run.count >= 2 {
        svg.polyline(run, stroke: ChartPalette.blue, width: 2, dash: "2 3", className: "median")
      }
      if let last = median.last, last.1.isFinite, let value = landingMedian.last, value.isFinite,
        k + landingMedian.count >= total
      {
        endLabels.append((last.1, "Median \(valueFormat.label(value))", ChartPalette.blue, "median-label"))
      }
    }
    let actualPoints = cumulativeActuals.prefix(total).enumerated().map { (px($0.offset), $0.element.isFinite ? y.clamped($0.element) : .nan) }
    for run in finiteRuns(actualPoints) {
      if run.count == 1 {
        svg.circle(run[0].0, run[0].1, r: 3.5, fill: ChartPalette.black, className: "actual")
      } else {
        svg.polyline(run, stroke: ChartPalette.black, width: 2.5, className: "actual")
      }
    }
    if let anchor { svg.circle(anchor.0, anchor.1, r: 4, fill: ChartPalette.black) }
    endLabels.sort { $0.y < $1.y }
    var placed: [Double] = []
    for label in endLabels {
      var ly = label.y + 4
      if let previous = placed.last, ly < previous + 13 { ly = previous + 13 }
      ly = min(max(ly, frame.top + 4), frame.bottom)
      placed.append(ly)
      svg.text(label.text, x: frame.right + 6, y: ly, size: 11, weight: "600", fill: label.color, className: label.className, halo: true)
    }

    let labels = periodLabels.count == total ? periodLabels : (1...total).map(String.init)
    let maxLabel = labels.map { ChartFrame.textWidth($0, size: 11) }.max() ?? 20
    let indices = labelIndices?.filter { $0 >= 0 && $0 < total }
      ?? PeriodLabels.tickIndices(count: total, maximumLabels: max(Int(frame.plotWidth / (maxLabel + 14)), 1))
    frame.drawCategoryXAxis(positions: indices.map { (px($0), labels[$0]) }, title: nil, into: &svg)
    return svg.document(title: title, description: description)
  }
}
