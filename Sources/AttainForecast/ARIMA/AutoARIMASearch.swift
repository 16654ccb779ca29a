import Foundation

/// One candidate of the stepwise search: orders plus whether a constant (mean or drift) is in.
struct ARIMACandidate: Hashable {
  var order: ARIMAOrder
  var constant: Bool
}

/// The stepwise search of `forecast::auto.arima` (see `AutoARIMA`), state and steps.
struct AutoARIMASearch {
  let series: [Double]
  let period: Int
  var maxP: Int
  var maxQ: Int
  var maxSeasonalP: Int
  var maxSeasonalQ: Int
  let maxModels: Int

  /// Candidates in the order they were fitted, with their criterion (∞ when rejected).
  var results: [(candidate: ARIMACandidate, criterion: Double)] = []

  init(
    series: [Double], period: Int, maxP: Int, maxQ: Int, maxSeasonalP: Int, maxSeasonalQ: Int,
    maxModels: Int
  ) {
    self.series = series
    self.period = period
    self.maxP = maxP
    self.maxQ = maxQ
    self.maxSeasonalP = maxSeasonalP
    self.maxSeasonalQ = maxSeasonalQ
    self.maxModels = maxModels
  }

  /// A fitted candidate with its information criterion.
  struct Scored {
    var estimate: ARIMAEstimate?
    var criterion: Double
  }

  /// Fits one candidate as `myarima` does and scores it by AICc (AIC for n ≤ 3).
  func score(
    _ c: ARIMACandidate, approximate: Bool, offset: Double, useAIC: Bool
  ) -> Scored {
    let o = c.order
    let m = period
    let diffs = o.d + o.seasonalD
    let estimate: ARIMAEstimate
    do {
      estimate = try ARIMAEstimator.estimate(
        series, order: o, period: m, includeMean: c.constant && diffs == 0,
        includeDrift: c.constant && diffs == 1, method: approximate ? .conditional : .conditionalThenExact,
        fast: true)
    } catch {
      return Scored(estimate: nil, criterion: .infinity)
    }
    let n = Double(series.count)
    let nstar = n - Double(o.d) - Double(o.seasonalD * m)
    let k = Double(estimate.estimatedCount + 1)
    let aic: Double
    if approximate {
      aic = offset + nstar * log(estimate.innovationVariance) + 2 * k
    } else {
      aic = estimate.aic ?? .nan
    }
    guard aic.isFinite else { return Scored(estimate: estimate, criterion: .infinity) }
    let aicc = aic + 2 * k * (k + 1) / (nstar - k - 1)
    var criterion = useAIC ? aic : aicc
    if criterion.isNaN { criterion = .infinity }
    // Root checks on the expanded polynomials.
    var phi = [Double](repeating: 0, count: o.p + m * o.seasonalP)
    var theta = [Double](repeating: 0, count: o.q + m * o.seasonalQ)
    estimate.coefficients.withUnsafeBufferPointer { pp in
      phi.withUnsafeMutableBufferPointer { ph in
        theta.withUnsafeMutableBufferPointer { th in
          ARIMAPolynomials.expand(pp, order: o, period: m, phi: ph, theta: th)
        }
      }
    }
    var minRoot = 2.0
    if o.p + o.seasonalP > 0 {
      if let r = ARIMAPolynomials.smallestRootModulus(phi, sign: -1) { minRoot = min(minRoot, r) } else {
        criterion = .infinity
      }
    }
    if o.q + o.seasonalQ > 0 && criterion < .infinity {
      if let r = ARIMAPolynomials.smallestRootModulus(theta, sign: 1) { minRoot = min(minRoot, r) } else {
        criterion = .infinity
      }
    }
    if minRoot < 1 + 1e-2 { criterion = .infinity }
    return Scored(estimate: estimate, criterion: criterion)
  }

