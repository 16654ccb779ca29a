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
}
