import Foundation
import Testing

@testable import AttainSimulation

@Suite struct NumericsTests {
  @Test func vectorExpMatchesTheCLibrary() {
    var xs: [Double] = []
    var g = SplitMixForTests(state: 1)
    for _ in 0..<20_000 { xs.append((g.uniform() * 2 - 1) * 700) }
    for _ in 0..<20_000 { xs.append((g.uniform() * 2 - 1) * 2) }
    xs += [0, -0.0, 1, -1, 708, -708, 1e-300, -1e-300, 0.5 * log(2.0), 64 * log(2.0)]
    var ys = xs
    ys.withUnsafeMutableBufferPointer { VectorExp.exponentiate($0) }
    var worst = 0.0
    for (x, y) in zip(xs, ys) { worst = max(worst, abs(y / exp(x) - 1)) }
    #expect(worst < 6e-16, "max relative error \(worst)")
    // Out of range values fall back to the C library (overflow, underflow, NaN).
    var edge: [Double] = [710, -745, -800, .infinity, -.infinity, .nan, 3]
    edge.withUnsafeMutableBufferPointer { VectorExp.exponentiate($0) }
    #expect(edge[0] == .infinity && edge[1] == exp(-745.0) && edge[2] == 0 && edge[3] == .infinity)
    #expect(edge[4] == 0 && edge[5].isNaN && edge[6] == exp(3.0))
  }

  @Test func weightedExpAndLognormalSamplerMatchTheFormula() {
    var g = SplitMixForTests(state: 21)
    let z = (0..<203).map { _ in (g.uniform() - 0.5) * 6 }
    let weights = [1.5, 2, 0.25, 3, 7]
    var y = [Double](repeating: 0, count: z.count)
    z.withUnsafeBufferPointer { zb in
      weights.withUnsafeBufferPointer { wb in
        y.withUnsafeMutableBufferPointer {
          VectorExp.exponentiate(zb, scale: 0.3, offset: -0.1, weights: wb, into: $0)
        }
      }
    }
    for i in z.indices {
      #expect(close(y[i], weights[i % 5] * exp(0.3 * z[i] - 0.1), relative: 1e-15))
    }
    // The sampler for horizons shorter than, equal to and longer than its seasonal cycle.
    let sampler = LognormalSeasonalSampler(level: 40, seasonal: [1, 2, 3, 4], sigma: 0.5)
    for horizon in [3, 4, 7] {
      let rows = z.count / horizon
      var paths = [Double](repeating: 0, count: rows * horizon)
      var scratch = [Double](repeating: 0, count: 1)
      z.withUnsafeBufferPointer { zb in
        paths.withUnsafeMutableBufferPointer { pb in
          scratch.withUnsafeMutableBufferPointer {
            sampler.samplePaths(
              shocks: UnsafeBufferPointer(rebasing: zb[0..<(rows * horizon)]), into: pb,
              horizon: horizon, scratch: $0)
          }
        }
      }
      for k in paths.indices {
        let season = Double(k % horizon % 4 + 1)
        let expected = 40 * season * exp(0.5 * z[k] - 0.125)
        #expect(close(paths[k], expected, relative: 1e-14), "horizon \(horizon) index \(k)")
      }
    }
  }

  /// `samplePathTotals` (the fused exponential row sums) against the weighted row sums of
  /// `samplePaths`, for horizons with and without a partial group of four, with and without
  /// weights; a row's total does not depend on where it sits in the batch.
  @Test(arguments: [1, 3, 4, 5, 7, 12, 13])
  func lognormalPathTotalsAreWeightedRowSums(horizon: Int) {
    var g = SplitMixForTests(state: UInt64(30 + horizon))
    let rows = 23
    let z = (0..<(rows * horizon)).map { _ in (g.uniform() - 0.5) * 8 }
    let weights = (0..<horizon).map { _ in g.uniform() * 2 - 0.5 }
    let sampler = LognormalSeasonalSampler(level: 40, seasonal: [1, 2, 3, 4, 5], sigma: 0.3)
    var paths = [Double](repeating: 0, count: z.count)
    var scratch = [Double](repeating: 0, count: 1)
    z.withUnsafeBufferPointer { zb in
      paths.withUnsafeMutableBufferPointer { pb in
        scratch.withUnsafeMutableBufferPointer {
          sampler.samplePaths(shocks: zb, into: pb, horizon: horizon, scratch: $0)
        }
      }
    }
    for weighted in [false, true] {
      /// The totals of rows `range`, computed in one call.
      func totals(_ range: Range<Int>) -> [Double] {
        var out = [Double](repeating: .nan, count: range.count)
        var space = [Double](repeating: 0, count: range.count * horizon)
        z.withUnsafeBufferPointer { zb in
          weights.withUnsafeBufferPointer { wb in
            out.withUnsafeMutableBufferPointer { ob in
              space.withUnsafeMutableBufferPointer { sb in
                scratch.withUnsafeMutableBufferPointer {
                  sampler.samplePathTotals(
                    shocks: UnsafeBufferPointer(
                      rebasing: zb[(range.lowerBound * horizon)..<(range.upperBound * horizon)]),
                    weights: weighted ? wb : nil, into: ob, horizon: horizon, paths: sb,
                    scratch: $0)
                }
              }
            }
          }
        }
        return out
      }
      let all = totals(0..<rows)
      for j in 0..<rows {
        var expected = 0.0
        var scale = 0.0
        for h in 0..<horizon {
          let term = paths[j * horizon + h] * (weighted ? weights[h] : 1)
          expected += term
          scale += abs(term)
        }
        #expect(abs(all[j] - expected) <= 1e-15 * scale, "row \(j) weighted \(weighted)")
      }
      // Split into calls of 1, 6 and 16 rows (partial blocks of four at other positions).
      #expect(totals(0..<1) + totals(1..<7) + totals(7..<rows) == all)
    }
  }

