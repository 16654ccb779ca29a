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
  /// The area of one layer.
  @usableFromInline let layerArea: Double

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
  }

  /// The tables shared by every generator (computed once, thread-safe lazy global).
  @usableFromInline static let shared = ZigguratTables()
}
