#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Element-wise exponential over a buffer, fast and accurate to ~1 ulp.
///
/// Method (Tang 1989, "Table-driven implementation of the exponential function in IEEE
/// floating-point arithmetic", ACM TOMS 15(2)): eˣ = 2ᵏ·2^(j/64)·eʳ with n = 64k + j =
/// round(64x/ln 2) found by the 1.5·2⁵² shifter trick (no float→int conversion), the reduced
/// argument r = x − n·(ln2/64)_hi − n·(ln2/64)_lo (Cody–Waite, |r| ≤ ln2/128), eʳ by the
/// degree-5 Taylor polynomial (truncation < 4·10⁻¹⁷), 2^(j/64) from a 64-entry table with k
/// added to its exponent bits. Blocks of 64 values go through two passes: a branch-free one
/// (range check, reduction, polynomial) that the compiler vectorises, then the table pass.
/// Maximum relative error ≈ 4·10⁻¹⁶ against the C library (tested). Blocks holding any
/// |x| ≳ 704 or NaN are computed element by element with the C library `exp`, so overflow,
/// underflow to subnormals and NaN behave exactly as `exp` does.
/// - Complexity: O(n); no heap allocation (a 1 KiB stack scratch).
public enum VectorExp {
  /// The bit patterns of 2^(j/64) for j = 0 … 63 (adding k·2⁵² multiplies by 2ᵏ).
  nonisolated(unsafe) static let table: UnsafeMutablePointer<UInt64> = {
    let t = UnsafeMutablePointer<UInt64>.allocate(capacity: 64)  // process lifetime
    for j in 0..<64 { t[j] = exp2(Double(j) / 64).bitPattern }
    return t
  }()

  /// Replaces every element x of `buffer` by eˣ.
  public static func exponentiate(_ buffer: UnsafeMutableBufferPointer<Double>) {
    guard let p = buffer.baseAddress else { return }
    exponentiate(
      UnsafeBufferPointer(start: p, count: buffer.count), scale: 1, offset: 0, into: buffer)
  }

  /// Writes exp(`scale`·x + `offset`) for every x of `input` into `output` (same count; the
  /// two may be the same memory). The affine map is fused into the exponential's first pass.
  public static func exponentiate(
    _ input: UnsafeBufferPointer<Double>, scale: Double, offset: Double,
    into output: UnsafeMutableBufferPointer<Double>
  ) {
    exponentiate(input, scale: scale, offset: offset, weights: nil, period: 1, into: output)
  }

  /// Writes wᵢ·exp(`scale`·xᵢ + `offset`) into `output`, with the weights repeating:
  /// wᵢ = `weights[i mod weights.count]` (e.g. the seasonal means of the periods of a row of
  /// paths). The weighting is fused into the exponential's table pass.
  public static func exponentiate(
    _ input: UnsafeBufferPointer<Double>, scale: Double, offset: Double,
    weights: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>
  ) {
    guard let w = weights.baseAddress, !weights.isEmpty else { return }
    exponentiate(
      input, scale: scale, offset: offset, weights: w, period: weights.count, into: output)
  }

  static func exponentiate(
    _ input: UnsafeBufferPointer<Double>, scale: Double, offset: Double,
    weights: UnsafePointer<Double>?, period: Int, into output: UnsafeMutableBufferPointer<Double>
  ) {
    guard let x = input.baseAddress, let y = output.baseAddress else { return }
    let n = min(input.count, output.count)
    let block = VectorExp.block
    // 1 KiB: small enough that Swift always places it on the stack (no heap allocation).
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * block) { shifted in
      guard let t = shifted.baseAddress else { return }
      var start = 0
      while start < n {
        let count = min(block, n - start)
        exponentiateBlock(
          x + start, scale: scale, offset: offset, into: y + start, count: count, shifted: t,
          weights: weights, period: period, phase: start % period)
        start += count
      }
    }
  }

  /// Values per block (two block-sized scratch arrays live on the stack).
  static let block = 64

  /// One block of at most `block` values: a vectorisable pass for the range check, reduction
  /// and polynomial (into scratch, so `input` may alias `p`), then a scalar pass applying the
  /// table and the power of two. `t` has room for 2·`block` doubles.
  @inline(__always)
  static func exponentiateBlock(
    _ input: UnsafePointer<Double>, scale a: Double, offset b: Double,
    into p: UnsafeMutablePointer<Double>,
    count n: Int, shifted t: UnsafeMutablePointer<Double>,
    weights: UnsafePointer<Double>?, period: Int, phase: Int
  ) {
    let polynomial = t + VectorExp.block
    let shifter = 0x1.8p52
    let scale = 64 * 1.442_695_040_888_963_4
    let ln2Hi = 0x1.62e42fee00000p-1 / 64  // 20 + 32 significant bits: k·ln2Hi is exact
    let ln2Lo = 0x1.a39ef35793c76p-33 / 64
    var outside: UInt64 = 0
    for i in 0..<n {
      let x = input[i] * a + b
      let shiftedIndex = x * scale + shifter
      let k = shiftedIndex - shifter
      // |n| ≤ 65 000 keeps |x| < 704, well inside exp's normal range; NaN and ±∞ fail too.
      outside |= k.magnitude <= 65_000 ? 0 : 1
      let r = (x - k * ln2Hi) - k * ln2Lo
      let r2 = r * r
      let c = r * (1.0 / 6) + 0.5
      let d = r * (1.0 / 120) + (1.0 / 24)
      polynomial[i] = (r + 1) + r2 * (c + r2 * d)
      t[i] = shiftedIndex
    }
    if outside != 0 {
      for i in 0..<n { p[i] = exp(input[i] * a + b) }
      if let w = weights {
        var h = phase
        for i in 0..<n {
          p[i] *= w[h]
          h = h + 1 == period ? 0 : h + 1
        }
      }
      return
    }
    let table = VectorExp.table
    if let w = weights {
      var h = phase
      for i in 0..<n {
        let bits = t[i].bitPattern
        let j = Int(truncatingIfNeeded: bits & 63)
        p[i] = polynomial[i] * Double(bitPattern: table[j] &+ ((bits >> 6) << 52)) * w[h]
        h = h + 1 == period ? 0 : h + 1
      }
    } else {
      for i in 0..<n {
        let bits = t[i].bitPattern  // 2⁵¹ + n in the low bits, n = 64k + j
        let j = Int(truncatingIfNeeded: bits & 63)
        // 2^(j/64)·2ᵏ: add k to the table entry's exponent (2⁴⁵·2⁵² overflows away).
        p[i] = polynomial[i] * Double(bitPattern: table[j] &+ ((bits >> 6) << 52))
      }
    }
  }
}

@usableFromInline func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@usableFromInline func _sin(_ x: Double) -> Double { sin(x) }
