import AttainRandom

/// |a − b| ≤ rel · max(|a|, |b|) + abs.
func close(_ a: Double, _ b: Double, rel: Double = 1e-12, abs absTol: Double = 1e-12) -> Bool {
  abs(a - b) <= rel * max(abs(a), abs(b)) + absTol
}

/// Seeded generator for property tests (xoshiro256++ from AttainRandom).
func seededGenerator(_ seed: UInt64) -> Xoshiro256PlusPlus { Xoshiro256PlusPlus(seed: seed) }
