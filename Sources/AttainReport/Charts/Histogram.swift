import Foundation

/// One histogram bin: values in `lower ..< upper` (the last bin also holds its upper edge).
public struct HistogramBin: Sendable, Hashable {
  /// Left edge.
  public var lower: Double
  /// Right edge.
  public var upper: Double
  /// Number of values in the bin.
  public var count: Int
}

/// A histogram of simulated totals with the target marked and the share of simulations at or above
/// it ("P(total ≥ target)").
///
/// Bins are equal-width over the finite data range; the default bin count follows the
/// Freedman–Diaconis rule (width 2·IQR·n^(−1/3); D. Freedman and P. Diaconis, *Z. Wahrscheinlichkeits-
/// theorie verw. Gebiete* 57, 1981), clamped to 5…60. Non-finite values are ignored.
public struct Histogram: Sendable {
  /// Chart title.
  public var title: String
  /// The simulated values.
  public var values: [Double]
  /// Requested number of bins (nil: Freedman–Diaconis, clamped to 5…60).
  public var binCount: Int?
  /// The target to mark (nil: none).
  public var target: Double?
  /// Title of the value axis.
  public var valueAxisTitle: String?
  /// How values are printed.
  public var valueFormat: ValueFormat
  /// Width in SVG user units (CSS pixels).
  public var width: Double
  /// Height in SVG user units (CSS pixels).
  public var height: Double

  /// A histogram of `values`.
  public init(
    title: String, values: [Double], binCount: Int? = nil, target: Double? = nil, valueAxisTitle: String? = nil,
    valueFormat: ValueFormat = .compact, width: Double = 720, height: Double = 360
  ) {
    self.title = title
    self.values = values
    self.binCount = binCount
    self.target = target
    self.valueAxisTitle = valueAxisTitle
    self.valueFormat = valueFormat
    self.width = width
    self.height = height
  }

  /// The share of finite values ≥ `target` (nil without a finite target or finite values).
  /// - Complexity: O(n).
  public var shareAtOrAbove: Double? {
    guard let target, target.isFinite else { return nil }
    var n = 0
    var above = 0
    for v in values where v.isFinite {
      n += 1
      if v >= target { above += 1 }
    }
    return n == 0 ? nil : Double(above) / Double(n)
  }

  /// The bins drawn by `svg()` (empty when no value is finite).
  /// - Complexity: O(n log n) for the default bin count (quantiles), O(n) otherwise.
  public func bins() -> [HistogramBin] {
    let finite = values.filter { $0.isFinite }
    guard var lo = finite.min(), var hi = finite.max() else { return [] }
    if hi - lo <= max(abs(lo), abs(hi)) * 1e-12 {
      let pad = max(abs(lo) * 0.05, 0.5)
      lo -= pad
      hi += pad
    }
    let k: Int
    if let binCount {
      k = min(max(binCount, 1), 1000)
    } else {
      let sorted = finite.sorted()
      let iqr = AttainmentCurve.quantile(sorted, 0.75) - AttainmentCurve.quantile(sorted, 0.25)
      let width = 2 * iqr / cbrt(Double(sorted.count))
      let ratio = ((hi - lo) / width).rounded(.up)
      let fd = width > 0 && ratio.isFinite ? Int(min(ratio, 1_000)) : 0
      let sturges = Int(log2(Double(sorted.count)).rounded(.up)) + 1
      k = min(max(fd > 0 ? fd : sturges, 5), 60)
    }
    let width = (hi - lo) / Double(k)
    var counts = [Int](repeating: 0, count: k)
    for v in finite {
      let position = ((v - lo) / width).rounded(.down)
      let i = position.isFinite ? Int(min(max(position, 0), Double(k - 1))) : (v > lo ? k - 1 : 0)
      counts[i] += 1
    }
    return (0..<k).map { i in
      HistogramBin(
        lower: lo + Double(i) * width, upper: i == k - 1 ? hi : lo + Double(i + 1) * width, count: counts[i])
    }
  }