  /// `VectorExp.weightedRowSums` against Σⱼ wⱼ·exp(a·xᵢⱼ + b) from the C library, with rows
  /// whose values leave the kernel's range (overflow to ∞, underflow to 0, subnormals) next to
  /// ordinary rows, in blocks of four and in the tail; splitting the rows into other calls
  /// gives the same totals.
  @Test(arguments: [8, 12, 6])
  func weightedRowSumsHandleExtremeRows(columns: Int) {
    var g = SplitMixForTests(state: UInt64(90 + columns))
    let rows = 11
    var x = (0..<(rows * columns)).map { _ in (g.uniform() - 0.5) * 4 }
    // Row 1: one value overflowing; row 5: all far below (0 or subnormal); row 9: a mix.
    x[1 * columns + 2] = 720
    for j in 0..<columns { x[5 * columns + j] = -740 + Double(j) }
    x[9 * columns] = -800
    x[9 * columns + columns - 1] = 705
    let weights = (0..<columns).map { _ in 0.5 + g.uniform() }
    let (a, b) = (1.0, -0.25)
    func sums(_ range: Range<Int>) -> [Double] {
      var out = [Double](repeating: .nan, count: range.count)
      x.withUnsafeBufferPointer { xb in
        weights.withUnsafeBufferPointer { wb in
          out.withUnsafeMutableBufferPointer {
            VectorExp.weightedRowSums(
              UnsafeBufferPointer(
                rebasing: xb[(range.lowerBound * columns)..<(range.upperBound * columns)]),
              scale: a, offset: b, weights: wb, into: $0)
          }
        }
      }
      return out
    }
    let all = sums(0..<rows)
    for i in 0..<rows {
      var expected = 0.0
      for j in 0..<columns { expected += weights[j] * exp(a * x[i * columns + j] + b) }
      if expected.isInfinite {
        #expect(all[i] == expected, "row \(i)")
      } else {
        #expect(abs(all[i] - expected) <= 1e-15 * expected, "row \(i): \(all[i]) vs \(expected)")
      }
    }
    #expect(all[1] == .infinity)
    #expect(sums(0..<3) + sums(3..<6) + sums(6..<rows) == all)
  }

  /// Small counts use plain selection; above 2048 the sampled bracket is used. Values are
  /// continuous, rounded (ties) or three-valued (heavy ties), sorted or reversed.
  @Test(arguments: [1, 2, 3, 17, 1000, 1001, 5000, 20_011], [0, 1, 2, 3])
  func selectionQuantilesMatchSortedType7(count: Int, kind: Int) {
    var g = SplitMixForTests(state: UInt64(count))
    var values = (0..<count).map { _ in g.uniform() * 10 }
    switch kind {
    case 1: values = values.map { $0.rounded() }
    case 2: values = values.map { ($0 / 4).rounded(.down) }
    case 3: values = values.sorted(by: >)
    default: break
    }
    let sorted = values.sorted()
    let levels = [0, 0.0001, 0.1, 0.25, 0.4, 0.5, 0.9, 0.999, 1]
    var work = values
    let q = work.withUnsafeMutableBufferPointer { Selection.quantiles($0, levels: levels) }
    for (level, value) in zip(levels, q) {
      let h = Double(count - 1) * level
      let lo = Int(h.rounded(.down))
      let expected =
        lo + 1 < count ? sorted[lo] + (h - Double(lo)) * (sorted[lo + 1] - sorted[lo]) : sorted[lo]
      #expect(close(value, expected, relative: 1e-15) || value == expected, "level \(level)")
    }
  }

  @Test func exactSumIsOrderIndependent() {
    var g = SplitMixForTests(state: 5)
    let values = (0..<5000).map { _ in (g.uniform() - 0.5) * pow(10, g.uniform() * 12 - 4) }
    var forward = ExactSum()
    for v in values { forward.add(v) }
    var backward = ExactSum()
    for v in values.reversed() { backward.add(v) }
    var halves = ExactSum()
    var second = ExactSum()
    for v in values.prefix(1234) { halves.add(v) }
    for v in values.dropFirst(1234) { second.add(v) }
    #expect(forward == backward)
    #expect(forward == halves + second)
    // Accurate to the 2⁻³² quantisation per term.
    let reference = values.reduce(0, +)
    #expect(abs(forward.value - reference) < 1e-9 * Double(values.count) + 1e-12 * abs(reference))
    var small = ExactSum()
    for v in [-1.5, 0.25, -1e-12, 3.0, -7.75e20, 7.75e20] { small.add(v) }
    #expect(abs(small.value - 1.75) < 1e-9)
    // Small negative sums convert without cancellation (multiples of 2⁻³² are exact).
    var negative = ExactSum()
    negative.add(-0.5)
    negative.add(-0x1.0p-30)
    #expect(negative.value == -0.5 - 0x1.0p-30)
    var tiny = ExactSum()
    tiny.add(-1e-12)  // truncated toward −∞ to −2⁻³²
    #expect(tiny.value == -0x1.0p-32)
  }
}

/// A tiny deterministic uniform source for tests.
struct SplitMixForTests {
  var state: UInt64
  mutating func uniform() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) * 0x1.0p-53
  }
}
