/// Simple exponential smoothing fitted by least squares, the building block of `Theta`.
///
/// ℓₜ = ℓₜ₋₁ + α(yₜ − ℓₜ₋₁), one-step forecast ℓₜ₋₁. For fixed α every ℓₜ is affine in the
/// initial level ℓ₀ (coefficient (1−α)ᵗ), so the sum of squared one-step errors is a quadratic
/// in ℓ₀ with a closed-form minimiser; α ∈ [1e-4, 0.9999] (R `ets` bounds) is then found by a
/// grid plus golden-section search on that profile. This finds the global least-squares
/// optimum that R `ses(…)` (`ets(…, "ANN", opt.crit = "mse")`) searches for with Nelder–Mead.
/// Reference: Hyndman, Koehler, Ord & Snyder (2008), *Forecasting with Exponential Smoothing*, §2.
struct ExponentialSmoothingCore: Sendable {
  /// Smoothing parameter α.
  var alpha: Double
  /// Initial level ℓ₀.
  var initialLevel: Double
  /// Final level ℓₙ (the point forecast of SES).
  var lastLevel: Double
  /// One-step fitted values ℓₜ₋₁.
  var fittedValues: [Double]
  /// Sum of squared one-step errors.
  var sse: Double

  /// The profile SSE at α with the optimal ℓ₀, and that ℓ₀. - Complexity: O(n).
  static func profile(_ y: [Double], alpha: Double) -> (sse: Double, level0: Double) {
    var level = 0.0
    var decay = 1.0  // (1 − α)^(t−1)
    var sumEE = 0.0
    var sumEC = 0.0
    var sumCC = 0.0
    for v in y {
      let e = v - level
      sumEE += e * e
      sumEC += e * decay
      sumCC += decay * decay
      level += alpha * e
      decay *= 1 - alpha
    }
    let level0 = sumCC > 0 ? sumEC / sumCC : 0
    return (max(sumEE - level0 * sumEC, 0), level0)
  }

  /// Fits α and ℓ₀ by least squares (or ℓ₀ only when `alpha` is given). Needs n ≥ 1.
  static func fit(_ y: [Double], alpha fixedAlpha: Double? = nil) -> ExponentialSmoothingCore {
    let alpha =
      fixedAlpha
      ?? ScalarMinimizer.minimize(lower: 1e-4, upper: 0.9999) { profile(y, alpha: $0).sse }.x
    let level0 = profile(y, alpha: alpha).level0
    var level = level0
    var fitted = [Double](repeating: 0, count: y.count)
    var sse = 0.0
    for t in y.indices {
      fitted[t] = level
      let e = y[t] - level
      sse += e * e
      level += alpha * e
    }
    return ExponentialSmoothingCore(
      alpha: alpha, initialLevel: level0, lastLevel: level, fittedValues: fitted, sse: sse)
  }
}
