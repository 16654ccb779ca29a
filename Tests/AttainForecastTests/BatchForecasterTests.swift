import AttainData
import Testing

@testable import AttainForecast

@Suite struct BatchForecasterTests {
  static func panel() -> Panel {
    var panel = Panel(frequency: .quarterly)
    for i in 0..<50 {
      let values: [Double] = (0..<(12 + i % 9)).map { t in
        let seasonal: Double = (t + i) % 4 == 0 ? 10 : 0
        return 50 + Double(t) * Double(i % 4) + seasonal
      }
      panel.append(id: "s\(i)", start: .index(1), values: values)
    }
    panel.append(id: "constant", start: .index(1), values: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5])
    panel.append(id: "zeros", start: .index(1), values: [Double](repeating: 0, count: 9))
    panel.append(id: "negative", start: .index(1), values: [-3, -1, -4, -1, -5, -9, -2, -6])
    panel.append(id: "two", start: .index(1), values: [3, 4])
    panel.append(id: "empty", start: .index(1), values: [Double]())
    panel.append(id: "nan", start: .index(1), values: [1, .nan, 3])
    return panel
  }

  @Test func resultsAreIdenticalForAnyThreadCount() {
    let panel = Self.panel()
    let reference = BatchForecaster(method: AutoTheta(), seasonLength: 4, threads: 1)
      .forecast(panel, horizon: 8, levels: [95, 80])
    for threads in [2, 3, 8] {
      let other = BatchForecaster(method: AutoTheta(), seasonLength: 4, threads: threads)
        .forecast(panel, horizon: 8, levels: [80, 95])
      #expect(other == reference)
    }
    #expect(reference.levels == [80, 95])
  }

  @Test func fallbacksAreNamedAndOutputIsFinite() {
    let panel = Self.panel()
    let result = BatchForecaster(method: Theta(), seasonLength: 4).forecast(
      panel, horizon: 6, levels: [80, 95])
    let allFinite =
      result.mean.allSatisfy { $0.isFinite }
      && result.lower.allSatisfy { $0.allSatisfy { $0.isFinite } }
      && result.upper.allSatisfy { $0.allSatisfy { $0.isFinite } }
    #expect(allFinite)
    let byId = Dictionary(uniqueKeysWithValues: result.warnings.map { ($0.id, $0) })
    #expect(byId["two"]?.used == "Naive")  // too short for Theta and a full season
    #expect(byId["empty"]?.used == nil)
    #expect(byId["nan"]?.used == nil)
    #expect(byId["constant"] == nil && byId["zeros"] == nil && byId["negative"] == nil)
    #expect(result.warnings.count == 3)
    let two = result.forecast(of: panel.index(of: "two")!)
    #expect(two.mean == [Double](repeating: 4, count: 6))
    let constant = result.forecast(of: panel.index(of: "constant")!)
    for v in constant.mean { #expect(close(v, 5, 1e-9)) }
    #expect(result.methods[panel.index(of: "empty")!] == "")
    #expect(result.forecast(of: panel.index(of: "empty")!).mean == [Double](repeating: 0, count: 6))
  }

  @Test func autoHandlesEdgeCasesWithoutNonFiniteOutput() {
    let panel = Self.panel()
    let result = BatchForecaster(
      method: AutoForecast(intervalPaths: 200), seasonLength: 4, threads: 2
    )
    .forecast(panel, horizon: 6, levels: [80, 95])
    let allFinite =
      result.mean.allSatisfy { $0.isFinite }
      && result.lower.allSatisfy { $0.allSatisfy { $0.isFinite } }
      && result.upper.allSatisfy { $0.allSatisfy { $0.isFinite } }
    #expect(allFinite)
    #expect(result.warnings.map(\.id).sorted() == ["empty", "nan", "two"])
    for i in 0..<panel.count where result.methods[i] == "Auto" {
      let f = result.forecast(of: i)
      for t in 0..<6 { #expect(f.lower[1][t] <= f.lower[0][t] && f.upper[0][t] <= f.upper[1][t]) }
    }
  }

  @Test func matchesSeriesBySeriesFits() throws {
    let panel = Self.panel()
    let result = BatchForecaster(method: Theta(), seasonLength: 4, threads: 2).forecast(
      panel, horizon: 5, levels: [90])
    for i in 0..<50 {
      let single = try Theta().fit(Array(panel.values(of: i)), seasonLength: 4).forecast(
        horizon: 5, levels: [90])
      #expect(result.forecast(of: i) == single)
    }
  }
}

@Suite struct EnsembleTests {
  let y: [Double] = (0..<40).map { (t: Int) -> Double in
    let noise = Double((t * 37) % 11)
    return 100 + 2 * Double(t) + noise
  }

  @Test func pointForecastsCombineMembers() throws {
    let members: [any ForecastingMethod] = [Naive(), RandomWalkWithDrift(), HistoricAverage()]
    let h = 5
    let forecasts = try members.map { try $0.fit(y, seasonLength: 1).pointForecast(horizon: h) }
    let mean = try Ensemble(members, combination: .mean).fit(y, seasonLength: 1).pointForecast(
      horizon: h)
    let median = try Ensemble(members, combination: .median).fit(y, seasonLength: 1).pointForecast(
      horizon: h)
    for t in 0..<h {
      let column = forecasts.map { $0[t] }.sorted()
      #expect(close(mean[t], column.reduce(0, +) / 3, 1e-14))
      #expect(median[t] == column[1])
    }
  }

  @Test func pathsCombinePerPathAndIntervalsAreDeterministic() throws {
    let members: [any ForecastingMethod] = [Naive(), RandomWalkWithDrift()]
    let fitted = try Ensemble(members, combination: .mean, maximumHorizon: 8).fit(
      y, seasonLength: 1)
    let a = try members.map { try $0.fit(y, seasonLength: 1) }
    let shocks: [Double] = [0.3, -1.2, 0.8, 2.0, -0.1, 0.5]
    var scratch = [Double](repeating: 0, count: fitted.scratchCount)
    func path(_ model: any FittedForecaster) -> [Double] {
      var out = [Double](repeating: 0, count: shocks.count)
      var local = [Double](repeating: 0, count: max(model.scratchCount, 1))
      shocks.withUnsafeBufferPointer { s in
        out.withUnsafeMutableBufferPointer { p in
          local.withUnsafeMutableBufferPointer { model.samplePath(shocks: s, into: p, scratch: $0) }
        }
      }
      return out
    }
    let combined = path(fitted)
    let p0 = path(a[0])
    let p1 = path(a[1])
    for t in shocks.indices { #expect(close(combined[t], 0.5 * (p0[t] + p1[t]), 1e-14)) }
    _ = scratch.count
    scratch = []
    #expect(fitted.forecast(horizon: 6, levels: [80]) == fitted.forecast(horizon: 6, levels: [80]))
    // Members driven by the same shocks: the combined 80 % interval lies between the members'.
    let f = fitted.forecast(horizon: 6, levels: [80])
    let naive = a[0].forecast(horizon: 6, levels: [80])
    let drift = a[1].forecast(horizon: 6, levels: [80])
    for t in 0..<6 {
      let width = f.upper[0][t] - f.lower[0][t]
      let lo = min(naive.upper[0][t] - naive.lower[0][t], drift.upper[0][t] - drift.lower[0][t])
      let hi = max(naive.upper[0][t] - naive.lower[0][t], drift.upper[0][t] - drift.lower[0][t])
      #expect(width > 0.9 * lo && width < 1.1 * hi)
    }
  }

  @Test func membersThatCannotFitAreSkipped() throws {
    let fitted = try Ensemble([SeasonalNaive(), Naive()]).fit([1, 2, 3], seasonLength: 12)
    #expect(fitted.pointForecast(horizon: 2) == [3, 3])
    #expect(throws: ForecastError.self) {
      _ = try Ensemble([SeasonalNaive()]).fit([1, 2], seasonLength: 12)
    }
  }

  @Test func calibrationScalesHalfWidths() {
    let c = IntervalCalibration(levels: [80, 95], factors: [[1.5, 2], [1.2]], sampleSize: 10)
    let f = Forecast(
      mean: [10, 10, 10], levels: [80, 95], lower: [[8, 8, 8], [6, 6, 6]],
      upper: [[11, 11, 11], [13, 13, 13]])
    let g = c.apply(to: f)
    #expect(g.lower[0] == [7, 6, 6])
    #expect(g.upper[0] == [11.5, 12, 12])
    let expectedLower: [Double] = [5.2, 5.2, 5.2]
    for t in 0..<3 { #expect(close(g.lower[1][t], expectedLower[t], 1e-14)) }
    #expect(g.mean == f.mean)
  }
}
