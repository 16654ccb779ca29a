extension Forecast {
  /// This forecast with its intervals made nested around the point forecast: at every step,
  /// lower(wider level) ≤ lower(narrower) ≤ mean ≤ upper(narrower) ≤ upper(wider).
  ///
  /// Bounds are only ever moved outwards, and only where the order is violated, so a forecast
  /// whose intervals are already nested is returned unchanged (bit for bit). Violations come from
  /// intervals built separately per level: empirical quantiles of a skewed path sample that leave
  /// the point forecast (a mean of member forecasts) outside the narrowest interval, and level-wise
  /// rescaling by `IntervalCalibration` with crossing factors. The narrowest interval is widened to
  /// reach the mean, then each wider level to cover the next narrower one.
  /// - Complexity: O(levels · horizon).
  public func withNestedIntervals() -> Forecast {
    var f = self
    let order = f.levels.indices.sorted { f.levels[$0] < f.levels[$1] }
    guard let narrowest = order.first else { return f }
    for t in f.mean.indices where f.lower[narrowest].indices.contains(t) && f.upper[narrowest].indices.contains(t) {
      let m = f.mean[t]
      if f.lower[narrowest][t] > m { f.lower[narrowest][t] = m }
      if f.upper[narrowest][t] < m { f.upper[narrowest][t] = m }
      for (narrow, wide) in zip(order, order.dropFirst())
      where f.lower[wide].indices.contains(t) && f.upper[wide].indices.contains(t) {
        if f.lower[wide][t] > f.lower[narrow][t] { f.lower[wide][t] = f.lower[narrow][t] }
        if f.upper[wide][t] < f.upper[narrow][t] { f.upper[wide][t] = f.upper[narrow][t] }
      }
    }
    return f
  }
}
