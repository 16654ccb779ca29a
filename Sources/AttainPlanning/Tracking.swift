/// Progress of actuals against a phased target, at any grain (day, week, month).
///
/// Inputs are per-period arrays at one grain: the plan's `targets` for every period (e.g. the
/// 12 months of a `TimePlan`), `actuals` for the elapsed periods (the first k), optionally the
/// calendar days of each period and last year's actuals per period.
public struct TrackingInput: Sendable, Hashable {
  /// Target per period of the whole plan (n periods).
  public var targets: [Double]
  /// Actual per elapsed period (k ≤ n; period i of `actuals` is period i of `targets`).
  public var actuals: [Double]
  /// Calendar days per period (n values), for time elapsed by days; nil = 1 per period
  /// (right for a daily grain).
  public var periodDays: [Int]?
  /// Last year's actual per period (at least k values), for year-over-year growth.
  public var lastYear: [Double]?
  /// A period is flagged when its deviation from target exceeds this fraction (e.g. 0.1 = ±10 %).
  public var deviationThreshold: Double

  /// Tracking inputs (see the properties).
  public init(
    targets: [Double], actuals: [Double], periodDays: [Int]? = nil, lastYear: [Double]? = nil,
    deviationThreshold: Double = 0.1
  ) {
    self.targets = targets
    self.actuals = actuals
    self.periodDays = periodDays
    self.lastYear = lastYear
    self.deviationThreshold = deviationThreshold
  }
}

/// Whether a period ran ahead of, on, or behind its target.
public enum DeviationFlag: String, Sendable, Hashable {
  /// Deviation > +threshold.
  case ahead
  /// |deviation| ≤ threshold.
  case onTrack
  /// Deviation < −threshold.
  case behind
}

/// Tracking metrics at a point in the plan period. Ratios are fractions (0.25 = 25 %); a ratio
/// whose denominator is zero is nil.
///
/// With `T` the full target, `A` the actual to date, `E = Σ_{i<k} target_i` the target to date,
/// `D = Σ days`, `d = Σ_{i<k} days_i`:
/// - `completion = A / T`
/// - `timeElapsedByDays = d / D`; `timeElapsedByProfile = E / T` (the seasonal profile's expected
///   share to date, because the period targets follow the profile)
/// - `paceIndex = A / E` (1 = exactly on the phased plan)
/// - `linearLanding = A · D / d` (straight run-rate); `profileLandingEstimate = A · T / E`
///   (run-rate adjusted for seasonality: the remaining periods run at the same ratio to plan)
/// - `gap = T − A`; `requiredPerRemainingDay = gap / (D − d)`;
///   `requiredPerRemainingWeek = 7 · gap / (D − d)`; `requiredPerRemainingPeriod = gap / (n − k)`;
///   `requiredVersusPlan = gap / (T − E)`
///   (1.08 = the rest of the year must run 8 % above its plan)
/// - `yearOverYear = A / Σ_{i<k} lastYear_i − 1`; `periodOverPeriod = a_{k−1} / a_{k−2} − 1`
///   (month-over-month at a monthly grain, week-over-week at a weekly one)
/// - `deviations[i] = actual_i / target_i − 1` and `flags[i]` against the threshold;
///   `cumulativeFlag` compares `paceIndex − 1` with the threshold.
public struct TrackingReport: Sendable, Hashable {
  /// Full-period target T.
  public let target: Double
  /// Actual to date A.
  public let actualToDate: Double
  /// Target to date E (the phased plan for the elapsed periods).
  public let targetToDate: Double
  /// Elapsed periods k and total periods n.
  public let elapsedPeriods: Int, totalPeriods: Int
  /// Elapsed and total calendar days (d, D).
  public let elapsedDays: Int, totalDays: Int
  /// A / T.
  public let completion: Double?
  /// d / D.
  public let timeElapsedByDays: Double?
  /// E / T.
  public let timeElapsedByProfile: Double?
  /// A / E.
  public let paceIndex: Double?
  /// A · D / d.
  public let linearLanding: Double?
  /// A · T / E.
  public let profileLandingEstimate: Double?
  /// T − A (negative when the target is already beaten).
  public let gap: Double
  /// gap / (D − d).
  public let requiredPerRemainingDay: Double?
  /// 7 · gap / (D − d): the required weekly rate (calendar weeks of remaining days).
  public let requiredPerRemainingWeek: Double?
  /// gap / (n − k).
  public let requiredPerRemainingPeriod: Double?
  /// gap / (T − E).
  public let requiredVersusPlan: Double?
  /// A / last year to date − 1.
  public let yearOverYear: Double?
  /// Last elapsed period over the one before, − 1.
  public let periodOverPeriod: Double?
  /// Per elapsed period: actual / target − 1 (nil when the target is 0).
  public let deviations: [Double?]
  /// Per elapsed period flag (a zero-target period with a positive actual is `.ahead`).
  public let flags: [DeviationFlag]
  /// Flag of the cumulative pace (A / E − 1).
  public let cumulativeFlag: DeviationFlag

