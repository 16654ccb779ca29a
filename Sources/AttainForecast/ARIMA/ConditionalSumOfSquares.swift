import Foundation

/// The conditional sum of squares of an ARIMA model (R's `ARIMA_CSS`): the series is
/// differenced, then the ARMA residuals eₜ = wₜ − Σφᵢwₜ₋ᵢ − Σθⱼeₜ₋ⱼ are computed from
/// observation `conditioning` on with earlier residuals set to zero.
///
/// Used for the starting values of the exact likelihood (method CSS-ML) and, alone, for the
/// fast approximate information criteria of the automatic search.
/// - Complexity: O(n·(p + q)) per evaluation, no allocation.
enum ConditionalSumOfSquares {
  /// Σeₜ²/count over t ≥ `conditioning`, with `work` and `residuals` n doubles of scratch
  /// (`work` holds y on entry and is differenced in place).
  static func meanSquare(
    work w: UnsafeMutableBufferPointer<Double>, residuals: UnsafeMutableBufferPointer<Double>,
    order: ARIMAOrder, period m: Int, phi: UnsafeBufferPointer<Double>,
    theta: UnsafeBufferPointer<Double>, conditioning: Int
  ) -> Double {
    let n = w.count
    for _ in 0..<order.d {
      var l = n - 1
      while l > 0 {
        w[l] -= w[l - 1]
        l -= 1
      }
    }
    for _ in 0..<order.seasonalD {
      var l = n - 1
      while l >= m {
        w[l] -= w[l - m]
        l -= 1
      }
    }
    let p = phi.count
    let q = theta.count
    for l in 0..<min(conditioning, n) { residuals[l] = 0 }
    var ssq = 0.0
    var used = 0
    var l = conditioning
    while l < n {
      var tmp = w[l]
      for j in 0..<p { tmp -= phi[j] * w[l - j - 1] }
      let lags = min(l - conditioning, q)
      for j in 0..<lags { tmp -= theta[j] * residuals[l - j - 1] }
      residuals[l] = tmp
      if !tmp.isNaN {
        used += 1
        ssq += tmp * tmp
      }
      l += 1
    }
    return ssq / Double(used)
  }
}
