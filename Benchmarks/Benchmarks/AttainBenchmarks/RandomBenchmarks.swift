import Attain
import Benchmark

func randomBenchmarks() {
  Benchmark("random.normal.1M") { benchmark in
    var rng = Xoshiro256PlusPlus(seed: 1)
    var sum = 0.0
    for _ in benchmark.scaledIterations {
      for _ in 0..<1_000_000 { sum += rng.nextNormal() }
    }
    blackHole(sum)
  }

  Benchmark("random.fillNormals.1M") { benchmark in
    var rng = Xoshiro256PlusPlus(seed: 1)
    var buffer = [Double](repeating: 0, count: 4096)
    var sum = 0.0
    for _ in benchmark.scaledIterations {
      for _ in 0..<(1_000_000 / 4096) {
        rng.fillNormals(&buffer)
        sum += buffer[0]
      }
    }
    blackHole(sum)
  }

  Benchmark("random.fillUniforms.1M") { benchmark in
    var rng = Xoshiro256PlusPlus(seed: 1)
    var buffer = [Double](repeating: 0, count: 4096)
    var sum = 0.0
    for _ in benchmark.scaledIterations {
      for _ in 0..<(1_000_000 / 4096) {
        rng.fillUniforms(&buffer)
        sum += buffer[0]
      }
    }
    blackHole(sum)
  }
}
