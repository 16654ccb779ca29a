/// Classical seasonal decomposition and the M3 seasonality test.
///
/// References: Makridakis, Wheelwright & Hyndman (1998), *Forecasting: Methods and
/// Applications*, ch. 3 (classical decomposition, as R's `decompose` and statsmodels'
/// `seasonal_decompose`); the 90 % autocorrelation test used for the M3 Theta and Naive2
/// benchmarks (Assimakopoulos & Nikolopoulos 2000; R `forecast::thetaf`).
public enum SeasonalDecomposition {
  /// Sample autocorrelations r₁…r_maxLag: rₖ = Σₜ (yₜ−ȳ)(yₜ₊ₖ−ȳ) / Σₜ (yₜ−ȳ)².
  /// Zero for a constant series. - Complexity: O(n·maxLag).
  public static func autocorrelations(_ y: [Double], maxLag: Int) -> [Double] {
    let n = y.count
    guard n > 0, maxLag > 0 else { return [] }
    let mean = y.reduce(0, +) / Double(n)
    var denominator = 0.0
    for v in y { denominator += (v - mean) * (v - mean) }
    var r = [Double](repeating: 0, count: maxLag)
    guard denominator > 0 else { return r }
    for k in 1...maxLag where k < n {
      var s = 0.0
      for t in 0..<(n - k) { s += (y[t] - mean) * (y[t + k] - mean) }
      r[k - 1] = s / denominator
    }
    return r
  }

  /// The M3 seasonality test at 90 %: seasonal when
  /// |r_m| > 1.645·√((1 + 2·Σ_{k<m} r_k²)/n). False when m < 2, the series is constant, or
  /// it is shorter than `minimumLength`.
  /// - Parameter minimumLength: the shortest series tested; default 2m + 1 (R `thetaf`: n > 2m).
  public static func isSeasonal(_ y: [Double], period m: Int, minimumLength: Int? = nil) -> Bool {
    guard m >= 2, y.count >= (minimumLength ?? 2 * m + 1), !SeriesChecks.isConstant(y) else {
      return false
    }
    let r = autocorrelations(y, maxLag: m)
    var sum = 0.0
    for k in 0..<(m - 1) { sum += r[k] * r[k] }
    let limit = StandardNormal.quantile(0.95) * ((1 + 2 * sum) / Double(y.count)).squareRoot()
    return abs(r[m - 1]) > limit
  }

  /// Multiplicative seasonal indices of a classical decomposition: the centred moving average
  /// of order m (2×m when m is even) as trend, the ratios y/trend averaged per season position,
  /// normalised to mean 1. `indices[k]` belongs to observations t with t mod m == k (0-based).
  /// Returns nil when n < 2m, the trend is non-positive, or an index is below 1e-4.
  /// - Complexity: O(n·m).
  public static func multiplicativeIndices(_ y: [Double], period m: Int) -> [Double]? {
    let n = y.count
    guard m >= 2, n >= 2 * m else { return nil }
    let half = m / 2
    var sums = [Double](repeating: 0, count: m)
    var counts = [Int](repeating: 0, count: m)
    for t in half..<(n - half) {
      var trend = 0.0
      if m % 2 == 0 {
        trend = 0.5 * (y[t - half] + y[t + half])
        for j in (t - half + 1)..<(t + half) { trend += y[j] }
      } else {
        for j in (t - half)...(t + half) { trend += y[j] }
      }
      trend /= Double(m)
      guard trend > 0 else { return nil }
      sums[t % m] += y[t] / trend
      counts[t % m] += 1
    }
    guard !counts.contains(0) else { return nil }
    var indices = zip(sums, counts).map { $0 / Double($1) }
    let mean = indices.reduce(0, +) / Double(m)
    guard mean > 0 else { return nil }
    for k in 0..<m { indices[k] /= mean }
    guard indices.allSatisfy({ $0 >= 1e-4 && $0.isFinite }) else { return nil }
    return indices
  }
}
