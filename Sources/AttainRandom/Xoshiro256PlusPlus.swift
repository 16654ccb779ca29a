/// The xoshiro256++ pseudo-random generator (Blackman & Vigna 2019), 256 bits of state,
/// period 2^256 − 1, passes BigCrush. Seeded through SplitMix64 as its authors recommend.
///
/// Streams: `init(seed:stream:)` derives independent generators from a (seed, stream) pair,
/// e.g. stream = stable hash of a unit's `unique_id`, so results do not depend on thread
/// count, evaluation order or sharding.
public struct Xoshiro256PlusPlus: RandomNumberGenerator, Sendable {
  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// Sets the state directly (must not be all zero). Used to check published outputs.
  public init(state: (UInt64, UInt64, UInt64, UInt64)) {
    (s0, s1, s2, s3) = state
    if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
  }

  /// Seeds the state with four outputs of SplitMix64 started at `seed`.
  public init(seed: UInt64) {
    var sm = SplitMix64(state: seed)
    self.init(state: (sm.next(), sm.next(), sm.next(), sm.next()))
  }

  /// An independent stream for (`seed`, `stream`): the two words are mixed through
  /// SplitMix64 before seeding, so nearby streams are uncorrelated.
  public init(seed: UInt64, stream: UInt64) {
    var sm = SplitMix64(state: seed ^ SplitMix64.mix(stream &+ 0x632B_E59B_D9B4_E019))
    self.init(state: (sm.next(), sm.next(), sm.next(), sm.next()))
  }

  /// The next 64 random bits.
  @inlinable @inline(__always)
  public mutating func next() -> UInt64 {
    let result = (s0 &+ s3).rotatedLeft(23) &+ s0
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3.rotatedLeft(45)
    return result
  }

  /// A uniform double in [0, 1) with 53 random bits.
  @inlinable @inline(__always)
  public mutating func nextUniform() -> Double {
    Double(Int64(bitPattern: next() >> 11)) * 0x1.0p-53
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014): the seeding generator of xoshiro.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The 64-bit state, advanced by the golden-ratio increment on each call.
  public var state: UInt64

  /// Starts at `state`.
  public init(state: UInt64) { self.state = state }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return SplitMix64.mix(state)
  }

  /// The SplitMix64 finaliser: a bijective avalanche mix of 64 bits.
  @inlinable
  public static func mix(_ x: UInt64) -> UInt64 {
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension UInt64 {
  @inlinable @inline(__always)
  func rotatedLeft(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
