import Foundation

/// Sample paths of a fitted dynamic regression for fixed future drivers (see
/// `FittedDynamicRegression.pathSampler(horizon:futureDrivers:)`): step t of a path is the
/// regression mean `x_{n+t}ᵀβ̂` plus the residual model's simulated value, exponentiated for
/// log-log fits. Without a residual model the residual is `σ̂ z_t` (white noise).
public struct DynamicRegressionPaths: PathSampler {
  /// The regression mean per future step (log scale for log-log fits).
  public let regressionMean: [Double]
  /// The ETS model of the residuals; nil = white noise with `residualStandardError`.
  public let residualModel: FittedETS?
  /// σ̂ of the regression, used without a residual model.
  public let residualStandardError: Double
  /// Whether paths are exponentiated (log-log fits).
  public let exponentiate: Bool

  /// The residual model's scratch (its seasonal ring), at least 1.
  public var scratchCount: Int { residualModel?.scratchCount ?? 1 }

  /// Writes one path of `min(path.count, regressionMean.count)` steps driven by `shocks`
  /// (standard normal); steps beyond the horizon the drivers were given for are NaN.
  /// - Complexity: O(h); no allocation.
  public func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let h = min(path.count, shocks.count, regressionMean.count)
    if let residualModel {
      residualModel.samplePath(shocks: shocks, into: path, scratch: scratch)
    } else {
      for t in 0..<h { path[t] = residualStandardError * shocks[t] }
    }
    for t in 0..<h {
      let v = regressionMean[t] + path[t]
      path[t] = exponentiate ? exp(v) : v
    }
    if path.count > h { for t in h..<path.count { path[t] = .nan } }
  }
}
