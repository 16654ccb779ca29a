/// The text of a command-line progress line: units done, share, rate and estimated time left.
///
/// `line(label: "simulate", done: 2_500, total: 10_000, unit: "paths", elapsedSeconds: 2)` is
/// `"simulate  2,500/10,000 paths  25%  1.25k paths/s  ETA 0:06"`. The ETA assumes the current mean
/// rate continues; rate and ETA are omitted during the first 0.5 s and until some work is done, and the
/// ETA without a total.
public enum ProgressText {
  /// The progress line (no carriage return or newline).
  /// - Parameters:
  ///   - label: what is running (e.g. the command name).
  ///   - done: units completed so far (clamped to ≥ 0).
  ///   - total: units in all, if known.
  ///   - unit: plural unit name, e.g. "series" or "paths".
  ///   - elapsedSeconds: time since the start.
  public static func line(label: String, done: Int, total: Int?, unit: String, elapsedSeconds: Double) -> String {
    let d = max(done, 0)
    var parts: [String] = []
    if !label.isEmpty { parts.append(label) }
    if let total, total > 0 {
      parts.append("\(NumberLabels.grouped(Double(d)))/\(NumberLabels.grouped(Double(total))) \(unit)")
      parts.append(NumberLabels.percent(min(Double(d) / Double(total), 1)))
    } else {
      parts.append("\(NumberLabels.grouped(Double(d))) \(unit)")
    }
    // Rates over the first half second are noise (start-up, first chunk): show them after that.
    if elapsedSeconds >= 0.5, elapsedSeconds.isFinite, d > 0 {
      let rate = Double(d) / elapsedSeconds
      parts.append("\(NumberLabels.compact(rate)) \(unit)/s")
      if let total, total > d {
        parts.append("ETA \(duration(Double(total - d) / rate))")
      }
    }
    return parts.joined(separator: "  ")
  }

  /// A duration as `m:ss` or `h:mm:ss` (rounded up to whole seconds); "–" when not finite.
  public static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0, seconds < 1e9 else { return NumberLabels.missing }
    let s = Int(seconds.rounded(.up))
    let (h, m, r) = (s / 3600, (s % 3600) / 60, s % 60)
    let ss = r < 10 ? "0\(r)" : "\(r)"
    if h > 0 { return "\(h):\(m < 10 ? "0\(m)" : "\(m)"):\(ss)" }
    return "\(m):\(ss)"
  }
}
