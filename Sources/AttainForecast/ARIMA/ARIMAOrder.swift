import Foundation

/// The orders of a seasonal ARIMA(p,d,q)(P,D,Q)ₘ model.
///
/// `p`, `q`: non-seasonal AR and MA orders; `d`: non-seasonal differences; `P`, `Q`, `D`: the
/// same at the seasonal lag m (the season length passed to `fit`). Parses the `--model` forms
/// `"p,d,q"` and `"p,d,q:P,D,Q"`.
public struct ARIMAOrder: Sendable, Hashable, CustomStringConvertible {
  /// Non-seasonal autoregressive order p.
  public var p: Int
  /// Non-seasonal differences d.
  public var d: Int
  /// Non-seasonal moving-average order q.
  public var q: Int
  /// Seasonal autoregressive order P.
  public var seasonalP: Int
  /// Seasonal differences D.
  public var seasonalD: Int
  /// Seasonal moving-average order Q.
  public var seasonalQ: Int

  /// Creates the orders; the seasonal ones default to 0.
  public init(p: Int, d: Int, q: Int, seasonalP: Int = 0, seasonalD: Int = 0, seasonalQ: Int = 0) {
    self.p = p
    self.d = d
    self.q = q
    self.seasonalP = seasonalP
    self.seasonalD = seasonalD
    self.seasonalQ = seasonalQ
  }

  /// The largest order accepted by the parser for each of p, q, P, Q (20, far beyond any
  /// useful model) and for d, D (2: more differences are never appropriate for sales data).
  public static let maximumARMAOrder = 20
  /// See `maximumARMAOrder`.
  public static let maximumDifferences = 2

  /// Parses `"p,d,q"` or `"p,d,q:P,D,Q"` (non-negative integers).
  /// - Throws: `ForecastError.invalidParameter` naming what is wrong.
  public init(parsing text: String) throws {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2 else {
      throw ForecastError.invalidParameter(
        name: "ARIMA order", value: .nan, reason: "expected p,d,q or p,d,q:P,D,Q, got '\(text)'")
    }
    func triple(_ s: Substring) throws -> [Int] {
      let values = s.split(separator: ",", omittingEmptySubsequences: false).map {
        Int($0.trimmingCharacters(in: .whitespaces))
      }
      guard values.count == 3, let a = values[0], let b = values[1], let c = values[2] else {
        throw ForecastError.invalidParameter(
          name: "ARIMA order", value: .nan, reason: "expected three integers p,d,q, got '\(s)'")
      }
      for (v, isDifference) in [(a, false), (b, true), (c, false)] {
        let limit = isDifference ? ARIMAOrder.maximumDifferences : ARIMAOrder.maximumARMAOrder
        guard v >= 0, v <= limit else {
          throw ForecastError.invalidParameter(
            name: "ARIMA order", value: Double(v), reason: "each order must be in 0...\(limit) in '\(s)'")
        }
      }
      return [a, b, c]
    }
    let nonSeasonal = try triple(parts[0])
    let seasonal = parts.count == 2 ? try triple(parts[1]) : [0, 0, 0]
    self.init(
      p: nonSeasonal[0], d: nonSeasonal[1], q: nonSeasonal[2], seasonalP: seasonal[0],
      seasonalD: seasonal[1], seasonalQ: seasonal[2])
  }

  /// Whether any seasonal order is non-zero.
  public var isSeasonal: Bool { seasonalP + seasonalD + seasonalQ > 0 }

  /// `"ARIMA(p,d,q)"` or `"ARIMA(p,d,q)(P,D,Q)"` as R prints it.
  public var description: String {
    isSeasonal
      ? "ARIMA(\(p),\(d),\(q))(\(seasonalP),\(seasonalD),\(seasonalQ))"
      : "ARIMA(\(p),\(d),\(q))"
  }
}
