/// The seam between forecasting and simulation: a fitted model that turns standard normal
/// shocks into a sample path of its own future.
///
/// The simulation engine draws the shocks (mixing in a common market factor to correlate
/// units) and each model maps them through its own error structure: ETS simulates its
/// state-space equations, a bootstrap model maps each shock through Φ to a quantile of its
/// residuals (a Gaussian copula, so market correlation carries over to non-normal errors).
/// Implementations must not allocate: scratch space of `scratchCount` doubles is provided.
public protocol PathSampler: Sendable {
  /// Doubles of scratch space `samplePath` needs (e.g. the ETS state vector).
  var scratchCount: Int { get }

  /// Writes one sample path of `path.count` future periods into `path`, driven by
  /// `shocks` (standard normal, `shocks.count == path.count`). Units: those of the series.
  func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>)
}
