/// The Okabe–Ito colour palette: eight colours distinguishable under the common forms of colour
/// vision deficiency (M. Okabe and K. Ito, *Color Universal Design*, 2002/2008; recommended by
/// C. O. Wilke, *Fundamentals of Data Visualization*, O'Reilly 2019, ch. 19).
public enum ChartPalette {
  /// Black `#000000`.
  public static let black = "#000000"
  /// Orange `#E69F00`.
  public static let orange = "#E69F00"
  /// Sky blue `#56B4E9`.
  public static let skyBlue = "#56B4E9"
  /// Bluish green `#009E73`.
  public static let bluishGreen = "#009E73"
  /// Yellow `#F0E442`.
  public static let yellow = "#F0E442"
  /// Blue `#0072B2`.
  public static let blue = "#0072B2"
  /// Vermillion `#D55E00`.
  public static let vermillion = "#D55E00"
  /// Reddish purple `#CC79A7`.
  public static let reddishPurple = "#CC79A7"

  /// The palette in Okabe and Ito's order, black first.
  public static let all = [black, orange, skyBlue, bluishGreen, yellow, blue, vermillion, reddishPurple]

  /// Colours for successive categories (tiers, series), most legible on white first; yellow last.
  public static let categorical = [blue, orange, bluishGreen, vermillion, reddishPurple, skyBlue, black, yellow]

  /// A darker shade of a palette colour for text on white (WCAG contrast ≥ 4.5:1 for orange, green,
  /// sky blue, purple, vermillion; other colours unchanged).
  static func textVariant(of color: String) -> String {
    switch color {
    case orange: "#8F6200"
    case bluishGreen: "#00785A"
    case skyBlue: "#1F6E9C"
    case reddishPurple: "#A0467A"
    case vermillion: "#A64800"
    case yellow: "#6E6800"
    default: color
    }
  }

  /// Neutral colours for axes, grid lines and secondary text (greys, not part of Okabe–Ito).
  static let axis = "#4D4D4D"
  static let grid = "#E3E3E3"
  static let mutedText = "#595959"
  static let text = "#1A1A1A"
}
