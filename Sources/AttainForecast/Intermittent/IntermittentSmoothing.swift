/// Simple exponential smoothing exactly as statsforecast's intermittent-demand models run it
/// (`src/ses.cpp`: `ses_forecast`, `ses_sse`, `golden_section_ses`, `chunk_forecast`), so the
/// point forecasts of `Croston`, `TSB`, `ADIDA` and `IMAPA` match statsforecast's to rounding.
///
/// The recursion starts at the first observation, ℓ₁ = x₀, and runs ℓₜ₊₁ = αxₜ + (1 − α)ℓₜ;
/// the forecast is ℓₙ (for a single observation, x₀ itself). Unlike `ExponentialSmoothingCore`
/// there is no estimated initial level. Reference: Croston (1972), *Forecasting and stock
/// control for intermittent demands*, Operational Research Quarterly 23(3).
enum IntermittentSmoothing {
  /// The one-step-ahead forecast ℓₙ of `x` with smoothing parameter `alpha`; 0 for no data.
  /// - Complexity: O(n), no allocation.
  static func forecast(_ x: [Double], alpha: Double) -> Double {
    guard let first = x.first else { return 0 }
    guard x.count > 1 else { return first }
    let complement = 1 - alpha
    var level = first
    for i in 0..<(x.count - 1) { level = alpha * x[i] + complement * level }
    return alpha * x[x.count - 1] + complement * level
  }

  /// The in-sample one-step forecasts ℓₜ (NaN at t = 0) followed by the out-of-sample forecast
  /// ℓₙ: `x.count + 1` values. - Complexity: O(n).
  static func fittedAndForecast(_ x: [Double], alpha: Double) -> [Double] {
    guard let first = x.first else { return [0] }
    var out = [Double](repeating: .nan, count: x.count + 1)
    guard x.count > 1 else {
      out[1] = first
      return out
    }
    let complement = 1 - alpha
    var level = first
    for i in 1..<x.count {
      level = alpha * x[i - 1] + complement * level
      out[i] = level
    }
    out[x.count] = alpha * x[x.count - 1] + complement * level
    return out
  }

  /// The sum of squared one-step errors Σₜ₌₁ⁿ⁻¹ (xₜ − ℓₜ)² (statsforecast `ses_sse`).
  /// - Complexity: O(n), no allocation.
  static func sumOfSquaredErrors(_ x: [Double], alpha: Double) -> Double {
    guard let first = x.first else { return 0 }
    let complement = 1 - alpha
    var level = first
    var sse = 0.0
    for i in 1..<max(x.count, 1) {
      level = alpha * x[i - 1] + complement * level
      let e = x[i] - level
      sse += e * e
    }
    return sse
  }

  /// The α in [`lower`, `upper`] minimising `sumOfSquaredErrors`, by statsforecast's golden
  /// section (`golden_section_ses`: stop when the bracket is narrower than 1e−12 or at an exact
  /// tie, return the bracket's midpoint). The defaults 0.1…0.3 are statsforecast's bounds for
  /// CrostonOptimized, ADIDA and IMAPA: the range Croston (1972) and Syntetos & Boylan (2005)
  /// recommend for intermittent demand, where larger α chases single orders.
  /// - Complexity: about 60 evaluations of O(n).
  static func optimalAlpha(_ x: [Double], lower: Double = 0.1, upper: Double = 0.3) -> Double {
    let ratio = (5.0.squareRoot() + 1) / 2
    var a = lower
    var b = upper
    var c = b - (b - a) / ratio
    var d = a + (b - a) / ratio
    var fc = sumOfSquaredErrors(x, alpha: c)
    var fd = sumOfSquaredErrors(x, alpha: d)
    while abs(b - a) >= 1e-12 {
      if fc < fd {
        b = d
        d = c
        fd = fc
        c = b - (b - a) / ratio
        fc = sumOfSquaredErrors(x, alpha: c)
      } else if fd < fc {
        a = c
        c = d
        fc = fd
        d = a + (b - a) / ratio
        fd = sumOfSquaredErrors(x, alpha: d)
      } else {
        break
      }
    }
    return (b + a) / 2
  }

  /// The positive values of `y` in order (the demand sizes).
  static func sizes(_ y: [Double]) -> [Double] { y.filter { $0 > 0 } }

