import Foundation
import Testing

@testable import AttainRandom

/// The standard normal CDF Φ(x) = erfc(−x/√2)/2.
func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

/// The Kolmogorov–Smirnov statistic D = sup |Fₙ − Φ| of `draws` against the standard normal.
func kolmogorovSmirnovAgainstNormal(_ draws: [Double]) -> Double {
  let sorted = draws.sorted()
  let n = Double(sorted.count)
  var d = 0.0
  for (k, value) in sorted.enumerated() {
    let cdf = normalCDF(value)
    d = max(d, Double(k + 1) / n - cdf, cdf - Double(k) / n)
  }
  return d
}

@Suite struct NormalTests {
  static let count = 1_000_000

  @Test func zigguratTablesCloseTheLayers() {
    let t = ZigguratTables.shared
    // Every layer i ≥ 1 has area x_i (f(x_{i+1}) − f(x_i)) = v; the top one ends at x = 0.
    for i in 1..<256 {
      let area = t.x[i] * (t.f[i + 1] - t.f[i])
      #expect(abs(area - t.layerArea) <= 1e-9 * t.layerArea, "layer \(i)")
    }
    // The base strip and tail have area v too: r f(r) + ∫_r^∞ f = x₀ f(r).
    let tail = (Double.pi / 2).squareRoot() * erfc(ZigguratTables.r / 2.0.squareRoot())
    #expect(abs(ZigguratTables.r * t.f[1] + tail - t.x[0] * t.f[1]) < 1e-15)
    // The rectangles overhang the curve, so together they exceed the half-area √(π/2).
    #expect(256 * t.layerArea > (Double.pi / 2).squareRoot())
  }

  /// Wherever the wedge squeeze decides, it agrees with the exact test y < exp(−z²/2); it
  /// decides most points; the layer holding x = 1 always takes the exact test.
  @Test func wedgeSqueezeAgreesWithTheExactTest() {
    let t = ZigguratTables.shared
    var g = Xoshiro256PlusPlus(seed: 13)
    var decided = 0
    var total = 0
    for i in 1..<256 {
      for _ in 0..<1000 {
        let z = t.x[i + 1] + g.nextUniform() * (t.x[i] - t.x[i + 1])
        let uniform = g.nextUniform()
        let exact = t.f[i] + uniform * (t.f[i + 1] - t.f[i]) < exp(-0.5 * z * z)
        total += 1
        let (accepted, rejected) = t.squeeze(layer: i, z: z, uniform: uniform)
        #expect(!(accepted && rejected))
        guard accepted || rejected else { continue }
        decided += 1
        #expect(accepted == exact, "layer \(i) z \(z) U \(uniform)")
      }
      if t.x[i + 1] < 1 && t.x[i] > 1 {
        for (z, u) in [(1.0, 0.0), (1, 0.999), (t.x[i], 0), (t.x[i + 1], 0.999)] {
          let (accepted, rejected) = t.squeeze(layer: i, z: z, uniform: u)
          #expect(!accepted && !rejected)
        }
      }
    }
    #expect(Double(decided) > 0.9 * Double(total), "squeeze decided \(decided) of \(total)")
  }

  @Test func momentsOfAMillionDraws() {
    var g = Xoshiro256PlusPlus(seed: 7, stream: 1)
    var z = [Double](repeating: 0, count: Self.count)
    g.fillNormals(&z)
    let n = Double(Self.count)
    let mean = z.reduce(0, +) / n
    let variance = z.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    let third = z.reduce(0) { $0 + $1 * $1 * $1 } / n
    let fourth = z.reduce(0) { $0 + $1 * $1 * $1 * $1 } / n
    // Standard errors: 1/√n for the mean, √(2/n) for the variance, √(15/n), √(96/n).
    #expect(abs(mean) < 5 / n.squareRoot())
    #expect(abs(variance - 1) < 5 * (2 / n).squareRoot())
    #expect(abs(third) < 5 * (15 / n).squareRoot())
    #expect(abs(fourth - 3) < 5 * (96 / n).squareRoot())
  }

  @Test func kolmogorovSmirnovOnAMillionDraws() {
    var g = Xoshiro256PlusPlus(seed: 11)
    var z = [Double](repeating: 0, count: Self.count)
    g.fillNormals(&z)
    let d = kolmogorovSmirnovAgainstNormal(z)
    // The 0.1 % critical value of the KS statistic is ≈ 1.949/√n.
    #expect(d < 1.949 / Double(z.count).squareRoot(), "KS D = \(d)")
  }

  @Test func tailAndWedgeFrequencies() {
    // Frequencies in bands that exercise the base strip, wedges and the exact tail.
    var g = Xoshiro256PlusPlus(seed: 3)
    let edges: [Double] = [0, 0.5, 1, 2, 3, ZigguratTables.r, 4.5, .infinity]
    var counts = [Int](repeating: 0, count: edges.count - 1)
    for _ in 0..<Self.count {
      let a = abs(g.nextNormal())
      for b in 0..<(edges.count - 1) where a >= edges[b] && a < edges[b + 1] { counts[b] += 1 }
    }
    let n = Double(Self.count)
    for b in 0..<counts.count {
      let p = 2 * (normalCDF(edges[b + 1]) - normalCDF(edges[b]))
      let sd = (n * p * (1 - p)).squareRoot()
      #expect(abs(Double(counts[b]) - n * p) < 5 * sd + 1, "band \(edges[b])…\(edges[b + 1])")
    }
  }

  @Test func bulkFillMatchesScalarDraws() {
    var a = Xoshiro256PlusPlus(seed: 5, stream: 9)
    var b = a
    var normals = [Double](repeating: 0, count: 1000)
    a.fillNormals(&normals)
    for value in normals { #expect(value == b.nextNormal()) }
    var uniforms = [Double](repeating: 0, count: 1000)
    a.fillUniforms(&uniforms)
    for value in uniforms {
      #expect(value == b.nextUniform())
      #expect(value >= 0 && value < 1)
    }
  }

  @Test func adjacentStreamsAreUncorrelated() {
    let n = 100_000
    for stream in UInt64(0)..<4 {
      var a = Xoshiro256PlusPlus(seed: 1, stream: stream)
      var b = Xoshiro256PlusPlus(seed: 1, stream: stream + 1)
      var sab = 0.0
      var saa = 0.0
      var sbb = 0.0
      for _ in 0..<n {
        let x = a.nextNormal()
        let y = b.nextNormal()
        sab += x * y
        saa += x * x
        sbb += y * y
      }
      let correlation = sab / (saa * sbb).squareRoot()
      #expect(abs(correlation) < 5 / Double(n).squareRoot(), "streams \(stream), \(stream + 1)")
    }
    // Same stream number under adjacent seeds as well.
    var a = Xoshiro256PlusPlus(seed: 1, stream: 0)
    var b = Xoshiro256PlusPlus(seed: 2, stream: 0)
    var sab = 0.0
    for _ in 0..<n { sab += a.nextNormal() * b.nextNormal() }
    #expect(abs(sab / Double(n)) < 5 / Double(n).squareRoot())
  }

  @Test func uniformsHaveUniformMoments() {
    var g = Xoshiro256PlusPlus(seed: 13)
    var u = [Double](repeating: 0, count: Self.count)
    g.fillUniforms(&u)
    let n = Double(Self.count)
    let mean = u.reduce(0, +) / n
    let variance = u.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    #expect(abs(mean - 0.5) < 5 * (1.0 / 12 / n).squareRoot())
    #expect(abs(variance - 1.0 / 12) < 5 * (1.0 / 180 / n).squareRoot())
  }
}
