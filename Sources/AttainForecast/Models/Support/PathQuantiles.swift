import AttainRandom

/// Empirical quantiles of simulated sample paths, per step: the interval code for models whose
/// intervals come from paths (ensembles, calibrated models).
public struct PathQuantiles: Sendable {
  /// `sorted[t]`: the simulated values at step t + 1, ascending.
  public var sorted: [[Double]]

  /// Draws `paths` sample paths of `horizon` steps from `sampler` with standard normal shocks
  /// from `rng`, storing each step's values sorted. - Complexity: O(paths·horizon·log paths).
  public static func simulate(
    sampler: some PathSampler, horizon: Int, paths: Int, rng: inout Xoshiro256PlusPlus
  ) -> PathQuantiles {
    let h = max(horizon, 0)
    var columns = [[Double]](repeating: [Double](repeating: 0, count: max(paths, 1)), count: h)
    var shocks = [Double](repeating: 0, count: h)
    var path = [Double](repeating: 0, count: h)
    var scratch = [Double](repeating: 0, count: sampler.scratchCount)
    for p in 0..<max(paths, 1) {
      for t in 0..<h { shocks[t] = rng.nextNormal() }
      shocks.withUnsafeBufferPointer { s in
        path.withUnsafeMutableBufferPointer { out in
          scratch.withUnsafeMutableBufferPointer {
            sampler.samplePath(shocks: s, into: out, scratch: $0)
          }
        }
      }
      for t in 0..<h { columns[t][p] = path[t] }
    }
    for t in 0..<h { columns[t].sort() }
    return PathQuantiles(sorted: columns)
  }

  /// The type-7 (linear interpolation) quantile at probability `p` of step t (0-based).
  public func quantile(step t: Int, probability p: Double) -> Double {
    let values = sorted[t]
    guard values.count > 1 else { return values.first ?? .nan }
    let position = min(max(p, 0), 1) * Double(values.count - 1)
    let lower = Int(position)
    let upper = min(lower + 1, values.count - 1)
    let fraction = position - Double(lower)
    return values[lower] + fraction * (values[upper] - values[lower])
  }

  /// A `Forecast` with the given point forecasts and central intervals from these quantiles,
  /// nested around the point forecasts (`Forecast.withNestedIntervals`).
  /// Steps beyond the simulated horizon repeat the last simulated spread around the mean.
  public func forecast(mean: [Double], levels: [Double]) -> Forecast {
    let sortedLevels = levels.sorted()
    var lower: [[Double]] = []
    var upper: [[Double]] = []
    for level in sortedLevels {
      let tail = (1 - level / 100) / 2
      var lo = [Double](repeating: 0, count: mean.count)
      var hi = [Double](repeating: 0, count: mean.count)
      for t in mean.indices {
        if t < sorted.count {
          lo[t] = quantile(step: t, probability: tail)
          hi[t] = quantile(step: t, probability: 1 - tail)
        } else if let last = sorted.indices.last {
          lo[t] = mean[t] - (mean[last] - quantile(step: last, probability: tail))
          hi[t] = mean[t] + (quantile(step: last, probability: 1 - tail) - mean[last])
        } else {
          lo[t] = mean[t]
          hi[t] = mean[t]
        }
      }
      lower.append(lo)
      upper.append(hi)
    }
    // Quantiles of a skewed sample can leave the point forecast outside the narrowest interval.
    return Forecast(mean: mean, levels: sortedLevels, lower: lower, upper: upper).withNestedIntervals()
  }
}