  /// The intervals between non-zero values, the first counted from the start of the series:
  /// for non-zero positions i₁ < i₂ < …, the values i₁ + 1, i₂ − i₁, … (periods, ≥ 1).
  static func intervals(_ y: [Double]) -> [Double] {
    var out: [Double] = []
    var previous = 0
    for (i, v) in y.enumerated() where v != 0 {
      out.append(Double(i + 1 - previous))
      previous = i + 1
    }
    return out
  }

  /// 1 where `y` is non-zero, 0 elsewhere (the occurrence indicator).
  static func occurrence(_ y: [Double]) -> [Double] { y.map { $0 != 0 ? 1 : 0 } }

  /// The mean inter-demand interval rounded half to even (Python's `round`, as statsforecast
  /// rounds it), at least 1: the aggregation level of ADIDA and the largest level of IMAPA.
  static func aggregationLevel(_ y: [Double]) -> Int {
    let gaps = intervals(y)
    guard !gaps.isEmpty else { return 1 }
    let mean = gaps.reduce(0, +) / Double(gaps.count)
    return max(1, Int(mean.rounded(.toNearestOrEven)))
  }

  /// Sums of `level` consecutive values, dropping the `count % level` oldest values so the last
  /// bucket ends at the last observation. - Complexity: O(n).
  static func bucketSums(_ y: [Double], level: Int) -> [Double] {
    let k = max(level, 1)
    let lost = y.count % k
    let buckets = (y.count - lost) / k
    var out = [Double](repeating: 0, count: buckets)
    for b in 0..<buckets {
      var s = 0.0
      let base = lost + b * k
      for j in 0..<k { s += y[base + j] }
      out[b] = s
    }
    return out
  }

  /// statsforecast's `chunk_forecast` of demand and, with the same buckets and the same α, of the
  /// occurrence indicator: the forecast bucket total of demand, of the number of periods with
  /// demand, and the α (nil when no smoothing ran: fewer than two buckets).
  ///
  /// Smoothing the indicator with demand's α keeps the occurrence forecast below the demand
  /// forecast whenever every non-zero value is at least 1, so the implied mean size is ≥ 1.
  static func bucketForecast(_ y: [Double], level: Int) -> (
    demand: Double, occurrences: Double, alpha: Double?
  ) {
    let k = max(level, 1)
    guard let last = y.last else { return (0, 0, nil) }
    if y.count < k { return (last, last != 0 ? 1 : 0, nil) }
    let demand = bucketSums(y, level: k)
    let occurrences = bucketSums(occurrence(y), level: k)
    if demand.count <= 1 { return (demand[0], occurrences[0], nil) }
    let alpha = optimalAlpha(demand)
    return (forecast(demand, alpha: alpha), forecast(occurrences, alpha: alpha), alpha)
  }

  /// In-sample rates of one aggregation level: each period of bucket b ≥ 1 gets the smoothed
  /// forecast of bucket b made from buckets 0…b−1, divided by `level`; earlier periods are NaN.
  /// - Complexity: O(n).
  static func bucketFittedRates(_ y: [Double], level: Int, alpha: Double?) -> [Double] {
    let k = max(level, 1)
    var out = [Double](repeating: .nan, count: y.count)
    let sums = bucketSums(y, level: k)
    guard sums.count > 1 else { return out }
    let fitted = fittedAndForecast(sums, alpha: alpha ?? 0.2)
    let lost = y.count % k
    for b in 1..<sums.count {
      for j in 0..<k { out[lost + b * k + j] = fitted[b] / Double(k) }
    }
    return out
  }

  /// Croston-style in-sample values: for each period, the latest smoothed size divided by the
  /// latest smoothed interval known before it (statsforecast `expand_fitted_demand` /
  /// `expand_fitted_intervals`), NaN at t = 0. `sizeFit` and `intervalFit` come from
  /// `fittedAndForecast`. - Complexity: O(n).
  static func expandedRates(_ y: [Double], sizeFit: [Double], intervalFit: [Double]) -> [Double] {
    var out = [Double](repeating: .nan, count: y.count)
    guard y.count > 1 else { return out }
    var size = 0.0
    var interval = 1.0
    var seen = 0
    for i in 1..<y.count {
      if y[i - 1] != 0 {
        seen += 1
        if seen < sizeFit.count { size = sizeFit[seen] }
        if seen < intervalFit.count { interval = intervalFit[seen] == 0 ? 1 : intervalFit[seen] }
      } else if seen == 0 {
        size = y[i - 1]
        interval = 1
      }
      out[i] = size / interval
    }
    return out
  }
}
