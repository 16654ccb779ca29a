#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Element-wise exponential over a buffer, four lanes at a time, accurate to ~1 ulp.
///
/// Method (Cody & Waite 1980; Muller 2016, *Elementary Functions*, ch. 11): eˣ = 2ⁿ·eʳ with
/// n = round(x/ln 2) found by the 1.5·2⁵² shifter trick (no float→int conversion; n sits in the
/// low bits of the shifted value), r = x − n·(ln2)_hi − n·(ln2)_lo (|r| ≤ ln2/2, the high part
/// has 32 significant bits so n·(ln2)_hi is exact), eʳ by a degree-11 near-minimax polynomial
/// (1 + r + r²·g(r), g fitted by Chebyshev interpolation; relative error 1.6·10⁻¹⁷) by Estrin's
/// scheme, and 2ⁿ applied by adding n to the result's exponent bits. Every step is a lane-wise
/// add, multiply, shift or integer add, so the loop runs on `SIMD4<Double>` with no table
/// lookups or branches. Maximum relative error
/// ≈ 4·10⁻¹⁶ against the C library (tested). A group of four holding any |x| ≳ 693 or NaN is
/// computed with the C library `exp`, so overflow, underflow to subnormals and NaN behave
/// exactly as `exp` does.
/// - Complexity: O(n); no allocation.
public enum VectorExp {
  /// Replaces every element x of `buffer` by eˣ.
  public static func exponentiate(_ buffer: UnsafeMutableBufferPointer<Double>) {
    guard let p = buffer.baseAddress else { return }
    exponentiate(
      UnsafeBufferPointer(start: p, count: buffer.count), scale: 1, offset: 0, into: buffer)
  }

  /// Writes exp(`scale`·x + `offset`) for every x of `input` into `output` (same count; the
  /// two may be the same memory). The affine map is fused into the exponential.
  public static func exponentiate(
    _ input: UnsafeBufferPointer<Double>, scale: Double, offset: Double,
    into output: UnsafeMutableBufferPointer<Double>
  ) {
    exponentiate(input, scale: scale, offset: offset, fusedWeights: nil, period: 4, into: output)
  }

  /// Writes wᵢ·exp(`scale`·xᵢ + `offset`) into `output`, with the weights repeating:
  /// wᵢ = `weights[i mod weights.count]` (e.g. the seasonal means of the periods of a row of
  /// paths). Weights whose count is a multiple of 4 are fused into the exponential's loop.
  public static func exponentiate(
    _ input: UnsafeBufferPointer<Double>, scale: Double, offset: Double,
    weights: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>
  ) {
    guard let w = weights.baseAddress, !weights.isEmpty, let y = output.baseAddress else { return }
    let period = weights.count
    if period % 4 == 0 {
      exponentiate(input, scale: scale, offset: offset, fusedWeights: w, period: period, into: output)
      return
    }
    exponentiate(input, scale: scale, offset: offset, fusedWeights: nil, period: 4, into: output)
    let n = min(input.count, output.count)
    var start = 0
    while start < n {
      let count = min(period, n - start)
      let row = y + start
      for j in 0..<count { row[j] *= w[j] }
      start += count
    }
  }

