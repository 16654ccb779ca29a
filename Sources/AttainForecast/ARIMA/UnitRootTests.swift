import Foundation

/// The tests `auto.arima` uses to choose the numbers of differences d and D.
///
/// - d: repeated KPSS tests for level stationarity at the 5 % level (`forecast::ndiffs`).
/// - D: the seasonal-strength heuristic of `forecast::nsdiffs(test = "seas")`: one seasonal
///   difference when the STL seasonal strength exceeds 0.64.
enum UnitRootTests {
  /// Whether the series is constant as `forecast::is.constant` decides (`all.equal` with
  /// tolerance 1.5·10⁻⁸ of the mean absolute value).
  static func isConstant(_ x: ArraySlice<Double>) -> Bool {
    guard let first = x.first else { return true }
    var diff = 0.0
    var size = 0.0
    for v in x {
      diff += abs(v - first)
      size += abs(v)
    }
    let n = Double(x.count)
    let meanSize = size / n
    let meanDiff = diff / n
    let relative = meanSize > 1.5e-8 ? meanDiff / meanSize : meanDiff
    return relative < 1.5e-8
  }

  /// The KPSS level-stationarity statistic with Bartlett-weighted long-run variance and
  /// ⌊3√n/13⌋ lags (`urca::ur.kpss(type = "mu")` as `ndiffs` calls it).
  /// Reference: Kwiatkowski, Phillips, Schmidt & Shin (1992), J. Econometrics 54.
  /// - Complexity: O(n·lags).
  static func kpssStatistic(_ y: ArraySlice<Double>) -> Double {
    let values = Array(y)
    let n = values.count
    let mean = values.reduce(0, +) / Double(n)
    let e = values.map { $0 - mean }
    var cumulative = 0.0
    var numerator = 0.0
    var s2 = 0.0
    for v in e {
      cumulative += v
      numerator += cumulative * cumulative
      s2 += v * v
    }
    numerator /= Double(n) * Double(n)
    s2 /= Double(n)
    let lags = Int((3 * Double(n).squareRoot() / 13).rounded(.towardZero))
    var denominator = s2
    if lags > 0 {
      var sum = 0.0
      for lag in 1...lags {
        var c = 0.0
        for t in lag..<n { c += e[t] * e[t - lag] }
        sum += (1 - Double(lag) / Double(lags + 1)) * c
      }
      denominator += 2 / Double(n) * sum
    }
    return numerator / denominator
  }

  /// The KPSS 5 % critical value for the level case (Kwiatkowski et al. 1992, table 1).
  static let kpssCritical5 = 0.463

  /// The number of first differences (0…`maximum`) after which KPSS no longer rejects
  /// stationarity at 5 % (`forecast::ndiffs`). - Complexity: O(maximum·n·√n).
  static func firstDifferences(_ series: [Double], maximum: Int = 2) -> Int {
    var x = series
    if isConstant(x[...]) { return 0 }
    var d = 0
    var reject = kpssStatistic(x[...]) > kpssCritical5
    while reject && d < maximum {
      d += 1
      x = (1..<x.count).map { x[$0] - x[$0 - 1] }
      if x.isEmpty || isConstant(x[...]) { return d }
      reject = kpssStatistic(x[...]) > kpssCritical5
    }
    return d
  }

  /// The seasonal-strength threshold of `nsdiffs(test = "seas")`.
  static let seasonalStrengthThreshold = 0.64

  /// 0 or 1 seasonal differences by the seasonal-strength heuristic (`forecast::nsdiffs`).
  static func seasonalDifferences(_ series: [Double], period m: Int) -> Int {
    if isConstant(series[...]) || m <= 1 || m >= series.count { return 0 }
    guard series.count > 2 * m else { return 0 }
    return SeasonalTrendLoess.seasonalStrength(series, period: m) > seasonalStrengthThreshold ? 1 : 0
  }
}