  /// Runs the whole selection; nil when every candidate failed.
  mutating func run() throws -> ARIMAEstimate? {
    let n = series.count
    let m = period
    maxP = min(maxP, n / 3)
    maxQ = min(maxQ, n / 3)
    maxSeasonalP = m > 1 ? min(maxSeasonalP, n / 3 / m) : 0
    maxSeasonalQ = m > 1 ? min(maxSeasonalQ, n / 3 / m) : 0
    let useAIC = n <= 3
    // Differences.
    var seasonalD = 0
    if m > 1 && n > 2 * m { seasonalD = UnitRootTests.seasonalDifferences(series, period: m) }
    var dx = series
    if seasonalD > 0 { dx = (m..<dx.count).map { dx[$0] - dx[$0 - m] } }
    var d = UnitRootTests.firstDifferences(dx, maximum: 2)
    if d > 0 && dx.count <= d { d -= 1 }
    for _ in 0..<d { dx = (1..<max(dx.count, 1)).map { dx[$0] - dx[$0 - 1] } }
    guard !dx.isEmpty else { return nil }
    if UnitRootTests.isConstant(dx[...]) {
      // A deterministic (polynomial or seasonal-naive) series: no ARMA model to search.
      throw ForecastError.notApplicable(method: "AutoARIMA", reason: "the differenced series is constant")
    }
    if m > 1 {
      if maxSeasonalP > 0 { maxP = min(maxP, m - 1) }
      if maxSeasonalQ > 0 { maxQ = min(maxQ, m - 1) }
    }
    let approximate = n > 150 || m > 12
    var offset = 0.0
    if approximate {
      let base = ARIMAOrder(p: 0, d: d, q: 0, seasonalP: 0, seasonalD: seasonalD, seasonalQ: 0)
      if let fit = try? ARIMAEstimator.estimate(
        series, order: base, period: m, includeMean: true, includeDrift: false, method: .conditionalThenExact)
      {
        offset = -2 * fit.logLikelihood - Double(n) * log(fit.innovationVariance)
      }
    }
    let allowDrift = d + seasonalD == 1
    let allowMean = d + seasonalD == 0
    var constant = allowDrift || allowMean

    var startP = 2
    var startQ = 2
    var startSP = 1
    var startSQ = 1
    if n < 10 {
      startP = min(startP, 1)
      startQ = min(startQ, 1)
      startSP = 0
      startSQ = 0
    }
    var p = min(startP, maxP)
    var q = min(startQ, maxQ)
    var sp = min(startSP, maxSeasonalP)
    var sq = min(startSQ, maxSeasonalQ)

    func candidate(_ p: Int, _ q: Int, _ sp: Int, _ sq: Int, _ c: Bool) -> ARIMACandidate {
      ARIMACandidate(order: ARIMAOrder(p: p, d: d, q: q, seasonalP: sp, seasonalD: seasonalD, seasonalQ: sq), constant: c)
    }
    var best = Scored(estimate: nil, criterion: .infinity)
    var bestCandidate = candidate(p, q, sp, sq, constant)
    func fit(_ c: ARIMACandidate) -> Scored {
      let s = score(c, approximate: approximate, offset: offset, useAIC: useAIC)
      results.append((c, s.criterion))
      return s
    }
    best = fit(bestCandidate)
    var s = fit(candidate(0, 0, 0, 0, constant))
    if s.criterion < best.criterion {
      best = s
      bestCandidate = candidate(0, 0, 0, 0, constant)
      p = 0
      q = 0
      sp = 0
      sq = 0
    }
    if maxP > 0 || maxSeasonalP > 0 {
      let c = candidate(maxP > 0 ? 1 : 0, 0, (m > 1 && maxSeasonalP > 0) ? 1 : 0, 0, constant)
      s = fit(c)
      if s.criterion < best.criterion {
        best = s
        bestCandidate = c
        p = c.order.p
        sp = c.order.seasonalP
        q = 0
        sq = 0
      }
    }
    if maxQ > 0 || maxSeasonalQ > 0 {
      let c = candidate(0, maxQ > 0 ? 1 : 0, 0, (m > 1 && maxSeasonalQ > 0) ? 1 : 0, constant)
      s = fit(c)
      if s.criterion < best.criterion {
        best = s
        bestCandidate = c
        p = 0
        sp = 0
        sq = c.order.seasonalQ
        q = c.order.q
      }
    }
    if constant {
      let c = candidate(0, 0, 0, 0, false)
      s = fit(c)
      if s.criterion < best.criterion {
        best = s
        bestCandidate = c
        p = 0
        q = 0
        sp = 0
        sq = 0
      }
    }
    func isNew(_ c: ARIMACandidate) -> Bool { !results.contains { $0.candidate == c } }

    var k = results.count
    var startK = 0
    // The neighbour moves in R's order: (Δp, Δq, ΔP, ΔQ, flip constant).
    let moves: [(Int, Int, Int, Int)] = [
      (0, 0, -1, 0), (0, 0, 0, -1), (0, 0, 1, 0), (0, 0, 0, 1), (0, 0, -1, -1), (0, 0, -1, 1), (0, 0, 1, -1),
      (0, 0, 1, 1), (-1, 0, 0, 0), (0, -1, 0, 0), (1, 0, 0, 0), (0, 1, 0, 0), (-1, -1, 0, 0), (-1, 1, 0, 0),
      (1, -1, 0, 0), (1, 1, 0, 0),
    ]
    outer: while startK < k && k < maxModels {
      startK = k
      for (dp, dq, dsp, dsq) in moves {
        let np = p + dp
        let nq = q + dq
        let nsp = sp + dsp
        let nsq = sq + dsq
        guard np >= 0, nq >= 0, nsp >= 0, nsq >= 0, np <= maxP, nq <= maxQ, nsp <= maxSeasonalP,
          nsq <= maxSeasonalQ
        else { continue }
        let c = candidate(np, nq, nsp, nsq, constant)
        guard isNew(c) else { continue }
        k += 1
        if k > maxModels { continue outer }
        s = fit(c)
        if s.criterion < best.criterion {
          best = s
          bestCandidate = c
          p = np
          q = nq
          sp = nsp
          sq = nsq
          continue outer
        }
      }
      if allowDrift || allowMean {
        let c = candidate(p, q, sp, sq, !constant)
        if isNew(c) {
          k += 1
          if k > maxModels { continue outer }
          s = fit(c)
          if s.criterion < best.criterion {
            best = s
            bestCandidate = c
            constant.toggle()
          }
        }
      }
    }
    if approximate && best.estimate != nil {
      // Refit the best candidates by exact likelihood, best criterion first.
      let ranked = results.enumerated().sorted {
        $0.element.criterion < $1.element.criterion
          || ($0.element.criterion == $1.element.criterion && $0.offset < $1.offset)
      }
      best = Scored(estimate: nil, criterion: .infinity)
      for entry in ranked {
        let exact = score(entry.element.candidate, approximate: false, offset: 0, useAIC: useAIC)
        if exact.criterion < .infinity {
          best = exact
          bestCandidate = entry.element.candidate
          break
        }
      }
    }
    guard best.criterion < .infinity else { return nil }
    // The search ranks by the fast likelihood; the chosen model is refitted exactly as R fits it.
    let o = bestCandidate.order
    let diffs = o.d + o.seasonalD
    return try? ARIMAEstimator.estimate(
      series, order: o, period: m, includeMean: bestCandidate.constant && diffs == 0,
      includeDrift: bestCandidate.constant && diffs == 1, method: .conditionalThenExact)
  }
}
