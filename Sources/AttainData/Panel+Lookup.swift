extension Panel {
  /// The position (0-based) of `stamp` in series `i`, or nil when the series has no such period.
  /// - Complexity: O(log length) stamp comparisons (binary search).
  public func position(of stamp: PeriodStamp, inSeries i: Int) -> Int? {
    let n = length(of: i)
    guard n > 0, stamp >= starts[i], stamp <= lastStamp(of: i) else { return nil }
    var lo = 0
    var hi = n - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      let s = self.stamp(of: i, at: mid)
      if s == stamp { return mid }
      if s < stamp { lo = mid + 1 } else { hi = mid - 1 }
    }
    return nil
  }

  /// The observations of series `i` strictly before `stamp` (a prefix: the series split at a
  /// date). - Complexity: O(length of the prefix).
  public func values(of i: Int, before stamp: PeriodStamp) -> ArraySlice<Double> {
    let r = range(of: i)
    var count = 0
    while count < r.count && self.stamp(of: i, at: count) < stamp { count += 1 }
    return values[r.lowerBound..<(r.lowerBound + count)]
  }

  /// The value of series `i` in period `stamp`, or nil when the series has no such period.
  /// - Complexity: O(log length).
  public func value(of i: Int, at stamp: PeriodStamp) -> Double? {
    position(of: stamp, inSeries: i).map { values[offsets[i] + $0] }
  }

  /// The series index of every id (the last one for a repeated id). - Complexity: O(count).
  public var indexByID: [String: Int] {
    var index: [String: Int] = [:]
    for (i, id) in ids.enumerated() { index[id] = i }
    return index
  }

  /// Σ of the observations at `positions` (0-based) of series `i`, added in time order.
  /// - Complexity: O(positions.count).
  public func sum(of i: Int, positions: Range<Int>) -> Double {
    let base = offsets[i]
    return values[(base + positions.lowerBound)..<(base + positions.upperBound)].reduce(0, +)
  }
}
