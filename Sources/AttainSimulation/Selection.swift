/// Order statistics by selection (Hoare's FIND, 1961, with a median-of-three pivot), used for
/// quantiles of simulated totals in expected O(n) instead of an O(n log n) sort.
enum Selection {
  /// Permutes `a[lo...hi]` so that `a[k]` holds its (k − lo)-th smallest element, everything
  /// before it is ≤ and everything after it is ≥. The values must not be NaN.
  /// Each step is the branch-free three-way partition of `multiselect` (random data would
  /// mispredict about every other branch of Hoare's scan loops).
  /// - Complexity: expected O(hi − lo).
  static func select(
    _ a: UnsafeMutablePointer<Double>, _ k: Int, lo lowerBound: Int, hi upperBound: Int
  ) {
    var lo = lowerBound
    var hi = upperBound
    while hi > lo {
      if hi - lo < 16 {
        insertionSort(a, lo: lo, hi: hi)
        return
      }
      let (less, equal) = partition(a, lo: lo, hi: hi, pivot: medianOfThree(a, lo: lo, hi: hi))
      if k < less {
        hi = less - 1
      } else if k < equal {
        return
      } else {
        lo = equal
      }
    }
  }

  /// Permutes a[lo...hi] into the values below `pivot` (a[lo..<less]), equal to it
  /// (a[less..<equal]) and above it (a[equal...hi]), branch-free (Lomuto's scheme with a
  /// conditional increment, twice). Finite values only.
  @inline(__always)
  static func partition(
    _ a: UnsafeMutablePointer<Double>, lo: Int, hi: Int, pivot: Double
  ) -> (less: Int, equal: Int) {
    var less = lo
    for i in lo...hi {
      let x = a[i]
      a[i] = a[less]
      a[less] = x
      // x < pivot, from the sign bit (finite values; + 0 turns −0 into +0), so the
      // compiler cannot turn it into an unpredictable branch.
      less &+= Int(truncatingIfNeeded: ((x - pivot) + 0.0).bitPattern >> 63)
    }
    var equal = less
    for i in less...hi {
      let x = a[i]
      a[i] = a[equal]
      a[equal] = x
      equal &+= 1 &- Int(truncatingIfNeeded: ((pivot - x) + 0.0).bitPattern >> 63)
    }
    return (less, equal)
  }

  /// Orders a[lo], a[mid], a[hi] (mid the middle index) and returns the median, a[mid]: the
  /// pivot of both selections.
  @inline(__always)
  static func medianOfThree(_ a: UnsafeMutablePointer<Double>, lo: Int, hi: Int) -> Double {
    let mid = lo + (hi - lo) / 2
    if a[mid] < a[lo] { a.swapAt(mid, lo) }
    if a[hi] < a[lo] { a.swapAt(hi, lo) }
    if a[hi] < a[mid] { a.swapAt(hi, mid) }
    return a[mid]
  }

  /// Sorts the short range a[lo...hi] (hi > lo) by insertion.
  @inline(__always)
  static func insertionSort(_ a: UnsafeMutablePointer<Double>, lo: Int, hi: Int) {
    for i in (lo + 1)...hi {
      let v = a[i]
      var j = i - 1
      while j >= lo && a[j] > v {
        a[j + 1] = a[j]
        j -= 1
      }
      a[j + 1] = v
    }
  }

  /// Type-7 quantiles (linear interpolation between order statistics x₍⌊h⌋₎ and x₍⌊h⌋₊₁₎ at
  /// h = (n − 1)q; Hyndman & Fan 1996) of `a` for each level in `levels`, in the order given.
  /// Does not modify `buffer`. Values must not be NaN.
  ///
  /// Each level is found by sampling selection (after Floyd & Rivest 1975): the order
  /// statistics of a strided sample of 512 values bracket the wanted rank with a ±3σ margin,
  /// one branch-free pass counts the values below the bracket and copies those inside it, and
  /// the rank is selected within the bracket (≈ 10 % of the values). If the bracket misses (rare,
  /// e.g. heavy ties), the level falls back to selection over a full copy.
  /// - Complexity: expected O(n) per level; scratch of n + 512 doubles.
  static func quantiles(_ buffer: UnsafeMutableBufferPointer<Double>, levels: [Double]) -> [Double]
  {
    var scratch = [Double](repeating: 0, count: buffer.count + 512)
    return scratch.withUnsafeMutableBufferPointer { quantiles(buffer, levels: levels, scratch: $0) }
  }

  /// `quantiles(_:levels:)` with caller-provided scratch of at least n + 512 doubles.
  static func quantiles(
    _ buffer: UnsafeMutableBufferPointer<Double>, levels: [Double],
    scratch: UnsafeMutableBufferPointer<Double>
  ) -> [Double] {
    let n = buffer.count
    guard n > 0, let a = buffer.baseAddress, scratch.count >= n + 512,
      let work = scratch.baseAddress
    else {
      return levels.map { _ in .nan }
    }
    if n <= 4 * 512 {
      return smallQuantiles(a, count: n, levels: levels, work: work)
    }
    return levels.map { q in
      let h = Double(n - 1) * min(max(q, 0), 1)
      let lower = Int(h.rounded(.down))
      let fraction = h - Double(lower)
      let needsUpper = fraction > 0 && lower + 1 < n
      let (x0, x1) = orderStatistics(a, count: n, rank: lower, andNext: needsUpper, work: work)
      return needsUpper ? x0 + fraction * (x1 - x0) : x0
    }
  }

