import Testing

@testable import AttainForecast

/// Two ETS forms fitted in lock step (`ETSEstimator.fitPair`, interleaved likelihood loops) give
/// exactly the models of two separate fits, and two interleaved Nelder–Mead searches make the
/// decisions each makes alone.
@Suite struct ETSLockStepTests {
  /// Bit-identical parameters, states, likelihood and iteration counts on M3 series of every
  /// kind (monthly and quarterly, trending, seasonal, short), for every pairable error/season.
  @Test(arguments: ["N1402", "N1500", "N1700", "N2000", "N2500", "N0700", "N1000", "N0001"])
  func pairedFitsEqualSeparateFits(id: String) throws {
    let series = try #require(try ETSFixtures.m3Series()[id])
    let m = id == "N0700" || id == "N1000" ? 4 : id == "N0001" ? 1 : 12
    for (error, season) in [
      (ETSError.additive, ETSSeason.none), (.additive, .additive), (.multiplicative, .none),
      (.multiplicative, .additive), (.multiplicative, .multiplicative),
    ] {
      let damped = ETSForm(error: error, trend: .damped, season: season)
      let additive = ETSForm(error: error, trend: .additive, season: season)
      // Either order: each lane takes its damping from its own form.
      let (b2, a2) = try ETSEstimator.fitPair(
        series, additive, damped, seasonLength: m, fixed: ETSSpec(), name: "AutoETS")
      let (a, b) = try ETSEstimator.fitPair(
        series, damped, additive, seasonLength: m, fixed: ETSSpec(), name: "AutoETS")
      let a1 = try ETSEstimator.fit(
        series, form: damped, seasonLength: m, fixed: ETSSpec(), name: "AutoETS")
      let b1 = try ETSEstimator.fit(
        series, form: additive, seasonLength: m, fixed: ETSSpec(), name: "AutoETS")
      for (pair, single) in [(a, a1), (b, b1), (a2, a1), (b2, b1)] {
        #expect((pair == nil) == (single == nil))
        guard let pair, let single else { continue }
        #expect(pair.parameters == single.parameters, "\(id) \(pair.form)")
        #expect(pair.initialState == single.initialState, "\(id) \(pair.form)")
        #expect(pair.logLikelihood == single.logLikelihood, "\(id) \(pair.form)")
        #expect(pair.optimizerIterations == single.optimizerIterations, "\(id) \(pair.form)")
      }
    }
  }

  /// A search driven step by step alongside another one ends where `minimize` ends.
  @Test func interleavedSearchesMatchSeparateMinimisations() {
    let optimizer = NelderMead(maxIterations: 400, tolerance: 1e-10)
    let rosenbrock: (UnsafeBufferPointer<Double>, Double) -> Double = { x, _ in
      let a = 1 - x[0]
      let b = x[1] - x[0] * x[0]
      return a * a + 100 * b * b
    }
    // A cut-off objective that returns a value ≥ the cutoff early, with an infeasible region.
    let bowl: (UnsafeBufferPointer<Double>, Double) -> Double = { x, cutoff in
      if x[0] + x[1] > 3 { return .infinity }
      var s = 0.0
      for i in 0..<x.count { s += Double(i + 1) * (x[i] - 0.5) * (x[i] - 0.5) }
      return s >= cutoff ? s + 1 : s
    }
    let first = optimizer.minimize(start: [-1.2, 1], cutoffObjective: rosenbrock)
    let second = optimizer.minimize(
      start: [0.1, 0.2, 0.3, 0.4], lower: [-1, -1, -1, -1], upper: [1, 1, 1, 1],
      cutoffObjective: bowl)
    var a = NelderMeadSearch(optimizer, start: [-1.2, 1])
    var b = NelderMeadSearch(
      optimizer, start: [0.1, 0.2, 0.3, 0.4], lower: [-1, -1, -1, -1], upper: [1, 1, 1, 1])
    var pa = [Double](repeating: 0, count: 2)
    var pb = [Double](repeating: 0, count: 4)
    var running = true
    while running {
      running = false
      pa.withUnsafeMutableBufferPointer { p in
        if let cutoff = a.next(into: p.baseAddress!) {
          a.record(rosenbrock(UnsafeBufferPointer(p), cutoff))
          running = true
        }
      }
      pb.withUnsafeMutableBufferPointer { p in
        if let cutoff = b.next(into: p.baseAddress!) {
          b.record(bowl(UnsafeBufferPointer(p), cutoff))
          running = true
        }
      }
    }
    #expect(a.isFinished && b.isFinished)
    #expect(a.result == first)
    #expect(b.result == second)
    #expect(first.value < 1e-6)
    #expect(second.evaluations > 50)
  }
}
