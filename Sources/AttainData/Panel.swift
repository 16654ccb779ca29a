/// Many time series in contiguous storage: one values buffer plus offsets.
///
/// Series `i` occupies `values[offsets[i] ..< offsets[i + 1]]`, starts at `starts[i]` and
/// steps at `frequency`. Optional driver columns (e.g. `price`, `promo`) are stored the same
/// way, aligned with `values`. Real users have thousands to millions of series, so there is
/// no per-series object: every model and simulation has a batch entry point over a `Panel`.
public struct Panel: Sendable, Equatable {
  /// Series identifiers (`unique_id`), one per series, in input order.
  public var ids: [String]
  /// `ids.count + 1` offsets into `values`; `offsets[0] == 0`, `offsets.last == values.count`.
  public var offsets: [Int]
  /// All observations, series after series, in time order within each series.
  public var values: [Double]
  /// The period stamp of the first observation of each series.
  public var starts: [PeriodStamp]
  /// The spacing of consecutive observations, shared by all series.
  public var frequency: Frequency
  /// Driver column names, in input order.
  public var driverNames: [String]
  /// Driver values: `drivers[k]` is aligned with `values` (same offsets) for `driverNames[k]`.
  public var drivers: [[Double]]

  /// Creates a panel from its parts. The caller guarantees the invariants documented on the
  /// stored properties (offsets monotone, sizes consistent).
  public init(
    ids: [String], offsets: [Int], values: [Double], starts: [PeriodStamp], frequency: Frequency,
    driverNames: [String] = [], drivers: [[Double]] = []
  ) {
    self.ids = ids
    self.offsets = offsets
    self.values = values
    self.starts = starts
    self.frequency = frequency
    self.driverNames = driverNames
    self.drivers = drivers
  }

  /// An empty panel at `frequency`.
  public init(frequency: Frequency) {
    self.init(ids: [], offsets: [0], values: [], starts: [], frequency: frequency)
  }

  /// Number of series.
  public var count: Int { ids.count }

  /// The index range in `values` of series `i`. - Complexity: O(1).
  public func range(of i: Int) -> Range<Int> { offsets[i]..<offsets[i + 1] }

  /// The observations of series `i` as a slice (no copy).
  public func values(of i: Int) -> ArraySlice<Double> { values[range(of: i)] }

  /// Number of observations of series `i`.
  public func length(of i: Int) -> Int { offsets[i + 1] - offsets[i] }

  /// The stamp of the last observation of series `i`.
  public func lastStamp(of i: Int) -> PeriodStamp {
    starts[i].advanced(by: length(of: i) - 1, frequency: frequency)
  }

  /// The stamp of observation `t` (0-based) of series `i`.
  public func stamp(of i: Int, at t: Int) -> PeriodStamp {
    starts[i].advanced(by: t, frequency: frequency)
  }

  /// Appends a series. - Complexity: amortised O(`values.count`).
  public mutating func append(
    id: String, start: PeriodStamp, values newValues: some Collection<Double>,
    drivers newDrivers: [[Double]] = []
  ) {
    ids.append(id)
    starts.append(start)
    values.append(contentsOf: newValues)
    offsets.append(values.count)
    if drivers.count < newDrivers.count { drivers += Array(repeating: [], count: newDrivers.count - drivers.count) }
    for k in newDrivers.indices { drivers[k].append(contentsOf: newDrivers[k]) }
  }

  /// Index of the series named `id`, or nil. - Complexity: O(n).
  public func index(of id: String) -> Int? { ids.firstIndex(of: id) }
}
