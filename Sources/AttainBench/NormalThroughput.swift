import AttainParallel
import AttainRandom

/// Raw throughput of the engine's normal generator (`attain bench normals`): each worker fills
/// a cache-resident buffer of 4096 normals from its own `Xoshiro256PlusPlusX4` stream
/// (seed, chunk) repeatedly, the chunks taken by `ParallelChunks` (the sum does not depend on the
/// thread count).
public enum NormalThroughput {
  /// Draws `count` normals on `threads` workers; returns the wall-clock and CPU seconds taken
  /// and the sum of the draws (≈ N(0, count), printed so the work cannot be optimised away).
  public static func measure(count: Int, threads: Int, seed: UInt64) -> (
    seconds: Double, cpuSeconds: Double, sum: Double
  ) {
    let block = 4096
    let perChunk = 1 << 20
    let chunks = (count + perChunk - 1) / perChunk
    var sums = [Double](repeating: 0, count: chunks)
    let clock = ContinuousClock()
    let cpuStart = processCPUSeconds()
    let start = clock.now
    sums.withParallelAccess { out in
      ParallelChunks.run(chunks: chunks, threads: threads) { chunk, _ in
        var rng = Xoshiro256PlusPlusX4(seed: seed, stream: UInt64(chunk))
        var buffer = [Double](repeating: 0, count: block)
        let drawn = min(perChunk, count - chunk * perChunk)
        // Summed in four independent accumulators inside the closure, so the check sum costs
        // little next to the draws it guards.
        let sum = buffer.withUnsafeMutableBufferPointer { b -> Double in
          var remaining = drawn
          var partial = SIMD4<Double>()
          while remaining > 0 {
            let n = min(block, remaining)
            rng.fillNormals(UnsafeMutableBufferPointer(rebasing: b[0..<n]))
            var i = 0
            while i + 4 <= n {
              partial += SIMD4(b[i], b[i + 1], b[i + 2], b[i + 3])
              i += 4
            }
            while i < n {
              partial[0] += b[i]
              i += 1
            }
            remaining -= n
          }
          return partial.sum()
        }
        out[chunk] = sum
      }
    }
    let elapsed = clock.now - start
    let cpuSeconds = processCPUSeconds() - cpuStart
    return (elapsed.inSeconds, cpuSeconds, sums.reduce(0, +))
  }
}
