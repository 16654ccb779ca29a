/// a·b + c: one fused multiply-add (a single rounding) when the build targets a CPU that has
/// the instruction (the Makefile defines ATTAIN_FMA with `-target-cpu haswell` on such machines),
/// else a multiply and an add (never a library `fma` call, slow without the instruction).
/// Used on the ETS recursions' serial dependency chains, where it saves a rounding and ~3 cycles
/// of latency per step.
@inline(__always)
func multiplyAdd(_ a: Double, _ b: Double, _ c: Double) -> Double {
  #if ATTAIN_FMA
    return c.addingProduct(a, b)
  #else
    return a * b + c
  #endif
}
