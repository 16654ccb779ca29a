import AttainWorkflow

/// The attainment curve: the probability P(total ≥ target) of reaching each target, from 0 to 100 %,
/// with the recommended tiers (commit / target / stretch) marked by points, labels and guide lines.
///
/// The curve is the survival function of the simulated total; a tier at probability p sits at the
/// (1 − p) quantile of the total. Non-finite points are skipped.
public struct AttainmentCurve: Sendable {
  /// Chart title.
  public var title: String
  /// Targets (x), any order; sorted before drawing.
  public var targets: [Double]
  /// P(attain) at each target (0…1), same count as `targets`.
  public var probabilities: [Double]
  /// Marked tiers.
  public var tiers: [AttainmentTier]
  /// Title of the target axis, e.g. "Annual target (units)".
  public var targetAxisTitle: String?
  /// How targets are printed.
  public var valueFormat: ValueFormat
  /// Width in SVG user units (CSS pixels).
  public var width: Double
  /// Height in SVG user units (CSS pixels).
  public var height: Double

  /// An attainment curve through the points `(targets[i], probabilities[i])`.
  public init(
    title: String, targets: [Double], probabilities: [Double], tiers: [AttainmentTier] = [],
    targetAxisTitle: String? = nil, valueFormat: ValueFormat = .compact, width: Double = 720, height: Double = 360
  ) {
    self.title = title
    self.targets = targets
    self.probabilities = probabilities
    self.tiers = tiers
    self.targetAxisTitle = targetAxisTitle
    self.valueFormat = valueFormat
    self.width = width
    self.height = height
  }

  /// The empirical attainment curve of simulated totals: `points` targets evenly spaced from the
  /// smallest to the largest finite total, each with the share of totals ≥ it, and one tier per
  /// `(name, probability)` at the empirical (1 − p) quantile (type 7, linear interpolation; Hyndman
  /// and Fan 1996).
  /// - Complexity: O(n log n + points · log n) for n totals.
  public init(
    title: String, simulatedTotals: [Double], tiers: [(name: String, probability: Double)], points: Int = 101,
    targetAxisTitle: String? = nil, valueFormat: ValueFormat = .compact, width: Double = 720, height: Double = 360
  ) {
    let sorted = simulatedTotals.filter { $0.isFinite }.sorted()
    var xs: [Double] = []
    var ps: [Double] = []
    if let lo = sorted.first, let hi = sorted.last {
      let m = max(points, 2)
      for i in 0..<m {
        let t = lo == hi ? lo : lo + (hi - lo) * Double(i) / Double(m - 1)
        xs.append(t)
        ps.append(Double(sorted.count - AttainmentCurve.lowerBound(sorted, t)) / Double(sorted.count))
      }
    }
    let marked = sorted.isEmpty ? [] : tiers.map {
      AttainmentTier(name: $0.name, probability: $0.probability, target: AttainmentCurve.quantile(sorted, 1 - $0.probability))
    }
    self.init(
      title: title, targets: xs, probabilities: ps, tiers: marked, targetAxisTitle: targetAxisTitle,
      valueFormat: valueFormat, width: width, height: height)
  }

  /// Index of the first element ≥ `value` in ascending `sorted`.
  static func lowerBound(_ sorted: [Double], _ value: Double) -> Int {
    var lo = 0
    var hi = sorted.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// Type-7 sample quantile of ascending `sorted` at probability `p` (clamped to 0…1).
  static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let q = min(max(p.isFinite ? p : 0.5, 0), 1)
    let h = Double(sorted.count - 1) * q
    let i = Int(h.rounded(.down))
    let j = min(i + 1, sorted.count - 1)
    return sorted[i] + (h - Double(i)) * (sorted[j] - sorted[i])
  }

  /// The chart as a standalone SVG element.
  /// - Complexity: O(points log points + tiers).
  public func svg() -> String {
    var points: [(Double, Double)] = []
    for (t, p) in zip(targets, probabilities) where t.isFinite && p.isFinite {
      points.append((t, min(max(p, 0), 1)))
    }
    points.sort { $0.0 < $1.0 }
    let validTiers = tiers.filter { $0.target.isFinite && $0.probability.isFinite }
    let frame = ChartFrame(
      width: width, height: height, yLabelWidth: 32, hasLegend: false, hasXAxisLabel: targetAxisTitle != nil,
      hasYAxisLabel: true)
    var svg = SVGWriter(width: frame.width, height: frame.height)
    frame.drawTitle(title, into: &svg)
    let description = "Attainment curve: probability of reaching each target, with \(validTiers.count) marked tiers."
    guard let (lo, hi) = finiteExtent([points.map(\.0), validTiers.map(\.target)]) else {
      frame.drawEmpty(into: &svg)
      return svg.document(title: title, description: description)
    }
    let xTicks = NiceTicks(minimum: lo, maximum: hi, count: max(Int(frame.plotWidth / 90), 3))
    let x = LinearScale(domain: (xTicks.lower, xTicks.upper), range: (frame.left, frame.right))
    let y = LinearScale(domain: (0, 1), range: (frame.bottom, frame.top))
    let yTicks = [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    frame.drawYAxis(
      ticks: yTicks, labels: ValueFormat.percent(fractionDigits: 0).tickLabels(yTicks, step: 0.2), scale: y,
      title: "P(attain)", into: &svg)
    frame.drawXAxis(
      ticks: xTicks.values, labels: valueFormat.tickLabels(xTicks.values, step: xTicks.step), scale: x,
      title: targetAxisTitle, grid: true, into: &svg)

    let pixels = points.map { (x.clamped($0.0), y.clamped($0.1)) }
    if pixels.count >= 2 {
      // Light area under the curve, then the curve.
      let area = pixels + [(pixels[pixels.count - 1].0, frame.bottom), (pixels[0].0, frame.bottom)]
      svg.polygon(area, fill: ChartPalette.blue, opacity: 0.08, className: "area")
      svg.polyline(pixels, stroke: ChartPalette.blue, width: 2.5, className: "curve")
    } else if let p = pixels.first {
      svg.circle(p.0, p.1, r: 3, fill: ChartPalette.blue, stroke: "none", className: "curve")
    }

    // Tiers: guide lines to both axes, a marker and a label.
    let colors = [ChartPalette.bluishGreen, ChartPalette.orange, ChartPalette.reddishPurple, ChartPalette.vermillion]
    svg.openGroup("class=\"tiers\"")
    for (k, tier) in validTiers.sorted(by: { $0.probability > $1.probability }).enumerated() {
      let color = colors[k % colors.count]
      let px = x.clamped(tier.target)
      let py = y.clamped(min(max(tier.probability, 0), 1))
      svg.line(frame.left, py, px, py, stroke: color, width: 1.25, dash: "4 3")
      svg.line(px, py, px, frame.bottom, stroke: color, width: 1.25, dash: "4 3")
      svg.circle(px, py, r: 5.5, fill: color, className: "tier-marker")
      let label = "\(tier.name) · \(NumberLabels.percent(tier.probability)) · \(valueFormat.label(tier.target))"
      let labelWidth = ChartFrame.textWidth(label, size: 12)
      let onRight = px + 10 + labelWidth <= frame.right
      svg.text(
        label, x: onRight ? px + 10 : px - 10, y: max(py - 8, frame.top + 10), anchor: onRight ? .start : .end,
        weight: "600", fill: ChartPalette.textVariant(of: color), className: "tier-label", halo: true)
    }
    svg.closeGroup()
    return svg.document(title: title, description: description)
  }
}
