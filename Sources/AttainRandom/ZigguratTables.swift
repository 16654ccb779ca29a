#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The tables of the 256-layer ziggurat for the standard normal density
/// f(x) = exp(−x²/2) (unnormalised), after Marsaglia & Tsang (2000), "The Ziggurat Method
/// for Generating Random Variables", *J. Stat. Softw.* 5(8).
///
/// The area under f on [0, ∞) is covered by 256 layers of equal area `v`: layer 0 is the
/// rectangle [0, r] × [0, f(r)] plus the tail x > r (given the pseudo-width x₀ = v / f(r));
/// layer i ≥ 1 is the rectangle [0, xᵢ] × [f(xᵢ), f(xᵢ₊₁)], with x₁ = r, x₂₅₆ = 0 and
/// xᵢ₊₁ = √(−2 ln(v / xᵢ + f(xᵢ))). The tables are computed once, at first use, from r alone:
/// v = r·f(r) + √(π/2)·erfc(r/√2).
@usableFromInline
struct ZigguratTables: @unchecked Sendable {
  /// The right edge r of the base rectangle for 256 layers (Marsaglia & Tsang 2000).
  @usableFromInline static let r = 3.654_152_885_361_008_8
  /// x₀ … x₂₅₆ (257 values, decreasing; x₂₅₆ = 0).
  @usableFromInline let x: UnsafeMutablePointer<Double>
  /// f(xᵢ) = exp(−xᵢ²/2) for i = 0 … 256.
  @usableFromInline let f: UnsafeMutablePointer<Double>
  /// xᵢ·2⁻⁵⁴ for i = 0 … 255: multiplies a signed 55-bit integer j (|j| ≤ 2⁵⁴) into a signed
  /// abscissa in [−xᵢ, xᵢ] in one step.
  @usableFromInline let scaledX: UnsafeMutablePointer<Double>
  /// The pairs (xᵢ·2⁻⁵⁴, xᵢ₊₁) for i = 0 … 255 at 2i and 2i + 1: the fast path's two
  /// numbers of a layer in one load's reach.
  @usableFromInline let scaledXAndNext: UnsafeMutablePointer<Double>
  /// The area of one layer.
  @usableFromInline let layerArea: Double
  /// Layer i's wedge test, four numbers at 4i … 4i + 3 (i = 1 … 255; layer 0 unused):
  /// (xᵢ, 1/(xᵢ − xᵢ₊₁), low, high), side by side so the rare test touches one cache line.
  ///
  /// With z ∈ [xᵢ₊₁, xᵢ] the wedge abscissa, u = (xᵢ − z)/(xᵢ − xᵢ₊₁) ∈ [0, 1] and U the uniform
  /// the test draws, the density's curve in the wedge, normalised to
  /// c(u) = (f(z) − f(xᵢ))/(f(xᵢ₊₁) − f(xᵢ)), lies within [u + low, u + high]: U below the band
  /// is accepted and U at or above it rejected without computing f(z) (`squeeze`). Convex
  /// layers (xᵢ₊₁ ≥ 1): c ≤ u (the chord lies above the curve) and c ≥ u − εᵢ; concave layers
  /// (xᵢ ≤ 1): u ≤ c ≤ u + εᵢ; εᵢ is the largest gap between chord and curve (where
  /// c′(u) = 1), widened by 25 % and 10⁻¹² so rounding cannot change a decision. The layer
  /// holding the inflection point x = 1 gets the band [−2, 2] (always the exact test). The
  /// chord and gap bounds of McFarland (2016), "A modified ziggurat algorithm for generating
  /// exponentially and normally distributed pseudorandom numbers", *J. Stat. Comput. Simul.*
  /// 86(7).
  @usableFromInline let wedge: UnsafeMutablePointer<Double>

  init() {
    let r = ZigguratTables.r
    let fr = exp(-0.5 * r * r)
    let v = r * fr + (Double.pi / 2).squareRoot() * erfc(r / 2.0.squareRoot())
    // Allocated once for the process lifetime (a global `let`), never freed.
    x = .allocate(capacity: 257)
    f = .allocate(capacity: 257)
    scaledX = .allocate(capacity: 256)
    x[0] = v / fr
    x[1] = r
    for i in 1..<255 {
      x[i + 1] = (-2 * log(v / x[i] + exp(-0.5 * x[i] * x[i]))).squareRoot()
    }
    x[256] = 0
    for i in 0...256 { f[i] = exp(-0.5 * x[i] * x[i]) }
    for i in 0..<256 { scaledX[i] = x[i] * 0x1.0p-54 }
    layerArea = v
    scaledXAndNext = .allocate(capacity: 512)
    for i in 0..<256 { (scaledXAndNext[2 * i], scaledXAndNext[2 * i + 1]) = (scaledX[i], x[i + 1]) }
    wedge = .allocate(capacity: 4 * 256)
    (wedge[0], wedge[1], wedge[2], wedge[3]) = (x[0], 0, -2, 2)
    for i in 1..<256 {
      let (a, b) = (x[i + 1], x[i])
      let gap = ZigguratTables.largestChordGap(from: a, to: b)
      let margin = 1e-12
      let (low, high) =
        a >= 1 ? (-1.25 * gap - margin, margin) : b <= 1 ? (-margin, 1.25 * gap + margin) : (-2, 2)
      (wedge[4 * i], wedge[4 * i + 1], wedge[4 * i + 2], wedge[4 * i + 3]) = (b, 1 / (b - a), low, high)
    }
  }

  /// The squeeze's decision for the wedge point (z, `uniform`) of layer i ∈ 1 … 255
  /// (z ∈ [xᵢ₊₁, xᵢ]): accepted, rejected (never both), or neither (compute f(z)). Two
  /// comparisons, no branch.
  @usableFromInline @inline(__always)
  func squeeze(layer i: Int, z: Double, uniform: Double) -> (accepted: Bool, rejected: Bool) {
    ZigguratTables.squeeze(wedge + 4 * i, z: z, uniform: uniform)
  }

  /// `squeeze(layer:z:uniform:)` with the layer's four wedge numbers at `layer`.
  @usableFromInline @inline(__always)
  static func squeeze(
    _ layer: UnsafeMutablePointer<Double>, z: Double, uniform: Double
  ) -> (accepted: Bool, rejected: Bool) {
    let u = (layer[0] - z) * layer[1]
    return (uniform < u + layer[2], uniform >= u + layer[3])
  }

  /// max over the wedge [a, b] of |u − c(u)| (see `wedge`), on a side of the inflection
  /// point x = 1: the gap is largest where the curve's slope equals the chord's, i.e. where
  /// z·f(z) = (f(a) − f(b))/(b − a), z·f(z) being monotone there (found by bisection).
  static func largestChordGap(from a: Double, to b: Double) -> Double {
    let density = { (z: Double) in exp(-0.5 * z * z) }
    let (fa, fb) = (density(a), density(b))
    guard b > a, fa > fb, a >= 1 || b <= 1 else { return 1 }
    let slope = (fa - fb) / (b - a)
    var (lo, hi) = (a, b)
    // z f(z) falls with z above 1 and rises below it.
    let rising = b <= 1
    for _ in 0..<200 {
      let mid = 0.5 * (lo + hi)
      if (mid * density(mid) < slope) == rising { lo = mid } else { hi = mid }
    }
    let z = 0.5 * (lo + hi)
    let u = (b - z) / (b - a)
    let c = (density(z) - fb) / (fa - fb)
    return abs(u - c)
  }

  /// The tables shared by every generator (computed once, thread-safe lazy global).
  @usableFromInline static let shared = ZigguratTables()
}
