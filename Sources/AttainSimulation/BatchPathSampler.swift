import AttainForecast

/// A `PathSampler` that also writes many paths in one call, so its arithmetic runs as long
/// vector loops across paths (e.g. one exponential over B·H values instead of B short ones).
///
/// The engine uses `samplePaths` when a unit's sampler conforms; the result must equal
/// `count` calls of `samplePath` on consecutive rows (row j: shocks and path at j·horizon).
public protocol BatchPathSampler: PathSampler {
  /// Writes `shocks.count / horizon` paths of `horizon` periods, row-major, into `paths`
  /// (same count as `shocks`), driven by the standard-normal `shocks`. No allocation.
  func samplePaths(
    shocks: UnsafeBufferPointer<Double>, into paths: UnsafeMutableBufferPointer<Double>,
    horizon: Int,
    scratch: UnsafeMutableBufferPointer<Double>)
}
