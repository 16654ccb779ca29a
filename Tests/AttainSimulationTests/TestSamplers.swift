import AttainForecast
import Foundation

@testable import AttainSimulation

/// A Gaussian random walk from `start`: yₕ = yₕ₋₁ + σzₕ. Its horizon total is
/// H·start + σ Σₖ (H − k + 1) zₖ, normal with variance σ² Σₖ k²: a closed form for tests.
struct RandomWalkSampler: PathSampler {
  var start: Double
  var sigma: Double
  var scratchCount: Int { 1 }
  func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    scratch[0] = start  // exercises the scratch space
    for h in 0..<path.count {
      scratch[0] += sigma * shocks[h]
      path[h] = scratch[0]
    }
  }
}

/// Wraps any sampler so only the per-path `PathSampler` entry point is visible.
struct PerPathOnly: PathSampler {
  var inner: any PathSampler
  var scratchCount: Int { inner.scratchCount }
  func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    inner.samplePath(shocks: shocks, into: path, scratch: scratch)
  }
}

/// A model that produces NaN, to test error reporting.
struct BrokenSampler: PathSampler {
  var scratchCount: Int { 0 }
  func samplePath(
    shocks: UnsafeBufferPointer<Double>, into path: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    for h in 0..<path.count { path[h] = .nan }
  }
}

/// The standard normal CDF.
func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

/// |a − b| ≤ tolerance · max(|a|, |b|, tiny).
func close(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
  abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)
}

/// Sample correlation.
func correlation(_ a: [Double], _ b: [Double]) -> Double {
  let n = Double(a.count)
  let ma = a.reduce(0, +) / n
  let mb = b.reduce(0, +) / n
  var sab = 0.0
  var saa = 0.0
  var sbb = 0.0
  for (x, y) in zip(a, b) {
    sab += (x - ma) * (y - mb)
    saa += (x - ma) * (x - ma)
    sbb += (y - mb) * (y - mb)
  }
  return sab / (saa * sbb).squareRoot()
}

let monthlySeasonal = (1...12).map { 1 + 0.3 * sin(2 * Double.pi * Double($0) / 12) }
