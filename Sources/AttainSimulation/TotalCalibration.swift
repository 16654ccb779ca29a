import AttainData
import AttainForecast
import AttainRandom

/// Quantile recalibration of simulated horizon totals, estimated by rolling origin inside the
/// training data.
///
/// Fitted models' own spread is often too narrow (on M3 the analytic Theta 80 % intervals cover
/// 67 %). Calibration works on the quantity that matters for targets, the horizon TOTAL: for each
/// training series (and each of `windows` origins) the model is refitted without its last h·w
/// points, the total of the next h points is simulated, and the probability integral transform
/// (PIT) u = F̂(actual total) of the actual total within the simulated totals is recorded. If the
/// simulation were calibrated, the PITs would be uniform. Their empirical CDF G (piecewise linear
/// through (0, 0), (u₍ᵢ₎, i/(n+1)), (1, 1)) maps simulated levels to calibrated ones:
/// - the calibrated q-quantile of a future total is the simulated G⁻¹(q)-quantile, so the target
///   reached with probability p is the simulated G⁻¹(1 − p)-quantile;
/// - a target reached on a fraction p̂ of the simulated paths is reached with calibrated
///   probability 1 − G(1 − p̂).
/// The mapping corrects both spread (too narrow ⇒ PITs pile up near 0 and 1) and bias (PITs
/// skewed to one side). It is pooled over the series set (one mapping per call), so it assumes
/// the series are exchangeable in how their models miss (run it per frequency, say).
/// Only the given (training) series are used — never hold-out data.
///
/// Reference: Kuleshov, Fenner & Ermon (2018), "Accurate uncertainties for deep learning using
/// calibrated regression", ICML (quantile recalibration); Gneiting, Balabdaoui & Raftery (2007),
/// "Probabilistic forecasts, calibration and sharpness", JRSS B (the PIT).
public struct TotalCalibration: Codable, Hashable, Sendable {
  /// The PITs of the calibration windows, ascending, each in [0, 1].
  public private(set) var pits: [Double]

  /// Calibration windows (series × origins) behind the mapping.
  public private(set) var windows: Int

  /// A calibration from PIT values (sorted here) of `windows` windows (default: one per PIT;
  /// symmetrised PITs count twice as many values as windows); no PITs = the identity mapping.
  public init(pits: [Double], windows: Int? = nil) {
    self.pits = pits.filter(\.isFinite).map { min(1, max(0, $0)) }.sorted()
    self.windows = windows ?? self.pits.count
  }

  /// The identity mapping (the simulation's own spread).
  public static let identity = TotalCalibration(pits: [])

  /// G(u): the calibrated CDF level of a simulated level u ∈ [0, 1]. - Complexity: O(log n).
  public func calibratedLevel(_ u: Double) -> Double {
    let n = pits.count
    guard n > 0 else { return u }
    let x = min(1, max(0, u))
    // Knots (0, 0), (pits[i], (i+1)/(n+1)), (1, 1); find the first knot with abscissa > x.
    var lo = 0
    var hi = n
    while lo < hi {
      let mid = (lo + hi) / 2
      if pits[mid] <= x { lo = mid + 1 } else { hi = mid }
    }
    let scale = Double(n + 1)
    let (x0, y0) = lo == 0 ? (0.0, 0.0) : (pits[lo - 1], Double(lo) / scale)
    let (x1, y1) = lo == n ? (1.0, 1.0) : (pits[lo], Double(lo + 1) / scale)
    if x1 <= x0 { return y1 }
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
  }

  /// G⁻¹(q): the simulated quantile level whose value is the calibrated q-quantile.
  /// - Complexity: O(1).
  public func simulatedLevel(_ q: Double) -> Double {
    let n = pits.count
    guard n > 0 else { return q }
    let y = min(1, max(0, q)) * Double(n + 1)
    let k = Int(y.rounded(.down))  // between knot k (y = k) and knot k + 1
    if k >= n + 1 { return 1 }
    let x0 = k == 0 ? 0 : pits[k - 1]
    let x1 = k == n ? 1 : pits[k]
    return x0 + (x1 - x0) * (y - Double(k))
  }

  /// The calibrated P(total ≥ t) of a target reached on a fraction `simulated` of the paths:
  /// 1 − G(1 − p̂).
  public func attainmentProbability(simulated: Double) -> Double {
    1 - calibratedLevel(1 - simulated)
  }

  /// The Monte Carlo standard error of the calibrated probability by the delta method:
  /// G′(1 − p̂)·√(p̂(1 − p̂)/P), with G′ the local slope of the mapping (the mapping itself is
  /// treated as fixed).
  public func standardError(simulated p: Double, paths: Int) -> Double {
    let raw = (max(0, p * (1 - p)) / Double(max(paths, 1))).squareRoot()
    guard !pits.isEmpty else { return raw }
    let u = 1 - p
    let step = max(raw, 1e-4)
    let a = max(0, u - step)
    let b = min(1, u + step)
    let slope = b > a ? (calibratedLevel(b) - calibratedLevel(a)) / (b - a) : 1
    return slope * raw
  }

