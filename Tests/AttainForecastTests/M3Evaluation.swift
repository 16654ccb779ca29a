import AttainData
import Foundation
import Testing

@testable import AttainForecast

/// The M3 evaluation harness (not a unit test): runs only with `ATTAIN_M3_EVAL=1`.
///
///   ATTAIN_M3_EVAL=1 swift test -c release --disable-xctest --filter M3Evaluation
///
/// Optional `ATTAIN_M3_METHODS=Theta,Auto` restricts the methods. Prints sMAPE and MASE per
/// frequency and overall, and interval coverage, on (1) the validation window — the last h
/// points of each *training* series, used for choosing `auto` — and (2) the M3 hold-out
/// (m3-test.csv), for reporting only.
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
      for line in text.split(separator: "\n").dropFirst() {
        let f = line.split(separator: ",")
        out[String(f[0]), default: []].append(Double(f[2]) ?? .nan)
      }
      return out
    }
    let train = try read("m3-train.csv")
    let test = try read("m3-test.csv")
    let meta = try String(contentsOf: dir.appendingPathComponent("m3-meta.csv"), encoding: .utf8)
    var series: [Series] = []
    for line in meta.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false)
      let id = String(f[0])
      let frequency = String(f[1])
      let m = frequency == "quarterly" ? 4 : frequency == "monthly" ? 12 : 1
      series.append(
        Series(
          id: id, frequency: frequency, horizon: Int(f[3]) ?? 0, seasonLength: m, train: train[id] ?? [],
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
    calibration: ((String) -> IntervalCalibration?)? = nil
  ) -> Scores {
    var perSeries = [(smape: Double, mase: Double, in80: Double, in95: Double, fallback: Bool)](
      repeating: (0, 0, 0, 0, false), count: data.count)
    nonisolated(unsafe) let calibration = calibration  // read-only inside the workers
    perSeries.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let out = buffer
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
          let a = AccuracySummary(actual: actual, forecast: f, training: training, seasonLength: s.seasonLength)
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
    func mean(_ v: [Double]) -> Double { v.filter(\.isFinite).reduce(0, +) / Double(max(v.filter(\.isFinite).count, 1)) }
    let all = order.flatMap { s.smape[$0] ?? [] }
    let allMase = order.flatMap { s.mase[$0] ?? [] }
    let cols = order.map { String(format: "%6.2f", mean(s.smape[$0] ?? [])) }.joined(separator: " ")
    let mcols = order.map { String(format: "%5.2f", mean(s.mase[$0] ?? [])) }.joined(separator: " ")
    return String(
      format: "%-26@ sMAPE %@ | all %6.3f   MASE %@ | all %5.3f   cov80 %5.1f cov95 %5.1f  fb %d",
      name as NSString, cols as NSString, mean(all), mcols as NSString, mean(allMase),
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
    ]
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["ATTAIN_M3_EVAL"] == "1"))
  func run() throws {
    let data = try Self.load()
    #expect(data.count == 3003)
    let only = ProcessInfo.processInfo.environment["ATTAIN_M3_METHODS"].map { Set($0.split(separator: ",").map(String.init)) }
    for validation in [true, false] {
      print(validation ? "== validation window (last h of each training series) ==" : "== M3 hold-out (m3-test.csv) ==")
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
          method: AutoForecast(), series: group.map(\.train), seasonLength: first.seasonLength,
          horizon: first.horizon)
        calibrations[frequency] = c
        print("calibration \(frequency): 80% \(c.factors[0].map { String(format: "%.2f", $0) }) 95% \(c.factors[1].map { String(format: "%.2f", $0) })")
      }
      for validation in [true, false] {
        let scores = Self.evaluate(AutoForecast(), data, validation: validation) { calibrations[$0] }
        print(Self.line(validation ? "AutoCalibrated (valid.)" : "AutoCalibrated (hold-out)", scores))
      }
    }
  }
}
