/// Four xoshiro256++ generators (Blackman & Vigna 2019) advanced in lock-step in the lanes of
/// SIMD vectors, for bulk draws: one step yields four 64-bit words, so the generator costs a
/// quarter of the instructions per word of the scalar `Xoshiro256PlusPlus` on 256-bit vector
/// hardware (half on 128-bit).
///
/// Seeding: the (seed, stream) pair is mixed exactly as `Xoshiro256PlusPlus(seed:stream:)` does
/// and the resulting SplitMix64 sequence fills lane 0, 1, 2, 3 with four words each (so lane 0 is
/// the scalar generator of the same pair), then a scalar `spare` generator with four more, which
/// serves the rare slow path of the ziggurat (`fillNormals(_:)`). The word stream is the lanes
/// interleaved: word 4t + k is lane k's output t.
/// - Complexity: O(1) per four words; 176 bytes of state.
public struct Xoshiro256PlusPlusX4: Sendable {
  @usableFromInline var s0: SIMD4<UInt64>
  @usableFromInline var s1: SIMD4<UInt64>
  @usableFromInline var s2: SIMD4<UInt64>
  @usableFromInline var s3: SIMD4<UInt64>
  /// The scalar generator for the ziggurat's wedge and tail draws.
  @usableFromInline var spare: Xoshiro256PlusPlus
  /// Words of the last step not yet used by `fillNormals(_:)`: lanes `pendingStart ..< 4`.
  @usableFromInline var pending = SIMD4<UInt64>()
  /// The first unused lane of `pending` (4: none).
  @usableFromInline var pendingStart = 4

  /// The generator of stream `stream` under `seed` (see the type's documentation).
  public init(seed: UInt64, stream: UInt64) {
    var sm = SplitMix64(state: seed ^ SplitMix64.mix(stream &+ 0x632B_E59B_D9B4_E019))
    var (a, b, c, d) = (SIMD4<UInt64>(), SIMD4<UInt64>(), SIMD4<UInt64>(), SIMD4<UInt64>())
    for lane in 0..<4 {
      a[lane] = sm.next()
      b[lane] = sm.next()
      c[lane] = sm.next()
      d[lane] = sm.next()
      // xoshiro's state must not be all zero (probability 2⁻²⁵⁶; same rule as the scalar one).
      if a[lane] | b[lane] | c[lane] | d[lane] == 0 { a[lane] = 0x9E37_79B9_7F4A_7C15 }
    }
    (s0, s1, s2, s3) = (a, b, c, d)
    spare = Xoshiro256PlusPlus(state: (sm.next(), sm.next(), sm.next(), sm.next()))
  }

  /// The next four words, one per lane (a whole step: words carried over by
  /// `fillNormals(_:)` are not returned).
  ///
  /// The rotations are written `(x << k) &+ (x >> (64 − k))` (the two parts have no bit in
  /// common, so + is |): written with |, the compiler recognises a rotate, which x86 vector
  /// units lack, and moves every lane to a scalar register and back.
  @inlinable @inline(__always)
  mutating func next() -> SIMD4<UInt64> {
    let sum = s0 &+ s3
    let result = ((sum &<< 23) &+ (sum &>> 41)) &+ s0
    let t = s1 &<< 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 &<< 45) &+ (s3 &>> 19)
    return result
  }

  /// Writes the words of the next ⌈`words.count`/4⌉ steps (the last step's surplus words are
  /// discarded; callers ask for multiples of four).
  /// - Complexity: O(words.count), no allocation.
  @inlinable
  mutating func fill(_ words: UnsafeMutableBufferPointer<UInt64>) {
    guard let base = words.baseAddress else { return }
    // A local copy, so the state stays in registers through the loop.
    var g = self
    let count = words.count
    // Whole steps two at a time (unaligned 32-byte stores, SE-0349; few loop instructions
    // besides the generator's), then a last whole step and the partial one.
    var word = UnsafeMutableRawPointer(base)
    let pairsEnd = word + 8 * (count & ~7)
    while word < pairsEnd {
      word.storeBytes(of: g.next(), as: SIMD4<UInt64>.self)
      (word + 32).storeBytes(of: g.next(), as: SIMD4<UInt64>.self)
      word += 64
    }
    var k = count & ~7
    if k + 4 <= count {
      word.storeBytes(of: g.next(), as: SIMD4<UInt64>.self)
      k += 4
    }
    if k < count {
      let result = g.next()
      for lane in 0..<(count - k) { base[k + lane] = result[lane] }
    }
    (s0, s1, s2, s3) = (g.s0, g.s1, g.s2, g.s3)
  }
}