  /// Computes the report.
  ///
  /// - Throws: `.lengthMismatch` when `actuals` is longer than `targets`, `periodDays` does not
  ///   have n values or `lastYear` has fewer than k; `.invalidParameter` for a negative or
  ///   non-finite threshold or negative day counts.
  /// - Complexity: O(n).
  public init(_ input: TrackingInput) throws(PlanningError) {
    let n = input.targets.count
    let k = input.actuals.count
    guard k <= n else { throw .lengthMismatch(name: "actuals", expected: n, got: k) }
    let theta = input.deviationThreshold
    guard theta.isFinite, theta >= 0 else {
      throw .invalidParameter(name: "deviationThreshold", value: theta, rule: "must be finite and ≥ 0")
    }
    let days = input.periodDays ?? [Int](repeating: 1, count: n)
    guard days.count == n else { throw .lengthMismatch(name: "periodDays", expected: n, got: days.count) }
    if let bad = days.first(where: { $0 < 0 }) {
      throw .invalidParameter(name: "periodDays", value: Double(bad), rule: "must be ≥ 0")
    }
    func ratio(_ a: Double, _ b: Double) -> Double? { b != 0 ? a / b : nil }
    let t = input.targets.reduce(0, +)
    let a = input.actuals.reduce(0, +)
    let e = input.targets[0..<k].reduce(0, +)
    let dTotal = days.reduce(0, +)
    let dElapsed = days[0..<k].reduce(0, +)
    target = t
    actualToDate = a
    targetToDate = e
    elapsedPeriods = k
    totalPeriods = n
    elapsedDays = dElapsed
    totalDays = dTotal
    completion = ratio(a, t)
    timeElapsedByDays = ratio(Double(dElapsed), Double(dTotal))
    timeElapsedByProfile = ratio(e, t)
    paceIndex = ratio(a, e)
    linearLanding = ratio(a * Double(dTotal), Double(dElapsed))
    profileLandingEstimate = ratio(a * t, e)
    gap = t - a
    requiredPerRemainingDay = ratio(t - a, Double(dTotal - dElapsed))
    requiredPerRemainingWeek = ratio(7 * (t - a), Double(dTotal - dElapsed))
    requiredPerRemainingPeriod = ratio(t - a, Double(n - k))
    requiredVersusPlan = ratio(t - a, t - e)
    if let ly = input.lastYear {
      guard ly.count >= k else { throw .lengthMismatch(name: "lastYear", expected: k, got: ly.count) }
      yearOverYear = ratio(a, ly[0..<k].reduce(0, +)).map { $0 - 1 }
    } else {
      yearOverYear = nil
    }
    periodOverPeriod = k >= 2 ? ratio(input.actuals[k - 1], input.actuals[k - 2]).map { $0 - 1 } : nil
    func flag(_ deviation: Double?, actual: Double) -> DeviationFlag {
      guard let d = deviation else { return actual > 0 ? .ahead : (actual < 0 ? .behind : .onTrack) }
      return d > theta ? .ahead : (d < -theta ? .behind : .onTrack)
    }
    // (a − t) / t rather than a / t − 1: exact at the threshold boundary for round numbers.
    let devs = (0..<k).map { i in ratio(input.actuals[i] - input.targets[i], input.targets[i]) }
    deviations = devs
    flags = (0..<k).map { flag(devs[$0], actual: input.actuals[$0]) }
    cumulativeFlag = flag(ratio(a - e, e), actual: a)
  }
}