  /// The chart as a standalone SVG element; one `<rect class="bar">` per bin.
  public func svg() -> String {
    let bins = bins()
    let total = bins.reduce(0) { $0 + $1.count }
    let share = shareAtOrAbove
    var frame = ChartFrame(
      width: width, height: height, yLabelWidth: 36, hasLegend: target != nil, hasXAxisLabel: valueAxisTitle != nil,
      hasYAxisLabel: true)
    var svg = SVGWriter(width: frame.width, height: frame.height)
    frame.drawTitle(title, into: &svg)
    let description = "Histogram of \(total) simulated values in \(bins.count) bins."
    guard let first = bins.first, let last = bins.last, total > 0 else {
      frame.drawEmpty(into: &svg)
      return svg.document(title: title, description: description)
    }
    let maxShare = Double(bins.map(\.count).max() ?? 0) / Double(total)
    let yTicks = frame.yTicks(minimum: 0, maximum: maxShare)
    let yLabels = ValueFormat.percent(fractionDigits: 0).tickLabels(yTicks.values, step: yTicks.step)
    frame = ChartFrame(
      width: width, height: height, yLabelWidth: max(yLabels.map { ChartFrame.textWidth($0, size: 11) }.max() ?? 30, 24),
      hasLegend: target != nil, hasXAxisLabel: valueAxisTitle != nil, hasYAxisLabel: true)
    var domainLo = first.lower
    var domainHi = last.upper
    if let target, target.isFinite {
      // Show the target even when it lies outside the simulated range (within reason).
      let span = domainHi - domainLo
      domainLo = min(domainLo, max(target, domainLo - span))
      domainHi = max(domainHi, min(target, domainHi + span))
    }
    let xTicks = NiceTicks(minimum: domainLo, maximum: domainHi, count: max(Int(frame.plotWidth / 90), 3))
    let x = LinearScale(domain: (xTicks.lower, xTicks.upper), range: (frame.left, frame.right))
    let y = LinearScale(domain: (0, yTicks.upper), range: (frame.bottom, frame.top))

    let aboveColor = ChartPalette.bluishGreen
    let belowColor = ChartPalette.skyBlue
    if let target, target.isFinite {
      var legend = [
        LegendItem(label: "Below target", swatch: .area(color: belowColor, opacity: 0.85)),
        LegendItem(label: "At or above target", swatch: .area(color: aboveColor, opacity: 0.85)),
      ]
      legend.append(LegendItem(label: "Target", swatch: .line(color: ChartPalette.vermillion, dash: "6 4", width: 2)))
      frame.drawLegend(legend, into: &svg)
    }
    frame.drawYAxis(ticks: yTicks.values, labels: yLabels, scale: y, title: "Share of simulations", into: &svg)

    svg.openGroup("class=\"bars\"")
    for bin in bins {
      let x0 = x.clamped(bin.lower)
      let x1 = x.clamped(bin.upper)
      let s = Double(bin.count) / Double(total)
      let top = y.clamped(s)
      let gap = x1 - x0 > 4 ? 1.0 : 0
      let center = (bin.lower + bin.upper) / 2
      let color = target.map { $0.isFinite && center >= $0 } == true ? aboveColor : belowColor
      let tip = "\(valueFormat.label(bin.lower))–\(valueFormat.label(bin.upper)): \(NumberLabels.grouped(Double(bin.count))) (\(NumberLabels.percent(s, fractionDigits: 1)))"
      svg.rect(x0 + gap / 2, top, max(x1 - x0 - gap, 0.5), frame.bottom - top, fill: color, opacity: 0.85, className: "bar", tooltip: tip)
    }
    svg.closeGroup()
    frame.drawXAxis(
      ticks: xTicks.values, labels: valueFormat.tickLabels(xTicks.values, step: xTicks.step), scale: x,
      title: valueAxisTitle, grid: false, into: &svg)

    if let target, target.isFinite {
      let tx = x.clamped(target)
      svg.line(tx, frame.top, tx, frame.bottom, stroke: ChartPalette.vermillion, width: 2, dash: "6 4", className: "target")
      var label = "Target \(valueFormat.label(target))"
      if let share { label += " · \(NumberLabels.percent(share, fractionDigits: 1)) at or above" }
      let w = ChartFrame.textWidth(label, size: 12)
      let onRight = tx + 8 + w <= frame.right
      svg.text(
        label, x: onRight ? tx + 8 : tx - 8, y: frame.top + 14, anchor: onRight ? .start : .end, weight: "600",
        fill: "#A64800", className: "target-label", halo: true)
    }
    return svg.document(title: title, description: description)
  }
}
