/// Shared layout of the cartesian charts: margins, plot area, title, legend, axes and grid.
///
/// The plot area is the rectangle `left…right × top…bottom` in SVG user units (y grows downwards).
struct ChartFrame {
  let width: Double
  let height: Double
  var left: Double
  var right: Double
  var top: Double
  var bottom: Double

  /// A frame for a chart of `width × height` with room for a title, a legend row, y tick labels
  /// of `yLabelWidth` and an x axis with labels.
  init(width: Double, height: Double, yLabelWidth: Double = 52, hasLegend: Bool, hasXAxisLabel: Bool, hasYAxisLabel: Bool) {
    // Non-finite or absurd sizes fall back to the defaults / a sane range.
    self.width = width.isFinite ? min(max(width, 160), 20_000) : 720
    self.height = height.isFinite ? min(max(height, 120), 20_000) : 360
    let labelWidth = yLabelWidth.isFinite ? min(max(yLabelWidth, 0), self.width * 0.3) : 52
    left = labelWidth + (hasYAxisLabel ? 22 : 6) + 4
    right = self.width - 20
    top = hasLegend ? 62 : 44
    bottom = self.height - (hasXAxisLabel ? 46 : 28)
  }

  var plotWidth: Double { right - left }
  var plotHeight: Double { bottom - top }

  /// Approximate rendered width of `text` at `size` px in a sans-serif UI font (0.56 em per character).
  static func textWidth(_ text: String, size: Double = 12) -> Double {
    Double(text.count) * size * 0.56
  }

  /// Title (top left, bold) and optional subtitle to its right in muted grey.
  func drawTitle(_ title: String, into svg: inout SVGWriter) {
    svg.text(title, x: 12, y: 24, size: 15, weight: "600", className: "chart-title")
  }

  /// Legend entries in one row under the title, starting at the plot's left edge.
  func drawLegend(_ items: [LegendItem], into svg: inout SVGWriter) {
    guard !items.isEmpty else { return }
    var x = left
    let y = 44.0
    svg.openGroup("class=\"legend\"")
    for item in items {
      switch item.swatch {
      case .line(let color, let dash, let width):
        svg.line(x, y - 4, x + 22, y - 4, stroke: color, width: width, dash: dash)
      case .area(let color, let opacity):
        svg.rect(x, y - 10, 22, 12, fill: color, opacity: opacity)
      case .marker(let color):
        svg.circle(x + 11, y - 4, r: 4.5, fill: color)
      }
      svg.text(item.label, x: x + 28, y: y, fill: ChartPalette.mutedText)
      x += 28 + ChartFrame.textWidth(item.label) + 18
      if x > right - 40 { break }
    }
    svg.closeGroup()
  }

  /// Horizontal grid lines and labels at `ticks` on the left axis.
  func drawYAxis(ticks: [Double], labels: [String], scale: LinearScale, title: String?, into svg: inout SVGWriter) {
    svg.openGroup("class=\"y-axis\"")
    for (tick, label) in zip(ticks, labels) {
      let y = scale(tick)
      guard y >= top - 0.5 && y <= bottom + 0.5 else { continue }
      svg.line(left, y, right, y, stroke: ChartPalette.grid, width: 1)
      svg.text(label, x: left - 8, y: y + 4, anchor: .end, size: 11, fill: ChartPalette.mutedText, className: "tick-label")
    }
    if let title, !title.isEmpty {
      let cx = 14.0
      let cy = (top + bottom) / 2
      svg.text(title, x: cx, y: cy, anchor: .middle, size: 12, fill: ChartPalette.mutedText, rotate: -90, className: "axis-title")
    }
    svg.closeGroup()
  }

