/// An affine map from a data domain to a pixel range: `y = r₀ + (x − d₀)·(r₁ − r₀)/(d₁ − d₀)`.
///
/// The range may be reversed (e.g. SVG's y axis grows downwards, so a vertical scale maps the domain
/// onto `bottom…top`). A degenerate domain maps every value to the middle of the range.
public struct LinearScale: Sendable, Equatable {
  /// Data values at the two ends of the scale.
  public var domain: (lower: Double, upper: Double)
  /// Pixel positions the domain ends map to.
  public var range: (start: Double, end: Double)

  /// A scale from `domain` onto `range`.
  public init(domain: (Double, Double), range: (Double, Double)) {
    self.domain = (domain.0, domain.1)
    self.range = (range.0, range.1)
  }

  /// The pixel position of `value` (not clamped; may lie outside the range).
  public func callAsFunction(_ value: Double) -> Double {
    let span = domain.upper - domain.lower
    guard span != 0, span.isFinite else { return (range.start + range.end) / 2 }
    return range.start + (value - domain.lower) / span * (range.end - range.start)
  }

  /// The pixel position of `value`, clamped to the range (so marks stay inside the plot area).
  public func clamped(_ value: Double) -> Double {
    let p = self(value)
    let lo = Swift.min(range.start, range.end)
    let hi = Swift.max(range.start, range.end)
    guard p.isFinite else { return value > 0 ? (range.end > range.start ? hi : lo) : (range.end > range.start ? lo : hi) }
    return Swift.min(Swift.max(p, lo), hi)
  }

  /// The data value at pixel position `pixel` (inverse map).
  public func invert(_ pixel: Double) -> Double {
    let span = range.end - range.start
    guard span != 0 else { return domain.lower }
    return domain.lower + (pixel - range.start) / span * (domain.upper - domain.lower)
  }

  /// Equal domains and ranges.
  public static func == (a: LinearScale, b: LinearScale) -> Bool {
    a.domain == b.domain && a.range == b.range
  }
}
