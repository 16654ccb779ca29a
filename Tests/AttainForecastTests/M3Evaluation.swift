import AttainData
import AttainParallel
import Foundation
import Testing

@testable import AttainForecast

/// The M3 evaluation harness (not a unit test): runs only with `ATTAIN_M3_EVAL=1`.
///
///   ATTAIN_M3_EVAL=1 swift test -c release --disable-xctest --filter M3Evaluation
///
/// Optional `ATTAIN_M3_METHODS="Theta;Auto"` restricts the methods. Prints sMAPE and MASE per
/// frequency and overall, and interval coverage, on (1) the validation window — the last h
/// points of each *training* series, used for choosing `auto` — and (2) the M3 hold-out
/// (m3-test.csv), for reporting only. `series` is the mean over series of each series' mean
/// sMAPE; `points` is the mean over all 37 014 forecasts (series × horizons), the convention of
/// the published M3 tables (Theta 13.01).
///
/// Results (2026-11-25, release build, `AutoForecast()` = mean of Theta, DOTM, DampedTrend):
///
///     validation window (chooses auto)   Y      Q     M      O   | series  points | MASE  cov80 cov95
///     Naive2                           21.45  9.91  16.48  5.74  | 15.273  15.525 | 1.811  77.9  89.0
///     Theta                            19.61  9.19  14.25  4.26  | 13.552  13.611 | 1.561  73.1  87.4
///     DynamicOptimizedTheta            19.49  9.04  14.08  4.02  | 13.387  13.441 | 1.527  67.9  82.3
///     DampedTrend                      19.79  9.55  14.91  4.01  | 13.978  14.136 | 1.585  69.6  85.1
///     Mean(Theta, DOTM)                19.33  9.01  14.04  4.03  | 13.331  13.394 | 1.523  71.6  84.9
///     Median(Theta, DOTM, Damped)      19.18  8.93  14.05  4.03  | 13.282  13.372 | 1.515  70.6  84.4
///     Mean(Theta, DOTM, Damped) = Auto 18.97  8.92  14.02  3.94  | 13.214  13.324 | 1.502  72.2  86.8
///
///     M3 hold-out (reporting only)
///     Naive2                           17.88 10.03  16.76  6.30  | 14.702  15.386 | 1.669  77.7  89.7
///     SeasonalNaive                    17.88 11.07  17.23  6.30  | 15.186  15.882 | 1.764  77.1  90.9
///     Theta                            16.75  9.21  13.86  4.92  | 12.793  13.067 | 1.419  74.0  88.7
///     DynamicOptimizedTheta            16.04  9.30  13.74  4.53  | 12.581  12.906 | 1.359  70.8  85.5
///     Auto                             16.21  9.04  13.66  4.42  | 12.506  12.821 | 1.359  74.2  88.3
///     Auto, calibrated intervals       (same points)                               81.3  95.8
///
/// (Published M3 hold-out, points convention: Theta 13.01, Naive2 15.47.) The 12.6 target is met
/// by the mean over series (12.51) but not by the points convention (12.82).
///
/// AutoETS as a member of `auto` (2026-11-25, same harness, decided on the validation window only):
///
///     validation window (decides)       Y      Q     M      O   | series  points | MASE  cov80 cov95
///     Auto = Mean(Theta, DOTM, Damped) 18.97  8.92  14.02  3.94  | 13.214  13.324 | 1.502  72.2  86.7
///     AutoETS                          21.36  9.16  15.37  4.08  | 14.437  14.555 | 1.637  69.4  85.9
///     Mean(Theta, DOTM, Damped, ETS)   19.13  8.78  14.03  3.88  | 13.214  13.322 | 1.503  72.9  87.7
///     Mean(Theta, DOTM, ETS)           19.54  8.81  14.04  3.90  | 13.314  13.376 | 1.516  73.0  87.6
///     Median(Theta, DOTM, Damped, ETS) 19.25  8.83  14.01  3.93  | 13.246  13.331 | 1.513  71.7  86.7
///
///     M3 hold-out (reporting only, not used for the decision)
///     Auto                             16.21  9.04  13.66  4.42  | 12.506  12.821 | 1.359  74.0  88.2
///     AutoETS                          16.90  9.62  14.22  4.37  | 13.067  13.378 | 1.418  74.7  89.4
///     Mean(Theta, DOTM, Damped, ETS)   16.07  8.97  13.55  4.33  | 12.404  12.717 | 1.344  75.3  89.6
///     Mean(Theta, DOTM, ETS)           15.98  8.97  13.50  4.40  | 12.364  12.676 | 1.336  75.2  89.6
///     Median(Theta, DOTM, Damped, ETS) 15.97  9.01  13.60  4.32  | 12.416  12.748 | 1.341  74.4  88.6
///
/// Decision: `auto` keeps Theta, DOTM and DampedTrend. On the validation window adding AutoETS
/// ties (13.214 per series, 13.322 vs 13.324 per point, MASE 1.503 vs 1.502) and replacing
/// DampedTrend with it is worse (13.314); AutoETS alone is the weakest member there (14.44, its
/// yearly sMAPE 21.4). Adding it would roughly double the cost of `auto` (AutoETS fits up to 30
/// models per series; the harness took 49 s against 27 s) for no validated gain. The hold-out
/// favours the ETS combinations (12.36–12.40): recorded for honesty, not used — choosing on it
/// would be fitting the test set.
///
/// Calibration factors per frequency and step come from the validation window only
/// (`IntervalCalibration.estimate` on m3-train.csv), then are applied to the hold-out forecasts.
@Suite struct M3Evaluation {
  struct Series {
    var id: String
    var frequency: String
    var horizon: Int
    var seasonLength: Int
    var train: [Double]
    var test: [Double]
  }

