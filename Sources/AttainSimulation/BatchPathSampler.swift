import AttainForecast

/// A `PathSampler` that also writes many paths in one call, so its arithmetic runs as long
/// vector loops across paths (e.g. one exponential over B·H values instead of B short ones).
///
/// The engine uses `samplePathTotals` when a unit's sampler conforms: it needs each path's
/// weighted total only. `samplePaths` must equal `count` calls of `samplePath` on consecutive
/// rows (row j: shocks and path at j·horizon); `samplePathTotals` must equal the weighted row
/// sums of `samplePaths` up to rounding (the default implementation computes exactly that).
public protocol BatchPathSampler: PathSampler {
  /// Writes `shocks.count / horizon` paths of `horizon` periods, row-major, into `paths`
  /// (same count as `shocks`), driven by the standard-normal `shocks`. No allocation.
  func samplePaths(
    shocks: UnsafeBufferPointer<Double>, into paths: UnsafeMutableBufferPointer<Double>,
    horizon: Int,
    scratch: UnsafeMutableBufferPointer<Double>)

  /// Writes the total Σₕ wₕ·yₕ of each of the `shocks.count / horizon` paths y that
  /// `samplePaths` would write into `totals[j]` (row j), with the period weights w
  /// (`weights.count == horizon`; nil: all 1, the plain total). `paths` (same count as
  /// `shocks`) is working space the implementation may overwrite (e.g. with the paths); a
  /// sampler that computes the totals directly need not store the paths. No allocation.
  /// - Complexity: O(shocks.count).
  func samplePathTotals(
    shocks: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>?,
    into totals: UnsafeMutableBufferPointer<Double>, horizon: Int,
    paths: UnsafeMutableBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>)
}

extension BatchPathSampler {
  /// The default: `samplePaths` into `paths`, then each row's weighted sum in period order.
  public func samplePathTotals(
    shocks: UnsafeBufferPointer<Double>, weights: UnsafeBufferPointer<Double>?,
    into totals: UnsafeMutableBufferPointer<Double>, horizon: Int,
    paths: UnsafeMutableBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>
  ) {
    guard horizon > 0 else { return }
    let rows = min(shocks.count / horizon, totals.count, paths.count / horizon)
    let filled = UnsafeMutableBufferPointer(rebasing: paths[0..<(rows * horizon)])
    samplePaths(
      shocks: UnsafeBufferPointer(rebasing: shocks[0..<(rows * horizon)]), into: filled,
      horizon: horizon, scratch: scratch)
    addRowTotals(
      UnsafeBufferPointer(filled), horizon: horizon, weights: weights,
      into: UnsafeMutableBufferPointer(rebasing: totals[0..<rows]))
  }
}

/// Writes Σₕ wₕ·rowⱼ[h] (w nil: all 1), added in period order, for each row j of `paths`
/// (row-major, `horizon` columns, `totals.count` rows).
/// - Complexity: O(totals.count · horizon).
@inline(__always)
func addRowTotals(
  _ paths: UnsafeBufferPointer<Double>, horizon: Int, weights: UnsafeBufferPointer<Double>?,
  into totals: UnsafeMutableBufferPointer<Double>
) {
  guard var row = paths.baseAddress, paths.count >= totals.count * horizon else { return }
  if let w = weights?.baseAddress {
    for j in 0..<totals.count {
      var total = 0.0
      for h in 0..<horizon { total += row[h] * w[h] }
      totals[j] = total
      row += horizon
    }
  } else {
    for j in 0..<totals.count {
      var total = 0.0
      for h in 0..<horizon { total += row[h] }
      totals[j] = total
      row += horizon
    }
  }
}
