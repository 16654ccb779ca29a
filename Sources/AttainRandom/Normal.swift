#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Xoshiro256PlusPlus {
  /// A standard normal draw N(0, 1) by the 256-layer ziggurat (Marsaglia & Tsang 2000).
  ///
  /// One 64-bit output gives the layer (8 low bits), the sign (bit 8) and a 53-bit uniform
  /// (bits 11…63); about 98.8 % of draws return after one multiply and one compare. The
  /// wedges are resolved by rejection against exp(−x²/2) and the tail |x| > r = 3.6541…
  /// by Marsaglia's (1964) exact exponential method, so the distribution is exactly normal
  /// up to the 53-bit resolution of the uniforms.
  /// - Complexity: O(1) expected; ≈ 1.01 generator outputs per draw.
  @inlinable
  public mutating func nextNormal() -> Double {
    let tables = ZigguratTables.shared
    return nextNormal(x: tables.x, f: tables.f)
  }

  /// The ziggurat draw with the tables passed in (hoisted out of bulk loops).
  @inlinable @inline(__always)
  mutating func nextNormal(x: UnsafeMutablePointer<Double>, f: UnsafeMutablePointer<Double>) -> Double {
    while true {
      let bits = next()
      let i = Int(truncatingIfNeeded: bits & 0xFF)
      let sign = (bits & 0x100) << 55  // bit 8 becomes the sign bit: no branch to mispredict
      let u = Double(Int64(bitPattern: bits >> 11)) * 0x1.0p-53  // signed: one cvtsi2sd
      let z = u * x[i]
      if z < x[i + 1] { return Double(bitPattern: z.bitPattern | sign) }
      // The generator goes to the slow path by value and comes back, so its state can stay
      // in registers in bulk loops (an `inout` call would force it to memory every draw).
      let (accepted, value, state) = Xoshiro256PlusPlus.normalSlowPath(self, layer: i, z: z, x: x, f: f)
      self = state
      if accepted { return Double(bitPattern: value.bitPattern | sign) }
    }
  }

  /// The rare ziggurat cases: the tail (layer 0) or a wedge test; `accepted == false` means
  /// start over. Returns the generator's new state.
  @usableFromInline @inline(never)
  static func normalSlowPath(
    _ generator: Xoshiro256PlusPlus, layer i: Int, z: Double, x: UnsafeMutablePointer<Double>,
    f: UnsafeMutablePointer<Double>
  ) -> (accepted: Bool, value: Double, state: Xoshiro256PlusPlus) {
    var g = generator
    if i == 0 {
      // Tail beyond r: Marsaglia (1964). Uniforms in (0, 1] so the logarithms are finite.
      let r = ZigguratTables.r
      while true {
        let a = -_log(1 - g.nextUniform()) / r
        let b = -_log(1 - g.nextUniform())
        if b + b > a * a { return (true, r + a, g) }
      }
    }
    let y = f[i] + g.nextUniform() * (f[i + 1] - f[i])
    return (y < _exp(-0.5 * z * z), z, g)
  }
}

@usableFromInline func _log(_ x: Double) -> Double { log(x) }
@usableFromInline func _exp(_ x: Double) -> Double { exp(x) }