  /// Vertical grid lines and labels at numeric `ticks` along the bottom axis.
  func drawXAxis(ticks: [Double], labels: [String], scale: LinearScale, title: String?, grid: Bool, into svg: inout SVGWriter) {
    svg.openGroup("class=\"x-axis\"")
    svg.line(left, bottom, right, bottom, stroke: ChartPalette.axis, width: 1)
    for (tick, label) in zip(ticks, labels) {
      let x = scale(tick)
      guard x >= left - 0.5 && x <= right + 0.5 else { continue }
      if grid { svg.line(x, top, x, bottom, stroke: ChartPalette.grid, width: 1) }
      svg.line(x, bottom, x, bottom + 4, stroke: ChartPalette.axis, width: 1)
      svg.text(label, x: x, y: bottom + 17, anchor: .middle, size: 11, fill: ChartPalette.mutedText, className: "tick-label")
    }
    drawXTitle(title, into: &svg)
    svg.closeGroup()
  }

  /// Labels at category positions `positions` (already in pixels) along the bottom axis.
  func drawCategoryXAxis(positions: [(Double, String)], title: String?, into svg: inout SVGWriter) {
    svg.openGroup("class=\"x-axis\"")
    svg.line(left, bottom, right, bottom, stroke: ChartPalette.axis, width: 1)
    var previousEnd = -Double.infinity
    for (x, label) in positions where x >= left - 0.5 && x <= right + 0.5 {
      // Skip a label that would overlap the previous one; keep each label inside the chart.
      let half = ChartFrame.textWidth(label, size: 11) / 2
      let center = min(max(x, half + 2), width - half - 2)
      guard center - half >= previousEnd + 6 else { continue }
      previousEnd = center + half
      svg.line(x, bottom, x, bottom + 4, stroke: ChartPalette.axis, width: 1)
      svg.text(label, x: center, y: bottom + 17, anchor: .middle, size: 11, fill: ChartPalette.mutedText, className: "tick-label")
    }
    drawXTitle(title, into: &svg)
    svg.closeGroup()
  }

  private func drawXTitle(_ title: String?, into svg: inout SVGWriter) {
    if let title, !title.isEmpty {
      svg.text(title, x: (left + right) / 2, y: height - 10, anchor: .middle, fill: ChartPalette.mutedText, className: "axis-title")
    }
  }

  /// The "No data to show" placeholder for charts without finite input.
  func drawEmpty(message: String = "No data to show", into svg: inout SVGWriter) {
    svg.rect(left, top, plotWidth, plotHeight, fill: "#F7F7F7")
    svg.text(message, x: (left + right) / 2, y: (top + bottom) / 2 + 5, anchor: .middle, size: 13, fill: ChartPalette.mutedText, className: "empty")
  }

  /// Nice ticks for the y axis, about one per 50 px of plot height.
  func yTicks(minimum: Double, maximum: Double) -> NiceTicks {
    NiceTicks(minimum: minimum, maximum: maximum, count: max(Int(plotHeight / 50), 3))
  }
}

/// One legend entry: a swatch and a label.
struct LegendItem {
  enum Swatch {
    case line(color: String, dash: String?, width: Double)
    case area(color: String, opacity: Double)
    case marker(color: String)
  }
  var label: String
  var swatch: Swatch
}

/// Finite minimum and maximum of several arrays, or nil if none is finite.
func finiteExtent(_ arrays: [[Double]]) -> (Double, Double)? {
  var lo = Double.infinity
  var hi = -Double.infinity
  for array in arrays {
    for v in array where v.isFinite {
      if v < lo { lo = v }
      if v > hi { hi = v }
    }
  }
  return lo <= hi ? (lo, hi) : nil
}

/// Splits a sequence of points into runs of consecutive finite points.
func finiteRuns(_ points: [(Double, Double)]) -> [[(Double, Double)]] {
  var runs: [[(Double, Double)]] = []
  var current: [(Double, Double)] = []
  for p in points {
    if p.0.isFinite && p.1.isFinite {
      current.append(p)
    } else if !current.isEmpty {
      runs.append(current)
      current = []
    }
  }
  if !current.isEmpty { runs.append(current) }
  return runs
}
