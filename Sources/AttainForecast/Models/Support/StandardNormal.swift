#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// The standard normal distribution N(0, 1): density, distribution function and quantile.
///
/// One implementation shared by every interval in the forecasting layer (no copy-pasted
/// interval code).
public enum StandardNormal {
  /// The density φ(x) = exp(−x²/2)/√(2π).
  public static func density(_ x: Double) -> Double {
    0.398_942_280_401_432_7 * exp(-0.5 * x * x)
  }

  /// The distribution function Φ(x) = erfc(−x/√2)/2, accurate to machine precision in both tails.
  public static func cdf(_ x: Double) -> Double {
    0.5 * erfc(-x * 0.707_106_781_186_547_5)
  }

  /// The quantile Φ⁻¹(p) for p in (0, 1); −∞ at 0, +∞ at 1, NaN outside [0, 1].
  ///
  /// Acklam's rational approximation (relative error < 1.15e−9) followed by one Halley step
  /// on Φ(x) − p using `erfc`, which brings the result to about 1e−15 relative accuracy.
  /// Reference: P. J. Acklam (2003), *An algorithm for computing the inverse normal cumulative
  /// distribution function*; Halley refinement as recommended there.
  /// - Complexity: O(1).
  public static func quantile(_ p: Double) -> Double {
    if p.isNaN || p < 0 || p > 1 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    let a = (
      -3.969_683_028_665_376e+01, 2.209_460_984_245_205e+02, -2.759_285_104_469_687e+02,
      1.383_577_518_672_690e+02, -3.066_479_806_614_716e+01, 2.506_628_277_459_239e+00
    )
    let b = (
      -5.447_609_879_822_406e+01, 1.615_858_368_580_409e+02, -1.556_989_798_598_866e+02,
      6.680_131_188_771_972e+01, -1.328_068_155_288_572e+01
    )
    let c = (
      -7.784_894_002_430_293e-03, -3.223_964_580_411_365e-01, -2.400_758_277_161_838e+00,
      -2.549_732_539_343_734e+00, 4.374_664_141_464_968e+00, 2.938_163_982_698_783e+00
    )
    let d = (
      7.784_695_709_041_462e-03, 3.224_671_290_700_398e-01, 2.445_134_137_142_996e+00,
      3.754_408_661_907_416e+00
    )
    let pLow = 0.024_25
    var x: Double
    if p < pLow {
      let q = (-2 * log(p)).squareRoot()
      x =
        (((((c.0 * q + c.1) * q + c.2) * q + c.3) * q + c.4) * q + c.5)
        / ((((d.0 * q + d.1) * q + d.2) * q + d.3) * q + 1)
    } else if p <= 1 - pLow {
      let q = p - 0.5
      let r = q * q
      x =
        (((((a.0 * r + a.1) * r + a.2) * r + a.3) * r + a.4) * r + a.5) * q
        / (((((b.0 * r + b.1) * r + b.2) * r + b.3) * r + b.4) * r + 1)
    } else {
      let q = (-2 * log1p(-p)).squareRoot()
      x =
        -(((((c.0 * q + c.1) * q + c.2) * q + c.3) * q + c.4) * q + c.5)
        / ((((d.0 * q + d.1) * q + d.2) * q + d.3) * q + 1)
    }
    // One Halley step on f(x) = Φ(x) − p, computed in the tail that keeps precision.
    let e = x <= 0 ? cdf(x) - p : (1 - p) - 0.5 * erfc(x * 0.707_106_781_186_547_5)
    let u = e * 2.506_628_274_631_000_5 * exp(0.5 * x * x)
    return x - u / (1 + 0.5 * x * u)
  }

  /// The two-sided multiplier z such that a central `level` % interval is mean ± z·sd.
  /// - Parameter level: percent in (0, 100), e.g. 95 gives 1.959963984540054.
  public static func centralMultiplier(level: Double) -> Double {
    quantile(0.5 + level / 200)
  }
}
