extension Panel {
  /// Series `range` as a panel of its own (values, starts and drivers copied; the whole panel
  /// itself when `range` covers it).
  /// - Complexity: O(observations in `range`).
  public func slice(_ range: Range<Int>) -> Panel {
    if range == 0..<count { return self }
    let lo = offsets[range.lowerBound]
    let hi = offsets[range.upperBound]
    return Panel(
      ids: Array(ids[range]), offsets: offsets[range.lowerBound...range.upperBound].map { $0 - lo },
      values: Array(values[lo..<hi]), starts: Array(starts[range]), frequency: frequency,
      driverNames: driverNames, drivers: drivers.map { $0.count >= hi ? Array($0[lo..<hi]) : [] })
  }

  /// Consecutive series ranges of at most `size` series covering `0..<count` (the last may be
  /// shorter), e.g. to report progress between chunks of a batch.
  /// - Complexity: O(count / size).
  public func chunkRanges(size: Int) -> [Range<Int>] {
    let step = max(1, size)
    return stride(from: 0, to: count, by: step).map { $0..<min(count, $0 + step) }
  }

  /// The series of `range` as arrays, one per series (for per-series APIs).
  /// - Complexity: O(observations in `range`).
  public func seriesArrays(_ range: Range<Int>? = nil) -> [[Double]] {
    (range ?? 0..<count).map { Array(values(of: $0)) }
  }

  /// Every series of at least `dropping + minimumLength` observations without its last
  /// `dropping`, as a panel (ids and starts kept; drivers dropped), with the indices in this
  /// panel of the series kept. A rolling-origin window of the training data.
  /// - Complexity: O(observations).
  public func prefixes(dropping: Int, minimumLength: Int) -> (panel: Panel, indices: [Int]) {
    var head = Panel(frequency: frequency)
    var kept: [Int] = []
    for i in 0..<count where length(of: i) >= dropping + minimumLength {
      let series = values(of: i)
      head.append(id: ids[i], start: starts[i], values: series[series.startIndex..<(series.endIndex - dropping)])
      kept.append(i)
    }
    return (head, kept)
  }
}
