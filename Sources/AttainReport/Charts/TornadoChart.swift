import AttainWorkflow

/// A tornado chart of scenario sensitivities: for each adjustment a bar from the baseline outcome to
/// the outcome at its low setting and one to its high setting, sorted by range (largest on top).
///
/// Reference: the one-way sensitivity display of decision analysis, e.g. R. T. Clemen and T. Reilly,
/// *Making Hard Decisions*, 3rd ed., ch. 5. Bars with non-finite outcomes are dropped.
public struct TornadoChart: Sendable {
  /// Chart title.
  public var title: String
  /// The outcome in the base scenario (e.g. P(attain) at the recommended target).
  public var baseline: Double
  /// Adjustments, any order.
  public var bars: [TornadoBar]
  /// Title of the outcome axis.
  public var outcomeAxisTitle: String?
  /// How outcomes are printed (default: percentages, for P(attain)).
  public var valueFormat: ValueFormat
  /// Width in SVG user units (CSS pixels).
  public var width: Double
  /// Height in SVG user units; nil grows it with the number of bars (34 per bar plus margins).
  public var height: Double?

  /// A tornado chart around `baseline`.
  public init(
    title: String, baseline: Double, bars: [TornadoBar], outcomeAxisTitle: String? = "P(attain)",
    valueFormat: ValueFormat = .percent(fractionDigits: 0), width: Double = 720, height: Double? = nil
  ) {
    self.title = title
    self.baseline = baseline
    self.bars = bars
    self.outcomeAxisTitle = outcomeAxisTitle
    self.valueFormat = valueFormat
    self.width = width
    self.height = height
  }

  /// The bars in drawing order: finite outcomes only, largest range first (stable for ties).
  public var sortedBars: [TornadoBar] {
    bars.enumerated()
      .filter { $0.element.low.isFinite && $0.element.high.isFinite }
      .sorted { $0.element.range != $1.element.range ? $0.element.range > $1.element.range : $0.offset < $1.offset }
      .map(\.element)
  }

  /// The chart as a standalone SVG element; two `<rect class="bar-low|bar-high">` per adjustment.
  public func svg() -> String {
    let rows = sortedBars
    let rowHeight = 34.0
    let chartHeight = height ?? max(Double(rows.count) * rowHeight + 110, 180)
    let nameWidth = min(max(rows.map { ChartFrame.textWidth($0.name, size: 12) }.max() ?? 60, 60), (width.isFinite ? max(width, 160) : 720) * 0.3)
    var frame = ChartFrame(
      width: width, height: chartHeight, yLabelWidth: nameWidth, hasLegend: true, hasXAxisLabel: outcomeAxisTitle != nil,
      hasYAxisLabel: false)
    frame.right -= 24
    var svg = SVGWriter(width: frame.width, height: frame.height)
    frame.drawTitle(title, into: &svg)
    let description = "Tornado chart: effect of \(rows.count) adjustments on the outcome, largest first."
    let base = baseline.isFinite ? baseline : nil
    guard let (lo, hi) = finiteExtent([rows.map(\.low), rows.map(\.high), base.map { [$0] } ?? []]), !rows.isEmpty else {
      frame.drawEmpty(into: &svg)
      return svg.document(title: title, description: description)
    }
    frame.drawLegend(
      [
        LegendItem(label: "Low setting", swatch: .area(color: ChartPalette.orange, opacity: 0.9)),
        LegendItem(label: "High setting", swatch: .area(color: ChartPalette.blue, opacity: 0.9)),
      ], into: &svg)
    let ticks = NiceTicks(minimum: lo, maximum: hi, count: max(Int(frame.plotWidth / 80), 3))
    let x = LinearScale(domain: (ticks.lower, ticks.upper), range: (frame.left, frame.right))
    frame.drawXAxis(
      ticks: ticks.values, labels: valueFormat.tickLabels(ticks.values, step: ticks.step), scale: x,
      title: outcomeAxisTitle, grid: true, into: &svg)

    let band = frame.plotHeight / Double(rows.count)
    let barHeight = min(band * 0.62, 22)
    let origin = x.clamped(base ?? ticks.lower)
    for (i, bar) in rows.enumerated() {
      let cy = frame.top + band * (Double(i) + 0.5)
      // Names longer than the label column are shortened with an ellipsis (the tooltip keeps the full name).
      let maxCharacters = max(Int((nameWidth / (12 * 0.56)).rounded()), 4)
      let name = bar.name.count > maxCharacters ? String(bar.name.prefix(maxCharacters - 1)) + "…" : bar.name
      svg.text(name, x: frame.left - 10, y: cy + 4, anchor: .end, fill: ChartPalette.text, className: "bar-name")
      for (value, color, cls, setting) in [
        (bar.low, ChartPalette.orange, "bar-low", bar.lowSetting), (bar.high, ChartPalette.blue, "bar-high", bar.highSetting),
      ] {
        let v = x.clamped(value)
        let x0 = min(origin, v)
        let w = max(abs(v - origin), 1)
        let tip = "\(bar.name), \(setting ?? (cls == "bar-low" ? "low" : "high")): \(valueFormat.label(value))"
        svg.rect(x0, cy - barHeight / 2, w, barHeight, fill: color, opacity: 0.9, className: cls, tooltip: tip)
        var label = valueFormat.label(value)
        if let setting { label = "\(setting): \(label)" }
        // A bar of zero width labels itself on the side away from the other bar.
        let other = x.clamped(cls == "bar-low" ? bar.high : bar.low)
        let onRight = abs(v - origin) < 0.5 ? other < origin : v >= origin
        let lw = ChartFrame.textWidth(label, size: 11)
        // Put the value label outside the bar end, or inside if there is no room.
        var lx = onRight ? v + 5 : v - 5
        var anchor: SVGWriter.Anchor = onRight ? .start : .end
        var inside = false
        if onRight && lx + lw > frame.width - 4 { lx = v - 5; anchor = .end; inside = true }
        if !onRight && lx - lw < frame.left { lx = v + 5; anchor = .start; inside = true }
        // Inside a bar: dark text on orange, white text on blue (both ≥ 4.5:1 contrast).
        let fill = inside ? (color == ChartPalette.blue ? "#FFFFFF" : ChartPalette.text) : ChartPalette.mutedText
        svg.text(label, x: lx, y: cy + 4, anchor: anchor, size: 11, fill: fill, className: "value-label", halo: !inside)
      }
    }
    if let base {
      let bx = x.clamped(base)
      svg.line(bx, frame.top - 4, bx, frame.bottom, stroke: ChartPalette.black, width: 1.5, className: "baseline")
      svg.text(
        "Base \(valueFormat.label(base))", x: bx, y: frame.top - 8, anchor: .middle, size: 11, weight: "600",
        className: "baseline-label")
    }
    return svg.document(title: title, description: description)
  }
}