  /// Type-7 quantiles of a[0..<n] for small n: one copy, then every needed order statistic
  /// (⌊h⌋ and ⌊h⌋ + 1 of each level) placed by one `multiselect`.
  static func smallQuantiles(
    _ a: UnsafeMutablePointer<Double>, count n: Int, levels: [Double],
    work: UnsafeMutablePointer<Double>
  ) -> [Double] {
    for i in 0..<n { work[i] = a[i] }
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * levels.count) { rankBuffer in
      guard let ranks = rankBuffer.baseAddress else { return levels.map { _ in .nan } }
      // The ranks, sorted and distinct (insertion into a short list).
      var m = 0
      for q in levels {
        let h = Double(n - 1) * min(max(q, 0), 1)
        let lower = Int(h.rounded(.down))
        for step in 0..<2 {
          let rank = min(lower + step, n - 1)
          var j = m
          while j > 0 && ranks[j - 1] > rank { j -= 1 }
          if j > 0 && ranks[j - 1] == rank { continue }
          var t = m
          while t > j {
            ranks[t] = ranks[t - 1]
            t -= 1
          }
          ranks[j] = rank
          m += 1
        }
      }
      multiselect(work, lo: 0, hi: n - 1, ranks: ranks, first: 0, last: m - 1)
      return levels.map { q in
        let h = Double(n - 1) * min(max(q, 0), 1)
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        guard fraction > 0 && lower + 1 < n else { return work[lower] }
        return work[lower] + fraction * (work[lower + 1] - work[lower])
      }
    }
  }

  /// Permutes a[lo...hi] so that a[k] holds its order statistic (as in `select`) for every rank
  /// k of ranks[first...last] (ascending, within lo...hi), by multiple selection: partition once,
  /// then only the parts still holding wanted ranks (Chambers 1971, "Partial sorting"). The
  /// partitions are branch-free (Lomuto's scheme with a conditional increment), first the values
  /// below the pivot, then those equal to it, so ties cannot stall the recursion.
  /// - Complexity: expected O(n log m) for m ranks.
  static func multiselect(
    _ a: UnsafeMutablePointer<Double>, lo lowerBound: Int, hi upperBound: Int,
    ranks: UnsafePointer<Int>, first firstRank: Int, last lastRank: Int
  ) {
    var lo = lowerBound
    let hi = upperBound
    var first = firstRank
    let last = lastRank
    while first <= last && hi > lo {
      if hi - lo < 16 {
        insertionSort(a, lo: lo, hi: hi)
        return
      }
      // a[lo..<less] < pivot, a[less..<equal] == pivot, a[equal...hi] > pivot.
      let (less, equal) = partition(a, lo: lo, hi: hi, pivot: medianOfThree(a, lo: lo, hi: hi))
      // Ranks below `less` go left; those in the pivot block are placed; the rest go right.
      var split = first
      while split <= last && ranks[split] < less { split += 1 }
      if split > first {
        multiselect(a, lo: lo, hi: less - 1, ranks: ranks, first: first, last: split - 1)
      }
      while split <= last && ranks[split] < equal { split += 1 }
      first = split
      lo = equal
    }
  }

  /// The `rank`-th smallest value of a[0..<n] and (if `andNext`) the next one, without
  /// modifying `a`; `work` has room for n + 512 doubles.
  static func orderStatistics(
    _ a: UnsafeMutablePointer<Double>, count n: Int, rank k: Int, andNext: Bool,
    work: UnsafeMutablePointer<Double>
  ) -> (Double, Double) {
    let sampleSize = 512
    if n > 4 * sampleSize {
      // Bracket the rank with two order statistics of a strided sample.
      let sample = work + n
      for i in 0..<sampleSize { sample[i] = a[i * n / sampleSize] }
      let position = Double(k) / Double(n - 1) * Double(sampleSize - 1)
      let p = position / Double(sampleSize - 1)
      let margin = 3 * (Double(sampleSize) * p * (1 - p)).squareRoot() + 2
      let lowRank = Int((position - margin).rounded(.down))
      let highRank = Int((position + margin).rounded(.up))
      var low = -Double.infinity
      var high = Double.infinity
      if lowRank >= 0 {
        select(sample, lowRank, lo: 0, hi: sampleSize - 1)
        low = sample[lowRank]
      }
      if highRank < sampleSize {
        select(sample, highRank, lo: max(lowRank, 0), hi: sampleSize - 1)
        high = sample[highRank]
      }
      // One branch-free pass: count below the bracket, copy the values inside it.
      var below = 0
      var inside = 0
      // Sign bits instead of comparisons, so the compiler emits no branches: for finite x,
      // (x − low) + 0 is negative exactly when x < low (the + 0 turns −0 into +0).
      for i in 0..<n {
        let x = a[i]
        work[inside] = x
        let isBelow = Int(truncatingIfNeeded: ((x - low) + 0.0).bitPattern >> 63)
        let isAbove = Int(truncatingIfNeeded: ((high - x) + 0.0).bitPattern >> 63)
        below &+= isBelow
        inside &+= 1 &- (isBelow | isAbove)
      }
      let last = k + (andNext ? 1 : 0)
      if below <= k && last < below + inside {
        let r = k - below
        select(work, r, lo: 0, hi: inside - 1)
        let x0 = work[r]
        if !andNext { return (x0, x0) }
        var x1 = Double.infinity
        for i in (r + 1)..<inside { x1 = min(x1, work[i]) }
        return (x0, x1)
      }
    }
    for i in 0..<n { work[i] = a[i] }
    select(work, k, lo: 0, hi: n - 1)
    let x0 = work[k]
    if !andNext || k + 1 >= n { return (x0, x0) }
    var x1 = Double.infinity
    for i in (k + 1)..<n { x1 = min(x1, work[i]) }
    return (x0, x1)
  }
}

extension UnsafeMutablePointer where Pointee == Double {
  @inline(__always)
  fileprivate func swapAt(_ i: Int, _ j: Int) {
    let t = self[i]
    self[i] = self[j]
    self[j] = t
  }
}
