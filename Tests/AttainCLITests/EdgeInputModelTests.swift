import Attain
import Testing

/// Numerical edge cases straight through the library: every model of the catalog, on short,
/// constant, zero, negative and extreme series, gives finite forecasts, intervals and sample paths.
@Suite struct EdgeInputModelTests {
  /// `ModelCatalog.names` with the patterns made concrete.
  static let modelNames: [String] = ModelCatalog.names.flatMap { name -> [String] in
    switch name {
    case "ets:XYZ": ["ets:ANN", "ets:AAN", "ets:AAdN", "ets:ANA", "ets:MNM", "ets:MAM"]
    case "window:K": ["window:1", "window:3"]
    case "tsb:AD,AP": ["tsb:0.2,0.2"]
    case "arima:p,d,q[:P,D,Q]": ["arima:0,1,1", "arima:1,0,0:0,1,1", "arima:2,1,0"]
    default: [name]
    }
  }

  /// Ordinary-range awkward series (each model must fit or throw, and never yield NaN/Inf).
  static let ordinary: [(String, [Double])] = [
    ("one", [42]),
    ("two", [42, 45]),
    ("three", [5, 7, 6]),
    ("constant", Array(repeating: 7.5, count: 30)),
    ("zero", Array(repeating: 0, count: 30)),
    ("negative", (1...30).map { (t: Int) -> Double in Double(-100 - 3 * t + (t % 12) * 2) }),
    ("sign-changing", (1...30).map { (t: Int) -> Double in Double(t % 2 == 0 ? t : -t) }),
    ("mostly-zero", (1...30).map { (t: Int) -> Double in t % 7 == 0 ? 5 : 0 }),
    ("one-spike", (1...30).map { (t: Int) -> Double in t == 15 ? 1e6 : 1 }),
  ]

  /// The extreme range, through the batch layer (which rescales it, see `ScaledForecaster`).
  static let extreme: [(String, [Double])] = [
    ("huge", (1...30).map { (t: Int) -> Double in (1 + Double(t % 5) / 10) * 1e300 }),
    ("huge-negative", (1...30).map { (t: Int) -> Double in -(1 + Double(t % 3) / 10) * 1e300 }),
    ("huge-alternating", (1...30).map { (t: Int) -> Double in t % 2 == 0 ? 1.5e300 : -1.5e300 }),
    ("tiny", (1...30).map { (t: Int) -> Double in Double(1 + t % 4) * 1e-300 }),
    ("max-magnitude", Array(repeating: Double.greatestFiniteMagnitude, count: 12)),
  ]

  static func expectFinite(_ f: Forecast, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(f.mean.allSatisfy { $0.isFinite }, "\(context): mean \(f.mean)", sourceLocation: sourceLocation)
    for k in f.levels.indices {
      #expect(f.lower[k].allSatisfy { $0.isFinite } && f.upper[k].allSatisfy { $0.isFinite }, "\(context): bounds",
        sourceLocation: sourceLocation)
      #expect(zip(f.lower[k], f.upper[k]).allSatisfy { $0 <= $1 }, "\(context): lower > upper",
        sourceLocation: sourceLocation)
    }
  }

  /// Sample paths from standard-normal shocks (±3 and 0) are finite.
  static func expectFinitePaths(_ model: any FittedForecaster, horizon: Int, _ context: String) {
    var path = [Double](repeating: 0, count: horizon)
    var scratch = [Double](repeating: 0, count: max(model.scratchCount, 1))
    for shock in [0.0, 3, -3] {
      let shocks = [Double](repeating: shock, count: horizon)
      shocks.withUnsafeBufferPointer { s in
        path.withUnsafeMutableBufferPointer { p in
          scratch.withUnsafeMutableBufferPointer { model.samplePath(shocks: s, into: p, scratch: $0) }
        }
      }
      #expect(path.allSatisfy { $0.isFinite }, "\(context): path with shocks \(shock): \(path)")
    }
  }

  @Test func everyModelNameIsKnown() {
    for name in Self.modelNames { #expect(ModelCatalog.method(named: name) != nil, "\(name)") }
  }

  @Test(arguments: [1, 12])
  func modelsFitOrThrowButNeverReturnNonFinite(seasonLength: Int) throws {
    for name in Self.modelNames {
      let method = try #require(ModelCatalog.method(named: name))
      for (label, y) in Self.ordinary {
        guard let model = try? method.fit(y, seasonLength: seasonLength) else { continue }
        let context = "\(name) m=\(seasonLength) \(label)"
        Self.expectFinite(model.forecast(horizon: 6, levels: [80, 95]), context)
        #expect(model.pointForecast(horizon: 6).allSatisfy { $0.isFinite }, "\(context): point")
        Self.expectFinitePaths(model, horizon: 6, context)
      }
    }
  }

  /// Through `BatchForecaster` (what every command uses) every series gets a finite forecast,
  /// including the extreme ones; the ordinary and extreme series must not end as zero forecasts
  /// unless they are zero.
  @Test(arguments: [1, 12])
  func batchForecastsAreFiniteOnEveryAwkwardSeries(seasonLength: Int) throws {
    let all = Self.ordinary + Self.extreme
    var offsets = [0]
    for (_, y) in all { offsets.append(offsets.last! + y.count) }
    let panel = Panel(
      ids: all.map(\.0), offsets: offsets, values: all.flatMap(\.1),
      starts: all.map { _ in PeriodStamp.index(1) }, frequency: .index)
    for name in Self.modelNames {
      let method = try #require(ModelCatalog.method(named: name))
      let batch = BatchForecaster(method: method, seasonLength: seasonLength, threads: 1)
      let fit = batch.fit(panel)
      for (i, model) in fit.models.enumerated() {
        let context = "\(name) m=\(seasonLength) \(all[i].0)"
        guard let model else {
          Issue.record("\(context): no model could fit (zero forecast)")
          continue
        }
        Self.expectFinite(model.forecast(horizon: 6, levels: [80, 95]), context)
        Self.expectFinitePaths(model, horizon: 6, context)
        // Extreme series keep their scale: the point forecast is within the data's range (×2).
        let y = all[i].1
        let top = y.map(abs).max() ?? 0
        #expect(model.pointForecast(horizon: 6).allSatisfy { abs($0) <= 2 * top || top < 1e-100 }, "\(context)")
      }
    }
  }
}
