#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starting values of the ETS states, by the heuristic of R forecast's `initstate` (also used by
/// statsforecast):
///
/// - Seasonal models: classical decomposition (centred 2×m moving average, seasonal means of the
///   detrended series, normalised to sum 0 / average 1) when n ≥ 3m; otherwise a regression of y
///   on (1, t, cos 2πt/m, sin 2πt/m) and the detrended series. The m − 1 newest seasonal states are
///   returned (the last one is implied by the normalisation); multiplicative indices are floored
///   at 0.01 and rescaled if they sum above m.
/// - Level/trend: the mean (no trend) or the least-squares line of the first max(10, 2m)
///   seasonally adjusted observations.
///
/// Returns R's free-state vector `[ℓ0, b0?, s_0 … s_{m-2}]`.
/// Reference: Hyndman et al. (2008), §2.6.1; R forecast `initstate`.
/// - Complexity: O(n + m).
enum ETSInitialState {
  static func estimate(_ y: [Double], form: ETSForm, m seasonLength: Int) -> [Double] {
    let n = y.count
    var m = 1
    var seasonalStates: [Double] = []
    var adjusted = y
    if form.hasSeason {
      m = seasonLength
      let seasonal: [Double]
      if n < 3 * m {
        seasonal = fourierSeasonal(y, m: m, multiplicative: form.season == .multiplicative)
      } else {
        seasonal = decompose(y, m: m, multiplicative: form.season == .multiplicative)
      }
      seasonalStates = (1..<m).reversed().map { seasonal[$0] }
      if form.season == .additive {
        for t in 0..<n { adjusted[t] = y[t] - seasonal[t] }
      } else {
        seasonalStates = seasonalStates.map { max($0, 1e-2) }
        let sum = seasonalStates.reduce(0, +)
        if sum > Double(m) {
          let denominator = seasonalStates.reduce(0) { $0 + $1 + 1e-2 }
          seasonalStates = seasonalStates.map { $0 / denominator }
        }
        for t in 0..<n { adjusted[t] = y[t] / max(seasonal[t], 1e-2) }
      }
    }
    let maxn = min(max(10, 2 * m), n)
    var result: [Double]
    if !form.hasTrend {
      var sum = 0.0
      for t in 0..<maxn { sum += adjusted[t] }
      result = [sum / Double(maxn)]
    } else {
      // lsfit(1:maxn, y.sa[1:maxn])
      var mx = 0.0
      var my = 0.0
      for t in 0..<maxn {
        mx += Double(t + 1)
        my += adjusted[t]
      }
      mx /= Double(maxn)
      my /= Double(maxn)
      var sxy = 0.0
      var sxx = 0.0
      for t in 0..<maxn {
        let dx = Double(t + 1) - mx
        sxy += dx * (adjusted[t] - my)
        sxx += dx * dx
      }
      var slope = sxx > 0 ? sxy / sxx : 0
      var level = my - slope * mx
      if abs(level + slope) < 1e-8 {
        level *= 1 + 1e-3
        slope *= 1 - 1e-3
      }
      result = [level, slope]
    }
    result.append(contentsOf: seasonalStates)
    return result
  }

  /// Classical decomposition seasonal component (R `decompose`, statsmodels `seasonal_decompose`).
  static func decompose(_ y: [Double], m: Int, multiplicative: Bool) -> [Double] {
    let n = y.count
    var trend = [Double](repeating: .nan, count: n)
    if m % 2 == 0 {
      let half = m / 2
      if n > m {
        for t in half..<(n - half) {
          var s = 0.5 * (y[t - half] + y[t + half])
          for k in (t - half + 1)..<(t + half) { s += y[k] }
          trend[t] = s / Double(m)
        }
      }
    } else {
      let half = (m - 1) / 2
      if n >= m {
        for t in half..<(n - half) {
          var s = 0.0
          for k in (t - half)...(t + half) { s += y[k] }
          trend[t] = s / Double(m)
        }
      }
    }
    var figure = [Double](repeating: 0, count: m)
    var counts = [Int](repeating: 0, count: m)
    for t in 0..<n where !trend[t].isNaN {
      let d = multiplicative ? y[t] / trend[t] : y[t] - trend[t]
      figure[t % m] += d
      counts[t % m] += 1
    }
    for i in 0..<m {
      figure[i] = counts[i] > 0 ? figure[i] / Double(counts[i]) : (multiplicative ? 1 : 0)
    }
    let mean = figure.reduce(0, +) / Double(m)
    for i in 0..<m { figure[i] = multiplicative ? figure[i] / mean : figure[i] - mean }
    return (0..<n).map { figure[$0 % m] }
  }

  /// Seasonal component from y ~ 1 + t + cos + sin (one Fourier pair; sine dropped for m = 2),
  /// used when n < 3m (R `tslm(y ~ trend + fourier(y, 1))`).
  static func fourierSeasonal(_ y: [Double], m: Int, multiplicative: Bool) -> [Double] {
    let n = y.count
    let columns = m == 2 ? 3 : 4
    // Normal equations XᵀX c = Xᵀy, solved by Gaussian elimination with partial pivoting.
    var a = [Double](repeating: 0, count: columns * columns)
    var b = [Double](repeating: 0, count: columns)
    var row = [Double](repeating: 0, count: columns)
    for t in 0..<n {
      let time = Double(t + 1)
      let angle = 2 * Double.pi * time / Double(m)
      row[0] = 1
      row[1] = time
      row[2] = cos(angle)
      if columns == 4 { row[3] = sin(angle) }
      for i in 0..<columns {
        b[i] += row[i] * y[t]
        for j in 0..<columns { a[i * columns + j] += row[i] * row[j] }
      }
    }
    let c = solve(a, b, size: columns)
    return (0..<n).map { t in
      let line = c[0] + c[1] * Double(t + 1)
      return multiplicative ? y[t] / line : y[t] - line
    }
  }

  /// Solves a small dense system; singular pivots are treated as zero coefficients.
  static func solve(_ matrix: [Double], _ rhs: [Double], size n: Int) -> [Double] {
    var a = matrix
    var b = rhs
    for col in 0..<n {
      var pivot = col
      for r in (col + 1)..<max(n, col + 1) where abs(a[r * n + col]) > abs(a[pivot * n + col]) {
        pivot = r
      }
      if pivot != col {
        for k in 0..<n { a.swapAt(col * n + k, pivot * n + k) }
        b.swapAt(col, pivot)
      }
      let p = a[col * n + col]
      if abs(p) < 1e-300 { continue }
      for r in (col + 1)..<max(n, col + 1) {
        let f = a[r * n + col] / p
        if f == 0 { continue }
        for k in col..<n { a[r * n + k] -= f * a[col * n + k] }
        b[r] -= f * b[col]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for r in stride(from: n - 1, through: 0, by: -1) {
      var s = b[r]
      for k in (r + 1)..<max(n, r + 1) { s -= a[r * n + k] * x[k] }
      let p = a[r * n + r]
      x[r] = abs(p) < 1e-300 ? 0 : s / p
    }
    return x
  }
}
