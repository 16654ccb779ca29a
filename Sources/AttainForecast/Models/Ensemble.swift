import AttainRandom

/// A combination of forecasting methods: the mean or median of the members' forecasts.
///
/// Point forecasts combine the members' point forecasts step by step. Sample paths are
/// combined per path: every member maps the *same* shocks to its own path and the paths are
/// averaged (or their median taken) step by step, so common shocks move all members together.
/// Intervals are empirical quantiles (type 7) of `intervalPaths` such combined paths drawn with
/// a fixed seed, so they are deterministic. Members that cannot fit the series (too short, not
/// applicable) are left out; fitting fails only if no member fits.
/// Reference: Petropoulos & Svetunkov (2020), *A simple combination of univariate models*,
/// IJF 36(1) (median combination, SCUM); Makridakis & Hibon (2000) (Comb S-H-D, mean).
public struct Ensemble: ForecastingMethod {
  /// How member forecasts are combined.
  public enum Combination: String, Sendable {
    /// Arithmetic mean.
    case mean
    /// Median (the mean of the two middle values for an even count).
    case median
  }

  /// The member methods.
  public var members: [any ForecastingMethod]
  /// The combination rule.
  public var combination: Combination
  /// Number of combined paths behind the intervals.
  public var intervalPaths: Int
  /// Longest sample path the combined paths support (sets the scratch size).
  public var maximumHorizon: Int
  /// The output name.
  public var name: String

  /// Creates an ensemble of `members` combined by `combination`.
  public init(
    _ members: [any ForecastingMethod], combination: Combination = .mean, name: String = "Ensemble",
    intervalPaths: Int = 2000, maximumHorizon: Int = 128
  ) {
    self.members = members
    self.combination = combination
    self.name = name
    self.intervalPaths = intervalPaths
    self.maximumHorizon = maximumHorizon
  }

  /// Fits every member. - Complexity: the sum of the members' fits.
  public func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    var fitted: [any FittedForecaster] = []
    var firstError: Error?
    for member in members {
      do { fitted.append(try member.fit(series, seasonLength: seasonLength)) } catch {
        if firstError == nil { firstError = error }
      }
    }
    guard !fitted.isEmpty else {
      throw firstError
        ?? ForecastError.notApplicable(method: name, reason: "the ensemble has no members")
    }
    return FittedEnsemble(
      name: name, members: fitted, combination: combination, intervalPaths: intervalPaths,
      maximumHorizon: maximumHorizon)
  }
}

/// A fitted ensemble (see `Ensemble`).
public struct FittedEnsemble: FittedForecaster {
  /// Output name.
  public let name: String
  /// The fitted members.
  public let members: [any FittedForecaster]
  /// The combination rule.
  public let combination: Ensemble.Combination
  /// Number of paths behind the intervals.
  public let intervalPaths: Int
  /// Longest path with a combined sample path.
  public let maximumHorizon: Int

  /// Combined in-sample fitted values (members' non-finite values skipped).
  public var fittedValues: [Double] {
    let n = members.first?.fittedValues.count ?? 0
    var column = [Double]()
    column.reserveCapacity(members.count)
    return (0..<n).map { t in
      column.removeAll(keepingCapacity: true)
      for m in members where m.fittedValues[t].isFinite { column.append(m.fittedValues[t]) }
      return column.isEmpty ? .nan : combine(&column)
    }
  }

  /// Residuals of the combined fitted values, recovered as fitted + residual of the first member.
  public var residuals: [Double] {
    guard let first = members.first else { return [] }
    let y = zip(first.fittedValues, first.residuals).map { $0 + $1 }
    return zip(y, fittedValues).map { $0 - $1 }
  }

  @inline(__always) func combine(_ values: inout [Double]) -> Double {
    Self.combine(values: &values, combination: combination)
  }

  /// Mean or median of `values` (reorders them for the median).
  static func combine(values: inout [Double], combination: Ensemble.Combination) -> Double {
    switch combination {
    case .mean: return values.reduce(0, +) / Double(values.count)
    case .median:
      values.sort()
      let k = values.count
      return k % 2 == 1 ? values[k / 2] : 0.5 * (values[k / 2 - 1] + values[k / 2])
    }
  }

  /// Combined point forecasts.
  public func pointForecast(horizon: Int) -> [Double] {
    let all = members.map { $0.pointForecast(horizon: horizon) }
    var column = [Double](repeating: 0, count: members.count)
    return (0..<max(horizon, 0)).map { t in
      for k in members.indices { column[k] = all[k][t] }
      return combine(&column)
    }
  }

  /// Combined point forecasts with intervals from `intervalPaths` combined sample paths
  /// (seed fixed, so the result is deterministic). - Complexity: O(paths·horizon·members).
  public func forecast(horizon: Int, levels: [Double]) -> Forecast {
    let mean = pointForecast(horizon: horizon)
    let h = min(max(horizon, 0), maximumHorizon)
    var rng = Xoshiro256PlusPlus(seed: 0x5EED_0F_E45E_AB1E)
    let quantiles = PathQuantiles.simulate(
      sampler: self, horizon: h, paths: intervalPaths, rng: &rng)
    return quantiles.forecast(mean: mean, levels: levels)
  }

  /// Scratch: one path per member plus the largest member scratch.
  public var scratchCount: Int {
    members.count * maximumHorizon + (members.map(\.scratchCount).max() ?? 0)
  }

  /// Each member maps the same shocks to its path; paths are combined step by step. Steps
  /// beyond `maximumHorizon` take the first member's path. - Complexity: O(members·path.count).
  public func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let h = min(path.count, shocks.count)
    let width = min(h, maximumHorizon)
    let k = members.count
    let memberScratch = UnsafeMutableBufferPointer(rebasing: scratch[(k * maximumHorizon)...])
    if width < h {
      members[0].samplePath(shocks: shocks, into: path, scratch: memberScratch)
    }
    for (j, member) in members.enumerated() {
      let out = UnsafeMutableBufferPointer(
        rebasing: scratch[(j * maximumHorizon)..<(j * maximumHorizon + width)])
      member.samplePath(
        shocks: UnsafeBufferPointer(rebasing: shocks[0..<width]), into: out, scratch: memberScratch)
    }
    for t in 0..<width {
      switch combination {
      case .mean:
        var s = 0.0
        for j in 0..<k { s += scratch[j * maximumHorizon + t] }
        path[t] = s / Double(k)
      case .median:
        path[t] = Self.stridedMedian(scratch, offset: t, stride: maximumHorizon, count: k)
      }
    }
  }

  /// Median of `count` values at `base[offset + j·stride]`, reordering them in place.
  static func stridedMedian(
    _ base: UnsafeMutableBufferPointer<Double>, offset: Int, stride: Int, count: Int
  ) -> Double {
    // Insertion sort: member counts are small (≤ ~10).
    for i in 1..<max(count, 1) {
      let v = base[offset + i * stride]
      var j = i - 1
      while j >= 0 && base[offset + j * stride] > v {
        base[offset + (j + 1) * stride] = base[offset + j * stride]
        j -= 1
      }
      base[offset + (j + 1) * stride] = v
    }
    let mid = count / 2
    return count % 2 == 1
      ? base[offset + mid * stride]
      : 0.5 * (base[offset + (mid - 1) * stride] + base[offset + mid * stride])
  }
}
