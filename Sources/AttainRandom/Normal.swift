#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Xoshiro256PlusPlus {
  /// A standard normal draw N(0, 1) by the 256-layer ziggurat (Marsaglia & Tsang 2000).
  ///
  /// One 64-bit output gives the layer i (its 8 low bits) and, read as a signed integer
  /// shifted right by 9, a signed 55-bit uniform j (|j| ≤ 2⁵⁴) that the table turns into the
  /// abscissa z = j·xᵢ·2⁻⁵⁴ ∈ [−xᵢ, xᵢ] with its sign (as in Doornik 2005, "An improved
  /// ziggurat method to generate normal random samples"). About 98.8 % of draws return after
  /// one multiply and one compare |z| < xᵢ₊₁. The wedges are resolved by rejection against
  /// exp(−x²/2), most of them by a linear squeeze without the exponential (about 1 draw in 900
  /// computes it; `ZigguratTables.wedge`), and the tail |x| > r = 3.6541… by Marsaglia's (1964) exact exponential method,
  /// so the distribution is exactly normal up to the 2⁻⁵⁴ resolution of the uniforms.
  /// - Complexity: O(1) expected; ≈ 1.01 generator outputs per draw.
  @inlinable
  public mutating func nextNormal() -> Double {
    let tables = ZigguratTables.shared
    return nextNormal(tables: tables)
  }

  /// The ziggurat draw with the tables passed in (hoisted out of bulk loops).
  @inlinable @inline(__always)
  mutating func nextNormal(tables: ZigguratTables) -> Double {
    let (scaledX, x) = (tables.scaledX, tables.x)
    while true {
      let bits = next()
      let i = Int(truncatingIfNeeded: bits & 0xFF)
      let z = Double(Int64(bitPattern: bits) >> 9) * scaledX[i]
      if z.magnitude < x[i + 1] { return z }
      // The generator goes to the slow path by value and comes back, so its state can stay
      // in registers in bulk loops (an `inout` call would force it to memory every draw).
      let (accepted, value, state) = Xoshiro256PlusPlus.normalSlowPath(
        self, layer: i, z: z.magnitude, f: tables.f, wedge: tables.wedge)
      self = state
      if accepted { return z < 0 ? -value : value }
    }
  }

  /// The rare ziggurat cases: the tail (layer 0) or a wedge test; `accepted == false` means
  /// start over. Returns the generator's new state. Inlined into the draw loops (the squeeze
  /// is a few instructions); the rarer tail and exact wedge test are calls.
  @usableFromInline @inline(__always)
  static func normalSlowPath(
    _ generator: Xoshiro256PlusPlus, layer i: Int, z: Double, f: UnsafeMutablePointer<Double>,
    wedge: UnsafeMutablePointer<Double>
  ) -> (accepted: Bool, value: Double, state: Xoshiro256PlusPlus) {
    if i == 0 { return normalTail(generator) }
    // Wedge: accept when y = f(xᵢ) + U·(f(xᵢ₊₁) − f(xᵢ)) < f(z); the linear squeeze decides most
    // candidates without the exponential (same decisions; see `ZigguratTables.wedge`).
    var g = generator
    let uniform = g.nextUniform()
    let (accepted, rejected) = ZigguratTables.squeeze(wedge + 4 * i, z: z, uniform: uniform)
    // Never both; neither (rare): the exact test. One predictable branch.
    if accepted == rejected {
      return (exactWedgeTest(layer: i, z: z, uniform: uniform, f: f), z, g)
    }
    return (accepted, z, g)
  }

  /// The exact wedge test y = f(xᵢ) + U·(f(xᵢ₊₁) − f(xᵢ)) < exp(−z²/2).
  @usableFromInline @inline(never)
  static func exactWedgeTest(
    layer i: Int, z: Double, uniform: Double, f: UnsafeMutablePointer<Double>
  ) -> Bool {
    let y = f[i] + uniform * (f[i + 1] - f[i])
    return y < _exp(-0.5 * z * z)
  }

  /// A draw from the tail beyond r, by Marsaglia's (1964) method (uniforms in (0, 1] so the
  /// logarithms are finite); always accepted. Returns the generator's new state.
  @usableFromInline @inline(never)
  static func normalTail(
    _ generator: Xoshiro256PlusPlus
  ) -> (accepted: Bool, value: Double, state: Xoshiro256PlusPlus) {
    var g = generator
    let r = ZigguratTables.r
    while true {
      let a = -_log(1 - g.nextUniform()) / r
      let b = -_log(1 - g.nextUniform())
      if b + b > a * a { return (true, r + a, g) }
    }
  }
}

@usableFromInline func _log(_ x: Double) -> Double { log(x) }
@usableFromInline func _exp(_ x: Double) -> Double { exp(x) }
