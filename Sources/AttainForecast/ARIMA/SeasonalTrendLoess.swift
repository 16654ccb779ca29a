import Foundation

/// STL decomposition (seasonal and trend by loess) with R's `stl` defaults for a
/// non-robust fit, used for the seasonal-strength heuristic of `auto.arima`.
///
/// Windows as `stl(x, s.window = 11)` via `forecast::mstl`: seasonal window 11 (degree 0),
/// trend window the next odd integer ≥ 1.5m/(1 − 1.5/11), low-pass window the next odd ≥ m
/// (degree 1), jumps ⌈window/10⌉, two inner iterations, no robustness iterations.
/// Reference: Cleveland, Cleveland, McRae & Terpenning (1990), *STL: A seasonal-trend
/// decomposition procedure based on loess*, J. Official Statistics 6(1).
enum SeasonalTrendLoess {
  /// Seasonal strength max(0, min(1, 1 − Var(R)/Var(R + S))) (Wang, Smith & Hyndman 2006).
  static func seasonalStrength(_ y: [Double], period: Int) -> Double {
    let (seasonal, trend) = decompose(y, period: period)
    let remainder = (0..<y.count).map { y[$0] - seasonal[$0] - trend[$0] }
    let detrended = (0..<y.count).map { remainder[$0] + seasonal[$0] }
    func variance(_ v: [Double]) -> Double {
      let mean = v.reduce(0, +) / Double(v.count)
      return v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count - 1)
    }
    return max(0, min(1, 1 - variance(remainder) / variance(detrended)))
  }

  static func nextOdd(_ x: Double) -> Int {
    let v = Int(x.rounded())
    return v % 2 == 0 ? v + 1 : v
  }

  /// (seasonal, trend) of `y` with the defaults above. - Complexity: O(n·windows).
  static func decompose(_ y: [Double], period np: Int) -> ([Double], [Double]) {
    let n = y.count
    let ns = 11
    let nt = nextOdd((1.5 * Double(np) / (1 - 1.5 / Double(ns))).rounded(.up))
    let nl = nextOdd(Double(np))
    let nsJump = Int((Double(ns) / 10).rounded(.up))
    let ntJump = Int((Double(nt) / 10).rounded(.up))
    let nlJump = Int((Double(nl) / 10).rounded(.up))
    var trend = [Double](repeating: 0, count: n)
    var season = [Double](repeating: 0, count: n)
    var cycle = [Double](repeating: 0, count: n + 2 * np)
    for _ in 0..<2 {
      let detrended = (0..<n).map { y[$0] - trend[$0] }
      smoothCycleSubseries(detrended, period: np, window: ns, jump: nsJump, into: &cycle)
      let low = lowPass(cycle, period: np)
      let lowSmooth = loess(low, window: nl, degree: 1, jump: nlJump)
      for i in 0..<n { season[i] = cycle[np + i] - lowSmooth[i] }
      let deseasonal = (0..<n).map { y[$0] - season[$0] }
      trend = loess(deseasonal, window: nt, degree: 1, jump: ntJump)
    }
    return (season, trend)
  }

  /// Loess smoothing of each cycle-subseries, extended one period at each end (`stlss`).
  static func smoothCycleSubseries(
    _ y: [Double], period np: Int, window ns: Int, jump: Int, into cycle: inout [Double]
  ) {
    let n = y.count
    for j in 0..<np {
      let k = (n - 1 - j) / np + 1
      let sub = (0..<k).map { y[j + $0 * np] }
      let smooth = loess(sub, window: ns, degree: 0, jump: jump)
      var extended = [Double](repeating: 0, count: k + 2)
      for i in 0..<k { extended[i + 1] = smooth[i] }
      let right = min(ns, k)
      extended[0] = estimate(sub, window: ns, degree: 0, at: 0, left: 1, right: right) ?? extended[1]
      let left = max(1, k - ns + 1)
      extended[k + 1] = estimate(sub, window: ns, degree: 0, at: Double(k + 1), left: left, right: k) ?? extended[k]
      for i in 0..<(k + 2) { cycle[j + i * np] = extended[i] }
    }
  }

  /// Moving averages of lengths m, m and 3 (`stlfts`): n + 2m values → n values.
  static func lowPass(_ x: [Double], period np: Int) -> [Double] {
    func movingAverage(_ v: [Double], _ len: Int) -> [Double] {
      let count = v.count - len + 1
      var out = [Double](repeating: 0, count: max(count, 0))
      guard count > 0 else { return out }
      var s = 0.0
      for i in 0..<len { s += v[i] }
      out[0] = s / Double(len)
      if count > 1 {
        for j in 1..<count {
          s = s - v[j - 1] + v[j + len - 1]
          out[j] = s / Double(len)
        }
      }
      return out
    }
    return movingAverage(movingAverage(movingAverage(x, np), np), 3)
  }

  /// Loess fit at every point, evaluated every `jump` points and linearly interpolated
  /// between them (`stless`). Positions are 1-based as in the original Fortran.
  static func loess(_ y: [Double], window len: Int, degree: Int, jump: Int) -> [Double] {
    let n = y.count
    var ys = [Double](repeating: 0, count: n)
    if n < 2 {
      if n == 1 { ys[0] = y[0] }
      return ys
    }
    let newJump = min(jump, n - 1)
    var left = 1
    var right = n
    if len >= n {
      left = 1
      right = n
      var i = 1
      while i <= n {
        ys[i - 1] = estimate(y, window: len, degree: degree, at: Double(i), left: left, right: right) ?? y[i - 1]
        i += newJump
      }
    } else if newJump == 1 {
      let half = (len + 1) / 2
      left = 1
      right = len
      for i in 1...n {
        if i > half && right != n {
          left += 1
          right += 1
        }
        ys[i - 1] = estimate(y, window: len, degree: degree, at: Double(i), left: left, right: right) ?? y[i - 1]
      }
    } else {
      let half = (len + 1) / 2
      var i = 1
      while i <= n {
        if i < half {
          left = 1
          right = len
        } else if i >= n - half + 1 {
          left = n - len + 1
          right = n
        } else {
          left = i - half + 1
          right = len + i - half
        }
        ys[i - 1] = estimate(y, window: len, degree: degree, at: Double(i), left: left, right: right) ?? y[i - 1]
        i += newJump
      }
    }
    if newJump != 1 {
      var i = 1
      while i <= n - newJump {
        let delta = (ys[i + newJump - 1] - ys[i - 1]) / Double(newJump)
        for j in (i + 1)..<(i + newJump) { ys[j - 1] = ys[i - 1] + delta * Double(j - i) }
        i += newJump
      }
      let k = ((n - 1) / newJump) * newJump + 1
      if k != n {
        ys[n - 1] = estimate(y, window: len, degree: degree, at: Double(n), left: left, right: right) ?? y[n - 1]
        if k != n - 1 {
          let delta = (ys[n - 1] - ys[k - 1]) / Double(n - k)
          for j in (k + 1)..<n { ys[j - 1] = ys[k - 1] + delta * Double(j - k) }
        }
      }
    }
    return ys
  }

  /// The tricube-weighted local constant or linear fit at `xs` over positions left…right
  /// (1-based), or nil when all weights vanish (`stlest`).
  static func estimate(
    _ y: [Double], window len: Int, degree: Int, at xs: Double, left: Int, right: Int
  ) -> Double? {
    let n = y.count
    let range = Double(n) - 1
    var h = max(xs - Double(left), Double(right) - xs)
    if len > n { h += Double((len - n) / 2) }
    let h9 = 0.999 * h
    let h1 = 0.001 * h
    var w = [Double](repeating: 0, count: right - left + 1)
    var a = 0.0
    for j in left...right {
      let r = abs(Double(j) - xs)
      var wj = 0.0
      if r <= h9 {
        if r <= h1 { wj = 1 } else {
          let u = r / h
          let t = 1 - u * u * u
          wj = t * t * t
        }
      }
      w[j - left] = wj
      a += wj
    }
    guard a > 0 else { return nil }
    for j in 0..<w.count { w[j] /= a }
    if h > 0 && degree > 0 {
      var center = 0.0
      for j in left...right { center += w[j - left] * Double(j) }
      var b = xs - center
      var c = 0.0
      for j in left...right { c += w[j - left] * (Double(j) - center) * (Double(j) - center) }
      if c.squareRoot() > 0.001 * range {
        b /= c
        for j in left...right { w[j - left] *= b * (Double(j) - center) + 1 }
      }
    }
    var s = 0.0
    for j in left...right { s += w[j - left] * y[j - 1] }
    return s
  }
}
