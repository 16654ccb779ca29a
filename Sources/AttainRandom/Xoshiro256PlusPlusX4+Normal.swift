extension Xoshiro256PlusPlusX4 {
  /// Words generated per block of `fillNormals(_:)` (a 1 KiB stack buffer).
  @usableFromInline static var normalBlock: Int { 128 }

  /// Fills `buffer` with standard normal draws N(0, 1): the ziggurat of
  /// `Xoshiro256PlusPlus.nextNormal()` applied to the interleaved word stream, one word per
  /// candidate. The four lanes generate a block of words in one vector loop, then a scalar loop
  /// turns each word into a candidate and keeps it when it falls inside its layer's rectangle
  /// (≈ 98.8 %); a rejected word is followed by the next one, and the wedge and tail tests draw
  /// their uniforms from the `spare` generator. The (at most three) words of the last step not
  /// needed are carried over to the next call, so the draws depend only on (seed, stream) and
  /// their index: filling a and then b values gives the same draws as filling a + b at once.
  /// (Testing the candidates four at a time in vector registers measured slower: the table
  /// lookups cannot be vectorised, and the scalar loop has no dependency chain to hide.)
  /// - Complexity: O(buffer.count), about 1.01 words per draw; no heap allocation.
  @inlinable
  public mutating func fillNormals(_ buffer: UnsafeMutableBufferPointer<Double>) {
    guard let out = buffer.baseAddress, buffer.count > 0 else { return }
    let n = buffer.count
    let tables = ZigguratTables.shared
    let (pairs, f, wedge) = (tables.scaledXAndNext, tables.f, tables.wedge)
    let block = Self.normalBlock
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: block) { words in
      guard let w = words.baseAddress else { return }
      var spare = self.spare
      // The carried words go first.
      var carried = 0
      for lane in pendingStart..<4 {
        w[carried] = pending[lane]
        carried += 1
      }
      var k = 0
      while k < n {
        // Enough whole steps for the draws still missing, after the carried words.
        let missing = n - k - carried
        let count = missing > 0 ? min(block - 4, (missing + 3) & ~3) : 0
        fill(UnsafeMutableBufferPointer(start: w + carried, count: count))
        let total = carried + count
        carried = 0
        var j = 0
        while j < total && k < n {
          // Each word gives at most one draw, so up to min(words, draws missing) words can be
          // taken without checking for a full buffer. Pointers instead of indices, and the
          // pairs (xᵢ·2⁻⁵⁴, xᵢ₊₁) side by side, keep the loop's state in few registers.
          var word = w + j
          let end = word + min(total - j, n - k)
          var next = out + k
          while word < end {
            let bits = word.pointee
            word += 1
            let i = Int(truncatingIfNeeded: bits & 0xFF)
            let z = Double(Int64(bitPattern: bits) >> 9) * pairs[2 &* i]
            if z.magnitude < pairs[2 &* i &+ 1] {
              next.pointee = z
              next += 1
              continue
            }
            let (accepted, value, state) = Xoshiro256PlusPlus.normalSlowPath(
              spare, layer: i, z: z.magnitude, f: f, wedge: wedge)
            spare = state
            // Written either way, kept only if accepted (no unpredictable branch; a rejected
            // value is overwritten by the next draw, there is room since k < n).
            next.pointee = z < 0 ? -value : value
            next += accepted ? 1 : 0
          }
          j = word - w
          k = next - out
        }
        if k == n {
          // At most three words are left (the rounding up to a whole step): keep them.
          pendingStart = 4 - (total - j)
          for lane in pendingStart..<4 { pending[lane] = w[j + lane - pendingStart] }
        }
      }
      self.spare = spare
    }
  }

  /// Fills `array` with standard normal draws. See `fillNormals(_:)` for buffers.
  @inlinable
  public mutating func fillNormals(_ array: inout [Double]) {
    array.withUnsafeMutableBufferPointer { fillNormals($0) }
  }
}
