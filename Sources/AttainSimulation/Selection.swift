/// Order statistics by selection (Hoare's FIND, 1961, with a median-of-three pivot), used for
/// quantiles of simulated totals in expected O(n) instead of an O(n log n) sort.
enum Selection {
  /// Permutes `a[lo...hi]` so that `a[k]` holds its (k − lo)-th smallest element, everything
  /// before it is ≤ and everything after it is ≥. The values must not be NaN.
  /// - Complexity: expected O(hi − lo).
  static func select(_ a: UnsafeMutablePointer<Double>, _ k: Int, lo lowerBound: Int, hi upperBound: Int) {
    var lo = lowerBound
    var hi = upperBound
    while hi > lo {
      if hi - lo < 16 {
        // Insertion sort of the short remainder.
        for i in (lo + 1)...hi {
          let v = a[i]
          var j = i - 1
          while j >= lo && a[j] > v {
            a[j + 1] = a[j]
            j -= 1
          }
          a[j + 1] = v
        }
        return
      }
      let mid = lo + (hi - lo) / 2
      if a[mid] < a[lo] { a.swapAt(mid, lo) }
      if a[hi] < a[lo] { a.swapAt(hi, lo) }
      if a[hi] < a[mid] { a.swapAt(hi, mid) }
      let pivot = a[mid]
      var i = lo
      var j = hi
      while i <= j {
        while a[i] < pivot { i += 1 }
        while pivot < a[j] { j -= 1 }
        if i <= j {
          a.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      // Now a[lo...j] ≤ pivot ≤ a[i...hi] and a[j+1..<i] == pivot.
      if k <= j {
        hi = j
      } else if k >= i {
        lo = i
      } else {
        return
      }
    }
  }

  /// Type-7 quantiles (linear interpolation between order statistics x₍⌊h⌋₎ and x₍⌊h⌋₊₁₎ at
  /// h = (n − 1)q; Hyndman & Fan 1996) of `a` for each level in `levels`, in the order given.
  /// Permutes `a`.
  /// - Complexity: expected O(n · distinct ranks), no allocation beyond the result.
  static func quantiles(_ buffer: UnsafeMutableBufferPointer<Double>, levels: [Double]) -> [Double] {
    let n = buffer.count
    guard n > 0, let a = buffer.baseAddress else { return levels.map { _ in .nan } }
    // The order statistics needed, ascending and distinct.
    var ranks: [Int] = []
    ranks.reserveCapacity(2 * levels.count)
    for q in levels {
      let h = Double(n - 1) * min(max(q, 0), 1)
      let lower = Int(h.rounded(.down))
      ranks.append(lower)
      if lower + 1 < n && h > Double(lower) { ranks.append(lower + 1) }
    }
    ranks.sort()
    var start = 0
    var previous = -1
    for k in ranks where k != previous {
      select(a, k, lo: start, hi: n - 1)
      start = k + 1
      previous = k
    }
    return levels.map { q in
      let h = Double(n - 1) * min(max(q, 0), 1)
      let lower = Int(h.rounded(.down))
      let fraction = h - Double(lower)
      if fraction == 0 || lower + 1 >= n { return a[lower] }
      return a[lower] + fraction * (a[lower + 1] - a[lower])
    }
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