  /// The loop: groups of four through `kernel`, each multiplied by the four weights at its
  /// phase when `fusedWeights` is given (`period` a multiple of 4), the last partial group
  /// padded.
  @inline(__always)
  static func exponentiate(
    _ input: UnsafeBufferPointer<Double>, scale: Double, offset: Double,
    fusedWeights: UnsafePointer<Double>?, period: Int, into output: UnsafeMutableBufferPointer<Double>
  ) {
    guard let x = input.baseAddress, let y = output.baseAddress else { return }
    let n = min(input.count, output.count)
    let a = SIMD4<Double>(repeating: scale)
    let b = SIMD4<Double>(repeating: offset)
    var i = 0
    var phase = 0
    // Two groups per iteration: their dependency chains (≈ 40 cycles deep) interleave.
    while i + 8 <= n {
      let v0 = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Double>.self) * a + b
      let v1 = UnsafeRawPointer(x + i + 4).loadUnaligned(as: SIMD4<Double>.self) * a + b
      var (e0, inRange0) = kernel(v0)
      var (e1, inRange1) = kernel(v1)
      if !all(inRange0) { for lane in 0..<4 { e0[lane] = exp(v0[lane]) } }
      if !all(inRange1) { for lane in 0..<4 { e1[lane] = exp(v1[lane]) } }
      if let w = fusedWeights {
        e0 *= UnsafeRawPointer(w + phase).loadUnaligned(as: SIMD4<Double>.self)
        phase = phase + 4 == period ? 0 : phase + 4
        e1 *= UnsafeRawPointer(w + phase).loadUnaligned(as: SIMD4<Double>.self)
        phase = phase + 4 == period ? 0 : phase + 4
      }
      UnsafeMutableRawPointer(y + i).storeBytes(of: e0, as: SIMD4<Double>.self)
      UnsafeMutableRawPointer(y + i + 4).storeBytes(of: e1, as: SIMD4<Double>.self)
      i += 8
    }
    while i + 4 <= n {
      let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Double>.self) * a + b
      var (e, inRange) = kernel(v)
      if !all(inRange) { for lane in 0..<4 { e[lane] = exp(v[lane]) } }
      if let w = fusedWeights {
        e *= UnsafeRawPointer(w + phase).loadUnaligned(as: SIMD4<Double>.self)
        phase = phase + 4 == period ? 0 : phase + 4
      }
      UnsafeMutableRawPointer(y + i).storeBytes(of: e, as: SIMD4<Double>.self)
      i += 4
    }
    if i < n {
      var v = SIMD4<Double>()
      for lane in 0..<(n - i) { v[lane] = x[i + lane] * scale + offset }
      let (e, inRange) = kernel(v)
      let exact = all(inRange)
      for lane in 0..<(n - i) {
        let value = exact ? e[lane] : exp(v[lane])
        y[i + lane] = fusedWeights.map { value * $0[phase + lane] } ?? value
      }
    }
  }

  /// Writes Σⱼ wⱼ·exp(`scale`·xᵢⱼ + `offset`) for each row i of `input` (row-major,
  /// `weights.count` columns, `totals.count` rows) into `totals`: the exponentials are summed
  /// in registers as they are computed, never stored. Each row's columns go four at a time
  /// through the kernel (a last partial group padded with weight 0) into a four-lane
  /// accumulator a; rows go four at a time, their groups interleaved, and the four
  /// accumulators are reduced together (a few shuffles for four totals). Every row's total is
  /// (a₀ + a₂) + (a₁ + a₃) whatever its position, so it does not depend on how the rows are
  /// split into calls.
  /// - Complexity: O(rows · columns); no allocation.
  public static func weightedRowSums(
    _ input: UnsafeBufferPointer<Double>, scale: Double, offset: Double,
    weights: UnsafeBufferPointer<Double>, into totals: UnsafeMutableBufferPointer<Double>
  ) {
    let columns = weights.count
    let rows = totals.count
    guard columns > 0, let w = weights.baseAddress, let x = input.baseAddress,
      let out = totals.baseAddress, input.count >= rows * columns
    else { return }
    let full = columns & ~3
    var r = 0
    while r + 4 <= rows {
      let row = x + r * columns
      var (a0, a1, a2, a3) = (SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>())
      var j = 0
      while j < full {
        let weight = UnsafeRawPointer(w + j).loadUnaligned(as: SIMD4<Double>.self)
        let v0 = affine(row + j, scale: scale, offset: offset)
        let v1 = affine(row + columns + j, scale: scale, offset: offset)
        let v2 = affine(row + 2 * columns + j, scale: scale, offset: offset)
        let v3 = affine(row + 3 * columns + j, scale: scale, offset: offset)
        var (e0, inRange0) = kernel(v0)
        var (e1, inRange1) = kernel(v1)
        var (e2, inRange2) = kernel(v2)
        var (e3, inRange3) = kernel(v3)
        // One test for the four groups (measured 18 % faster than a branch per group); a
        // group out of range is recomputed alone, so each row's values do not depend on its
        // neighbours.
        // `_slowPath`: lay the rare recomputation out of the loop's straight line (4 % faster).
        if _slowPath(!all(inRange0 .& inRange1 .& inRange2 .& inRange3)) {
          (e0, e1, e2, e3) = (exactGroup(v0), exactGroup(v1), exactGroup(v2), exactGroup(v3))
        }
        a0 = fused(e0, weight, a0)
        a1 = fused(e1, weight, a1)
        a2 = fused(e2, weight, a2)
        a3 = fused(e3, weight, a3)
        j += 4
      }
      if full < columns {
        a0 = partialTerm(row, columns: columns, scale: scale, offset: offset, weights: w, adding: a0)
        a1 = partialTerm(
          row + columns, columns: columns, scale: scale, offset: offset, weights: w, adding: a1)
        a2 = partialTerm(
          row + 2 * columns, columns: columns, scale: scale, offset: offset, weights: w, adding: a2)
        a3 = partialTerm(
          row + 3 * columns, columns: columns, scale: scale, offset: offset, weights: w, adding: a3)
      }
      UnsafeMutableRawPointer(out + r).storeBytes(
        of: laneTotals(a0, a1, a2, a3), as: SIMD4<Double>.self)
      r += 4
    }
    while r < rows {
      let row = x + r * columns
      var a = SIMD4<Double>()
      var j = 0
      while j < full {
        let weight = UnsafeRawPointer(w + j).loadUnaligned(as: SIMD4<Double>.self)
        a = weightedTerm(row + j, scale: scale, offset: offset, weight: weight, adding: a)
        j += 4
      }
      if full < columns {
        a = partialTerm(row, columns: columns, scale: scale, offset: offset, weights: w, adding: a)
      }
      out[r] = laneTotals(a, a, a, a)[0]
      r += 1
    }
  }

  /// exp of the four lanes as `weightedTerm` computes them: the kernel's values when all
  /// four are in its range, else the C library's (out of line: only for extreme inputs).
  @inline(never)
  static func exactGroup(_ v: SIMD4<Double>) -> SIMD4<Double> {
    var (e, inRange) = kernel(v)
    if !all(inRange) { for lane in 0..<4 { e[lane] = exp(v[lane]) } }
    return e
  }

  /// `scale`·x + `offset` for the four values x at `values`.
  @inline(__always)
  static func affine(
    _ values: UnsafePointer<Double>, scale: Double, offset: Double
  ) -> SIMD4<Double> {
    fused(UnsafeRawPointer(values).loadUnaligned(as: SIMD4<Double>.self), scale, offset)
  }

  /// `sum` + `weight`·exp(`scale`·x + `offset`) for the four values x at `values`.
  @inline(__always)
  static func weightedTerm(
    _ values: UnsafePointer<Double>, scale: Double, offset: Double, weight: SIMD4<Double>,
    adding sum: SIMD4<Double>
  ) -> SIMD4<Double> {
    let v = affine(values, scale: scale, offset: offset)
    var (e, inRange) = kernel(v)
    if !all(inRange) { for lane in 0..<4 { e[lane] = exp(v[lane]) } }
    return fused(e, weight, sum)
  }

  /// `sum` + the weighted exponentials of the last `columns` mod 4 values of a row (padded
  /// lanes hold x = 0 and get weight 0).
  @inline(__always)
  static func partialTerm(
    _ row: UnsafePointer<Double>, columns: Int, scale: Double, offset: Double,
    weights w: UnsafePointer<Double>, adding sum: SIMD4<Double>
  ) -> SIMD4<Double> {
    let full = columns & ~3
    var v = SIMD4<Double>()
    var weight = SIMD4<Double>()
    for lane in 0..<(columns - full) {
      v[lane] = row[full + lane] * scale + offset
      weight[lane] = w[full + lane]
    }
    var (e, inRange) = kernel(v)
    if !all(inRange) { for lane in 0..<4 { e[lane] = exp(v[lane]) } }
    return fused(e, weight, sum)
  }

  /// The lane totals (a₀ + a₂) + (a₁ + a₃) of four accumulators, as one vector.
  @inline(__always)
  static func laneTotals(
    _ a: SIMD4<Double>, _ b: SIMD4<Double>, _ c: SIMD4<Double>, _ d: SIMD4<Double>
  ) -> SIMD4<Double> {
    // [a₀+a₂, a₁+a₃, b₀+b₂, b₁+b₃] and the same for c, d; then even + odd lanes.
    let ab = SIMD4(lowHalf: a.lowHalf, highHalf: b.lowHalf)
      + SIMD4(lowHalf: a.highHalf, highHalf: b.highHalf)
    let cd = SIMD4(lowHalf: c.lowHalf, highHalf: d.lowHalf)
      + SIMD4(lowHalf: c.highHalf, highHalf: d.highHalf)
    return SIMD4(lowHalf: ab.evenHalf, highHalf: cd.evenHalf)
      + SIMD4(lowHalf: ab.oddHalf, highHalf: cd.oddHalf)
  }

  /// a·b + c: one fused multiply-add when the build targets a CPU that has it (the Makefile
  /// defines ATTAIN_FMA with `-target-cpu haswell` on such machines), else a multiply and an
  /// add (never a library `fma` call, which would be slow without the instruction).
  @inline(__always)
  static func fused(_ a: SIMD4<Double>, _ b: SIMD4<Double>, _ c: SIMD4<Double>) -> SIMD4<Double> {
    #if ATTAIN_FMA
      return c.addingProduct(a, b)
    #else
      return a * b + c
    #endif
  }

  /// a·b + c with scalar b (see the vector form).
  @inline(__always)
  static func fused(_ a: SIMD4<Double>, _ b: Double, _ c: SIMD4<Double>) -> SIMD4<Double> {
    fused(a, SIMD4(repeating: b), c)
  }

  /// a·b + c with scalar b and c (see the vector form).
  @inline(__always)
  static func fused(_ a: SIMD4<Double>, _ b: Double, _ c: Double) -> SIMD4<Double> {
    fused(a, SIMD4(repeating: b), SIMD4(repeating: c))
  }

  /// exp of each lane, and which lanes were in the polynomial's range (|n| ≤ 1000, not NaN);
  /// when not all were, the caller recomputes the four with `exp`.
  @inline(__always)
  static func kernel(_ x: SIMD4<Double>) -> (SIMD4<Double>, SIMDMask<SIMD4<Int64>>) {
    let shifter = SIMD4<Double>(repeating: 0x1.8p52)
    let shifted = fused(x, 1.442_695_040_888_963_4, shifter)
    let k = shifted - shifter
    let r = fused(k, -0x1.a39ef35793c76p-33, fused(k, -0x1.62e42fee00000p-1, x))
    // p(r) = 1 + r + c₂r² + … + c₁₁r¹¹, near-minimax for eʳ on |r| ≤ ln2/2 (relative error
    // 1.6·10⁻¹⁷ with these rounded coefficients; `Benchmarks/compare/vector_exp_fit.py` made them),
    // by Estrin's scheme (Knuth, TAOCP vol. 2, §4.6.4): the pairs, then pairs of pairs, then
    // Horner's rule in r⁴ on the three quadruples (no r⁸ needed), so the dependency chain is 7
    // operations deep instead of Horner's 11.
    let r2 = r * r
    let r4 = r2 * r2
    let q0 = r + 1
    let q1 = fused(r, 0x1.5555555555556p-3, 0x1.0000000000001p-1)
    let q2 = fused(r, 0x1.11111111109b3p-7, 0x1.5555555553d63p-5)
    let q3 = fused(r, 0x1.a01a01a7c41d5p-13, 0x1.6c16c1788bd90p-10)
    let q4 = fused(r, 0x1.71de0dae63bb3p-19, 0x1.a019b90d2ae7ap-16)
    let q5 = fused(r, 0x1.af38a9b0ec855p-26, 0x1.289185613a3d6p-22)
    let s0 = fused(q1, r2, q0)
    let s1 = fused(q3, r2, q2)
    let s2 = fused(q5, r2, q4)
    let p = fused(fused(s2, r4, s1), r4, s0)
    // The shifted value's low 52 bits are 2⁵¹ + n; shifting them up by 52 leaves n·2⁵², which
    // added to the bits of p ∈ [0.7, 1.42] multiplies it by 2ⁿ.
    let scaleBits = unsafeBitCast(shifted, to: SIMD4<UInt64>.self) &<< 52
    let e = unsafeBitCast(unsafeBitCast(p, to: SIMD4<UInt64>.self) &+ scaleBits, to: SIMD4<Double>.self)
    return (e, (k .>= -1000) .& (k .<= 1000))
  }
}

@usableFromInline func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@usableFromInline func _sin(_ x: Double) -> Double { sin(x) }
