/// A minimal SVG 1.1 document writer: shapes with absolute coordinates, escaped text.
///
/// Coordinates are printed with at most two decimals; a non-finite coordinate is never written
/// (the shape is dropped), so "NaN" or "inf" cannot reach the document. Paths use only the
/// absolute `M`, `L` and `Z` commands.
struct SVGWriter {
  private(set) var body = ""
  let width: Double
  let height: Double

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
    body.reserveCapacity(16_384)
  }

  /// The complete `<svg>` element with an accessible `<title>` and optional `<desc>`.
  func document(title: String, description: String?) -> String {
    var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\""
    s += " width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\""
    s += " font-family=\"\(SVGWriter.fontFamily)\" font-size=\"12\">"
    s += "<title>\(Markup.escape(title))</title>"
    if let description, !description.isEmpty { s += "<desc>\(Markup.escape(description))</desc>" }
    s += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#FFFFFF\"/>"
    s += body
    s += "</svg>"
    return s
  }

  /// The system UI font stack (no web fonts: the report must work offline).
  static let fontFamily =
    "system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, &quot;Helvetica Neue&quot;, Arial, sans-serif"

  /// A coordinate or length printed with at most two decimals ("12", "12.5", "12.25").
  func n(_ x: Double) -> String { SVGWriter.number(x) }

  static func number(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let hundredths = (x * 100).rounded()
    guard abs(hundredths) < 9e15 else { return "0" }
    let v = Int(hundredths)
    let sign = v < 0 ? "-" : ""
    let a = abs(v)
    let whole = a / 100
    let frac = a % 100
    if frac == 0 { return sign + String(whole) }
    if frac % 10 == 0 { return sign + "\(whole).\(frac / 10)" }
    return sign + "\(whole).\(frac < 10 ? "0" : "")\(frac)"
  }

  private static func finite(_ values: Double...) -> Bool { values.allSatisfy(\.isFinite) }

  mutating func raw(_ text: String) { body += text }

  mutating func openGroup(_ attributes: String = "") {
    body += attributes.isEmpty ? "<g>" : "<g \(attributes)>"
  }

  mutating func closeGroup() { body += "</g>" }

  mutating func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
    dash: String? = nil, className: String? = nil
  ) {
    guard SVGWriter.finite(x1, y1, x2, y2) else { return }
    body += "<line"
    if let className { body += " class=\"\(className)\"" }
    body += " x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\""
    body += " stroke-width=\"\(n(width))\""
    if let dash { body += " stroke-dasharray=\"\(dash)\"" }
    body += "/>"
  }

  mutating func rect(
    _ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, opacity: Double? = nil,
    className: String? = nil, tooltip: String? = nil
  ) {
    guard SVGWriter.finite(x, y, w, h) else { return }
    body += "<rect"
    if let className { body += " class=\"\(className)\"" }
    body += " x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(w, 0)))\" height=\"\(n(max(h, 0)))\" fill=\"\(fill)\""
    if let opacity { body += " fill-opacity=\"\(n(opacity))\"" }
    if let tooltip {
      body += "><title>\(Markup.escape(tooltip))</title></rect>"
    } else {
      body += "/>"
    }
  }

  mutating func circle(_ cx: Double, _ cy: Double, r: Double, fill: String, stroke: String = "#FFFFFF", className: String? = nil) {
    guard SVGWriter.finite(cx, cy, r) else { return }
    body += "<circle"
    if let className { body += " class=\"\(className)\"" }
    body += " cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1.5\"/>"
  }

  /// A polyline through `points` (non-finite points are skipped).
  mutating func polyline(
    _ points: [(Double, Double)], stroke: String, width: Double = 1.5, dash: String? = nil, className: String? = nil
  ) {
    let d = pathData(points, closed: false)
    guard !d.isEmpty else { return }
    body += "<path"
    if let className { body += " class=\"\(className)\"" }
    body += " d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
    body += " stroke-linejoin=\"round\" stroke-linecap=\"round\""
    if let dash { body += " stroke-dasharray=\"\(dash)\"" }
    body += "/>"
  }

  /// A closed filled polygon through `points` (non-finite points are skipped).
  mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double, className: String? = nil) {
    let d = pathData(points, closed: true)
    guard !d.isEmpty else { return }
    body += "<path"
    if let className { body += " class=\"\(className)\"" }
    body += " d=\"\(d)\" fill=\"\(fill)\" fill-opacity=\"\(n(opacity))\" stroke=\"none\"/>"
  }

  private func pathData(_ points: [(Double, Double)], closed: Bool) -> String {
    var d = ""
    var first = true
    for (x, y) in points where x.isFinite && y.isFinite {
      d += first ? "M\(n(x)) \(n(y))" : " L\(n(x)) \(n(y))"
      first = false
    }
    if closed && !d.isEmpty { d += " Z" }
    return d
  }

  enum Anchor: String { case start, middle, end }

  mutating func text(
    _ string: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12,
    weight: String? = nil, fill: String = ChartPalette.text, rotate: Double? = nil, className: String? = nil,
    halo: Bool = false
  ) {
    guard SVGWriter.finite(x, y), !string.isEmpty else { return }
    body += "<text"
    if let className { body += " class=\"\(className)\"" }
    body += " x=\"\(n(x))\" y=\"\(n(y))\""
    if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
    if size != 12 { body += " font-size=\"\(n(size))\"" }
    if let weight { body += " font-weight=\"\(weight)\"" }
    body += " fill=\"\(fill)\""
    if halo {
      // A white outline under the glyphs keeps labels legible over lines and bars.
      body += " stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\""
    }
    if let rotate { body += " transform=\"rotate(\(n(rotate)) \(n(x)) \(n(y)))\"" }
    body += ">\(Markup.escape(string))</text>"
  }
}
