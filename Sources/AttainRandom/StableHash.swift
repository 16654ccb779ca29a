/// A stable 64-bit hash of a string (FNV-1a over its UTF-8 bytes, then the SplitMix64
/// finaliser). Unlike `Hasher`, it is the same in every process and on every machine, so it
/// can name a unit's random stream: (seed, stableHash(unique_id)).
public func stableHash(_ text: String) -> UInt64 {
  var h: UInt64 = 0xCBF2_9CE4_8422_2325
  for b in text.utf8 {
    h ^= UInt64(b)
    h &*= 0x0000_0100_0000_01B3
  }
  return SplitMix64.mix(h)
}
