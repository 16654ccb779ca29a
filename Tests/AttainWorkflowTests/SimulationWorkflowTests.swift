import AttainData
import AttainForecast
import AttainSimulation
import Testing

@testable import AttainWorkflow

@Suite struct SimulationWorkflowTests {
  let horizon = 4

  func settings(_ log: FitLog, threads: Int? = 2) -> ModelSettings {
    ModelSettings(
      method: CountingMethod(inner: Theta(), log: log), frequency: .index, horizon: horizon, threads: threads)
  }

  @Test func recommendFitsEverySeriesOncePerWindow() throws {
    let panel = trendingPanel(count: 6, base: 30, spacing: 10, seed: 3)
    let log = FitLog()
    let progress = CountingProgress()
    let simulation = SimulationSettings(paths: 200, seed: 5, correlation: .estimate, calibrationWindows: 2, calibrationPaths: 100)
    let outcome = try PlanWorkflow.recommend(
      panel, model: settings(log), simulation: simulation, probabilities: [0.9, 0.5], progress: progress)
    for i in 0..<panel.count {
      let n = panel.length(of: i)
      #expect(log.fits(length: n) == 1, "full history of s\(i)")
      #expect(log.fits(length: n - horizon) == 1, "calibration window 1 of s\(i)")
      #expect(log.fits(length: n - 2 * horizon) == 1, "calibration window 2 of s\(i)")
    }
    #expect(log.total == 3 * panel.count)
    #expect(progress.done == panel.count && progress.finished == 1)
    #expect(outcome.result.units.map(\.id) == panel.ids)
    #expect(outcome.result.units.allSatisfy { $0.total.targetsAtProbability.map(\.level) == [0.9, 0.5] })
    #expect(outcome.estimatedCorrelation != nil)
    #expect(outcome.calibration.windows == 2 * panel.count)
  }

  @Test func scenariosReuseTheOneFitAndCalibration() throws {
    let panel = trendingPanel(count: 5, base: 24, spacing: 10, seed: 8)
    let log = FitLog()
    let growth = Scenario(name: "growth", growth: 0.05, shocks: [.init(period: 2, factor: 0.5)])
    let simulation = SimulationSettings(paths: 300, seed: 2, correlation: .fixed(0.3), calibrationPaths: 100)
    let outcome = try PlanWorkflow.simulate(panel, model: settings(log), simulation: simulation, scenarios: [growth])
    for i in 0..<panel.count {
      #expect(log.fits(length: panel.length(of: i)) == 1)
      #expect(log.fits(length: panel.length(of: i) - horizon) == 1)
    }
    #expect(log.total == 2 * panel.count)
    #expect(outcome.runs.map(\.name) == ["baseline", "growth", "growth/growth", "growth/shocks"])
    #expect(outcome.runs.map(\.groupsOnly) == [false, false, true, true])
    // Without a group map the company total is the one group; every id gets its baseline P50.
    #expect(outcome.runs[0].result.groups.map(\.group) == ["total"])
    #expect(Set(outcome.targets.keys) == Set(panel.ids + ["total"]))
    let p50 = outcome.runs[0].result.units[0].total.quantiles[1].value
    #expect(abs((outcome.runs[0].result.units[0].total.attainment?.target ?? .nan) - p50) < 1e-9 * p50)
  }

  @Test func resultsDoNotDependOnTheThreadCount() throws {
    let panel = trendingPanel(count: 7, base: 20, seed: 1)
    let simulation = SimulationSettings(paths: 256, seed: 9, groups: ["s0": "a", "s1": "a", "s2": "b"])
    let one = try PlanWorkflow.simulate(panel, model: settings(FitLog(), threads: 1), simulation: simulation)
    let two = try PlanWorkflow.simulate(panel, model: settings(FitLog(), threads: 2), simulation: simulation)
    #expect(one.result.units.map(\.total.quantiles) == two.result.units.map(\.total.quantiles))
    #expect(one.result.groups.map(\.total.quantiles) == two.result.groups.map(\.total.quantiles))
    #expect(one.result.groups.map(\.group) == ["a", "b"])
  }

  @Test func modelSettingsDefaults() {
    let monthly = ModelSettings(method: Theta(), frequency: .monthly, levels: [95, 80, 95])
    #expect(monthly.horizon == 12 && monthly.seasonLength == 12 && monthly.levels == [80, 95])
    #expect(ModelSettings.defaultHorizon(for: .yearly) == 6)
    #expect(ModelSettings.defaultHorizon(for: .quarterly) == 4)
    // Only auto is calibrated on the panel.
    let theta = ModelSettings(method: Theta(), frequency: .index, horizon: 3)
    #expect(theta.calibratedMethod(on: trendingPanel(count: 2, base: 20, seed: 1)) is Theta)
    let auto = ModelSettings(method: AutoForecast(), frequency: .index, horizon: 3)
    let calibrated = auto.calibratedMethod(on: trendingPanel(count: 3, base: 30, seed: 1)) as? AutoForecast
    #expect(calibrated?.calibration != nil)
  }
}

@Suite struct SeriesChunksTests {
  @Test func chunksCoverThePanelInOrder() {
    #expect(SeriesChunks.size(for: 10) == 256)
    #expect(SeriesChunks.size(for: 100_000) == 1000)
    let ranges = SeriesChunks.ranges(count: 600)
    #expect(ranges == [0..<256, 256..<512, 512..<600])
    #expect(SeriesChunks.ranges(count: 0).isEmpty)
  }

  @Test func chunkedFitMergesToTheOneCallFit() {
    let panel = trendingPanel(count: 600, base: 8, seed: 4)
    let forecaster = BatchForecaster(method: Theta(), seasonLength: 1, threads: 2)
    let progress = CountingProgress()
    let chunked = SeriesChunks.fit(panel, with: forecaster, progress: progress)
    let whole = forecaster.fit(panel)
    #expect(chunked.ids == whole.ids)
    #expect(chunked.models.map { $0?.pointForecast(horizon: 3) } == whole.models.map { $0?.pointForecast(horizon: 3) })
    #expect(chunked.warnings == whole.warnings)
    #expect(progress.done == 600 && progress.finished == 1)
  }

  @Test func chunkedBacktestAveragesOverAllSeries() {
    let panel = trendingPanel(count: 300, base: 12, seed: 6)
    let backtest = Backtest(method: Theta(), horizon: 3)
    let chunked = SeriesChunks.backtest(panel, with: backtest, threads: 2, progress: NoProgress())
    let whole = backtest.run(panel, threads: 2)
    #expect(chunked.series.count == whole.series.count)
    #expect(chunked.accuracy == whole.accuracy)
  }
}