  /// The fraction of windows with PIT < 1 − p, i.e. the share of calibration windows whose
  /// actual total missed the uncalibrated target at probability p (diagnostic).
  public func missRate(probability p: Double) -> Double {
    guard !pits.isEmpty else { return .nan }
    return Double(pits.count(where: { $0 < 1 - p })) / Double(pits.count)
  }

  /// Estimates the mapping from `panel` (training data only): for each series and each origin
  /// w = 1…`windows`, `forecaster` fits the series without its last h·w points and the engine
  /// simulates `paths` totals of the next h points (stream seed derived from `seed`); the PIT is
  /// the share of simulated totals below the actual total. Series shorter than
  /// h·w + `minimumLength` are skipped for that origin.
  /// - Complexity: windows × (batch fit + N·paths·h).
  public static func estimate(
    panel: Panel, forecaster: BatchForecaster, horizon: Int, paths: Int, seed: UInt64,
    windows: Int = 1, minimumLength: Int? = nil, symmetric: Bool = true, threads: Int? = nil
  ) throws(SimulationError) -> TotalCalibration {
    let minimum = minimumLength ?? max(2 * forecaster.seasonLength, 6)
    var pits: [Double] = []
    for w in 1...max(1, windows) {
      let cut = horizon * w
      let (head, kept) = panel.prefixes(dropping: cut, minimumLength: minimum)
      let actuals = kept.map { i in
        let values = panel.values(of: i)
        let end = values.endIndex - cut
        return values[end..<(end + horizon)].reduce(0, +)
      }
      if head.count == 0 { continue }
      let fit = forecaster.fit(head)
      let units = SimulationUnit.units(from: fit, targets: Dictionary(
        uniqueKeysWithValues: zip(head.ids, actuals)))
      let plan = SimulationPlan(
        paths: paths, horizon: horizon, seed: SplitMix64.mix(seed ^ (0xCA1B_0000 &+ UInt64(w))),
        quantileLevels: [], attainmentProbabilities: [])
      let result = try SimulationEngine(plan: plan).run(units: units, threads: threads)
      for unit in result.units {
        if let probability = unit.total.attainment?.probability { pits.append(1 - probability) }
      }
    }
    return TotalCalibration(pits: symmetric ? pits + pits.map { 1 - $0 } : pits, windows: pits.count)
  }
}

extension TotalCalibration {
  /// The plan the engine runs so that its summaries hold the simulated quantiles the calibrated
  /// summary needs: every quantile level q becomes G⁻¹(q), every attainment probability p becomes
  /// 1 − G⁻¹(1 − p) (kept inside (0, 1)). Restore the requested levels with `calibrated(_:plan:)`.
  public func simulationPlan(_ plan: SimulationPlan) -> SimulationPlan {
    var mapped = plan
    mapped.quantileLevels = plan.quantileLevels.map { simulatedLevel($0) }
    mapped.attainmentProbabilities = plan.attainmentProbabilities.map {
      min(1 - 1e-12, max(1e-12, 1 - simulatedLevel(1 - $0)))
    }
    return mapped
  }

  /// A summary from a run of `simulationPlan(plan)`, relabelled with the levels of `plan` and
  /// with a calibrated attainment probability (`attainmentProbability(simulated:)`) and its
  /// delta-method standard error. Mean, standard deviation and expected shortfall stay those
  /// of the simulated paths (uncalibrated).
  public func calibrated(_ summary: TotalSummary, plan: SimulationPlan) -> TotalSummary {
    var result = summary
    result.quantiles = zip(plan.quantileLevels, summary.quantiles).map {
      TotalSummary.LevelValue(level: $0, value: $1.value)
    }
    result.targetsAtProbability = zip(plan.attainmentProbabilities, summary.targetsAtProbability)
      .map { TotalSummary.LevelValue(level: $0, value: $1.value) }
    if var attainment = summary.attainment {
      let raw = attainment.probability
      attainment.probability = attainmentProbability(simulated: raw)
      attainment.standardError = standardError(simulated: raw, paths: summary.paths)
      result.attainment = attainment
    }
    return result
  }

  /// Every unit and group summary of `result` (a run of `simulationPlan(plan)`) calibrated.
  public func calibrated(_ result: SimulationResult, plan: SimulationPlan) -> SimulationResult {
    var copy = result
    for k in copy.units.indices { copy.units[k].total = calibrated(copy.units[k].total, plan: plan) }
    for k in copy.groups.indices {
      copy.groups[k].total = calibrated(copy.groups[k].total, plan: plan)
    }
    return copy
  }
}