  static var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// A minimal reader for `datasets/m3` (unique_id,ds,y rows in time order).
  static func load() throws -> [Series] {
    let dir = repositoryRoot.appendingPathComponent("datasets/m3")
    func read(_ name: String) throws -> [String: [Double]] {
      var out: [String: [Double]] = [:]
      let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
      for line in text.split(whereSeparator: \.isNewline).dropFirst() {
        let f = line.split(separator: ",")
        out[String(f[0]), default: []].append(Double(f[2]) ?? .nan)
      }
      return out
    }
    let train = try read("m3-train.csv")
    let test = try read("m3-test.csv")
    let meta = try String(contentsOf: dir.appendingPathComponent("m3-meta.csv"), encoding: .utf8)
    var series: [Series] = []
    for line in meta.split(whereSeparator: \.isNewline).dropFirst() {
      let f = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false)
      let id = String(f[0])
      let frequency = String(f[1])
      let m = frequency == "quarterly" ? 4 : frequency == "monthly" ? 12 : 1
      series.append(
        Series(
          id: id, frequency: frequency, horizon: Int(f[3]) ?? 0, seasonLength: m,
          train: train[id] ?? [],
          test: test[id] ?? []))
    }
    return series
  }

  /// Scores of one method on one split.
  struct Scores {
    var smape: [String: [Double]] = [:]  // per frequency, one value per series
    var mase: [String: [Double]] = [:]
    var inside80 = 0.0, inside95 = 0.0, points = 0.0
    var fallbacks = 0
  }

  static func evaluate(
    _ method: any ForecastingMethod, _ data: [Series], validation: Bool,
    calibration: (@Sendable (String) -> IntervalCalibration?)? = nil
  ) -> Scores {
    var perSeries = [(smape: Double, mase: Double, in80: Double, in95: Double, fallback: Bool)](
      repeating: (0, 0, 0, 0, false), count: data.count)
    perSeries.withParallelAccess { out in
      ParallelChunks.run(count: data.count, threads: nil, chunkSize: 16) { range in
        for i in range {
          let s = data[i]
          let training = validation ? Array(s.train.dropLast(s.horizon)) : s.train
          let actual = validation ? Array(s.train.suffix(s.horizon)) : s.test
          let fallback: Bool
          let fitted: any FittedForecaster
          if let model = try? method.fit(training, seasonLength: s.seasonLength) {
            (fitted, fallback) = (model, false)
          } else if let model = try? Naive().fit(training, seasonLength: 1) {
            (fitted, fallback) = (model, true)
          } else {
            continue
          }
          var f = fitted.forecast(horizon: s.horizon, levels: [80, 95])
          if let calibration, let c = calibration(s.frequency) { f = c.apply(to: f) }
          let a = AccuracySummary(
            actual: actual, forecast: f, training: training, seasonLength: s.seasonLength)
          out[i] = (a.smape, a.mase, a.coverage[0], a.coverage[1], fallback)
        }
      }
    }
    var scores = Scores()
    for (s, r) in zip(data, perSeries) {
      scores.smape[s.frequency, default: []].append(r.smape)
      scores.mase[s.frequency, default: []].append(r.mase)
      scores.inside80 += r.in80 / 100 * Double(s.horizon)
      scores.inside95 += r.in95 / 100 * Double(s.horizon)
      scores.points += Double(s.horizon)
      if r.fallback { scores.fallbacks += 1 }
    }
    return scores
  }

  static func line(_ name: String, _ s: Scores) -> String {
    let order = ["yearly", "quarterly", "monthly", "other"]
    func mean(_ v: [Double]) -> Double {
      v.filter(\.isFinite).reduce(0, +) / Double(max(v.filter(\.isFinite).count, 1))
    }
    let all = order.flatMap { s.smape[$0] ?? [] }
    let allMase = order.flatMap { s.mase[$0] ?? [] }
    // The M3 convention: the mean over all forecasts (series × horizons), as published (Theta 13.01).
    var pooledSum = 0.0
    var pooledCount = 0.0
    for f in order {
      let h = f == "yearly" ? 6.0 : f == "monthly" ? 18.0 : 8.0
      for v in s.smape[f] ?? [] where v.isFinite {
        pooledSum += v * h
        pooledCount += h
      }
    }
    let cols = order.map { String(format: "%6.2f", mean(s.smape[$0] ?? [])) }.joined(separator: " ")
    let mcols = order.map { String(format: "%5.2f", mean(s.mase[$0] ?? [])) }.joined(separator: " ")
    return String(
      format:
        "%@ sMAPE %@ | series %6.3f points %6.3f   MASE %@ | all %5.3f   cov80 %5.1f cov95 %5.1f  fb %d",
      name.padding(toLength: 26, withPad: " ", startingAt: 0) as NSString, cols as NSString,
      mean(all),
      pooledSum / pooledCount, mcols as NSString, mean(allMase),
      100 * s.inside80 / s.points, 100 * s.inside95 / s.points, s.fallbacks)
  }

  static func candidates() -> [(String, any ForecastingMethod)] {
    [
      ("Naive2", Naive2()),
      ("SeasonalNaive", SeasonalNaive()),
      ("Theta", Theta()),
      ("OptimizedTheta", OptimizedTheta()),
      ("DynamicOptimizedTheta", DynamicOptimizedTheta()),
      ("DynamicTheta", DynamicTheta()),
      ("AutoTheta", AutoTheta()),
      ("SES", SeasonallyAdjusted(SimpleExponentialSmoothingWithDrift(driftFactor: 0), name: "SES")),
      ("Auto", AutoForecast()),
      ("DampedTrend", DampedTrend()),
      ("AutoETS", AutoETS()),
      (
        "Mean(T,DOTM,D,ETS)",
        Ensemble(
          [Theta(), DynamicOptimizedTheta(), DampedTrend(), AutoETS()], combination: .mean,
          intervalPaths: 400)
      ),
      (
        "Mean(T,DOTM,ETS)",
        Ensemble(
          [Theta(), DynamicOptimizedTheta(), AutoETS()], combination: .mean, intervalPaths: 400)
      ),
      (
        "Median(T,DOTM,D,ETS)",
        Ensemble(
          [Theta(), DynamicOptimizedTheta(), DampedTrend(), AutoETS()], combination: .median,
          intervalPaths: 400)
      ),
      (
        "Mean(T,DOTM,D,RWD)",
        Ensemble(
          [
            Theta(), DynamicOptimizedTheta(), DampedTrend(),
            SeasonallyAdjusted(RandomWalkWithDrift()),
          ],
          combination: .mean, intervalPaths: 400)
      ),
      (
        "Mean(T,DOTM,D,SESb)",
        Ensemble(
          [
            Theta(), DynamicOptimizedTheta(), DampedTrend(),
            SeasonallyAdjusted(SimpleExponentialSmoothingWithDrift(driftFactor: 1)),
          ],
          combination: .mean, intervalPaths: 400)
      ),
      (
        "Mean(T,DOTM,DOTM,D)",
        Ensemble(
          [Theta(), DynamicOptimizedTheta(), DynamicOptimizedTheta(), DampedTrend()],
          combination: .mean, intervalPaths: 400)
      ),
      (
        "Mean(T,DOTM,D,OTM)",
        Ensemble(
          [Theta(), DynamicOptimizedTheta(), DampedTrend(), OptimizedTheta()], combination: .mean,
          intervalPaths: 400)
      ),
      (
        "Mean(T,DOTM,D,LT)",
        Ensemble(
          [Theta(), DynamicOptimizedTheta(), DampedTrend(), SeasonallyAdjusted(LinearTrend())],
          combination: .mean, intervalPaths: 400)
      ),
      (
        "Mean(T,DOTM,D,DSTM)",
        Ensemble(
          [Theta(), DynamicOptimizedTheta(), DampedTrend(), DynamicTheta()], combination: .mean,
          intervalPaths: 400)
      ),
      (
        "Mean(DOTM,D)",
        Ensemble([DynamicOptimizedTheta(), DampedTrend()], combination: .mean, intervalPaths: 400)
      ),
      (
        "Mean(T,DOTM,D,N2)",
        Ensemble(
          [Theta(), DynamicOptimizedTheta(), DampedTrend(), Naive2()], combination: .mean,
          intervalPaths: 400)
      ),
      (
        "Mean(T,DOTM,D)",
        Ensemble(
          [Theta(), DynamicOptimizedTheta(), DampedTrend()], combination: .mean, intervalPaths: 400)
      ),
      (
        "Median(T,DOTM,D)",
        Ensemble(
          [Theta(), DynamicOptimizedTheta(), DampedTrend()], combination: .median,
          intervalPaths: 400)
      ),
      (
        "Mean(T,DOTM,D,SES)",
        Ensemble(
          [
            Theta(), DynamicOptimizedTheta(), DampedTrend(),
            SeasonallyAdjusted(SimpleExponentialSmoothingWithDrift(driftFactor: 0)),
          ], combination: .mean, intervalPaths: 400)
      ),
      (
        "Median(T,DOTM,DSTM)",
        Ensemble(
          [Theta(), DynamicOptimizedTheta(), DynamicTheta()], combination: .median,
          intervalPaths: 400)
      ),
      (
        "Mean(T,DOTM)",
        Ensemble([Theta(), DynamicOptimizedTheta()], combination: .mean, intervalPaths: 400)
      ),
      (
        "Mean(T,DOTM,SES)",
        Ensemble(
          [
            Theta(), DynamicOptimizedTheta(),
            SeasonallyAdjusted(SimpleExponentialSmoothingWithDrift(driftFactor: 0)),
          ], combination: .mean, intervalPaths: 400)
      ),
      (
        "Median(T,DOTM,DSTM,SES,N2)",
        Ensemble(
          [
            Theta(), DynamicOptimizedTheta(), DynamicTheta(),
            SeasonallyAdjusted(SimpleExponentialSmoothingWithDrift(driftFactor: 0)), Naive2(),
          ], combination: .median, intervalPaths: 400)
      ),
    ]
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["ATTAIN_M3_EVAL"] == "1"))
  func run() throws {
    let data = try Self.load()
    #expect(data.count == 3003)
    let only = ProcessInfo.processInfo.environment["ATTAIN_M3_METHODS"].map {
      Set($0.split(separator: ";").map(String.init))
    }
    for validation in [true, false] {
      print(
        validation
          ? "== validation window (last h of each training series) =="
          : "== M3 hold-out (m3-test.csv) ==")
      for (name, method) in Self.candidates() where only?.contains(name) ?? true {
        let start = Date()
        let scores = Self.evaluate(method, data, validation: validation)
        print(Self.line(name, scores) + String(format: "  %.1fs", Date().timeIntervalSince(start)))
      }
    }
    // Interval calibration for Auto, per frequency, from the validation window (training data only).
    if only?.contains("AutoCalibrated") ?? true {
      var calibrations: [String: IntervalCalibration] = [:]
      for frequency in ["yearly", "quarterly", "monthly", "other"] {
        let group = data.filter { $0.frequency == frequency }
        guard let first = group.first else { continue }
        let c = IntervalCalibration.estimate(
          method: AutoForecast(), panel: .indexed(group.map(\.train)), seasonLength: first.seasonLength,
          horizon: first.horizon)
        calibrations[frequency] = c
        print(
          "calibration \(frequency): 80% \(c.factors[0].map { String(format: "%.2f", $0) }) 95% \(c.factors[1].map { String(format: "%.2f", $0) })"
        )
      }
      for validation in [true, false] {
        let table = calibrations
        let scores = Self.evaluate(AutoForecast(), data, validation: validation) { table[$0] }
        print(
          Self.line(validation ? "AutoCalibrated (valid.)" : "AutoCalibrated (hold-out)", scores))
      }
    }
  }
}
