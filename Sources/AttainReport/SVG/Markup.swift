/// Escaping of text for XML, XHTML and SVG (W3C XML 1.0 §2.4 "Character Data and Markup").
public enum Markup {
  /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entity references and characters that XML 1.0
  /// forbids (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) removed, so the
  /// result is safe in element content and in quoted attribute values.
  /// - Complexity: O(length).
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        let v = scalar.value
        if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
