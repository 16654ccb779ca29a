import AttainData

extension BatchForecast {
  /// The forecasts as the statsforecast-style table of the public contract:
  /// `unique_id,ds,<name>,<name>-lo-<L>…,<name>-hi-<L>…`, lower bounds by descending level
  /// then upper bounds by ascending level (statsforecast's order), one row per series and
  /// future period. `ds` continues each series of `panel` (next index or next period start).
  ///
  /// The column names depend only on `name` and the levels, never on the data (series that
  /// fell back to a simpler model keep the requested model's columns).
  public func table(continuing panel: Panel, name: String) -> ResultTable {
    let k = levels.count
    var header = ["unique_id", "ds", name]
    for j in stride(from: k - 1, through: 0, by: -1) { header.append("\(name)-lo-\(levelLabel(levels[j]))") }
    for j in 0..<k { header.append("\(name)-hi-\(levelLabel(levels[j]))") }
    var table = ResultTable(header: header)
    table.rows.reserveCapacity(ids.count * horizon)
    for i in ids.indices {
      let last = panel.lastStamp(of: i)
      for t in 0..<horizon {
        let at = i * horizon + t
        var row: [ResultTable.Cell] = [
          .text(ids[i]), .text(last.advanced(by: t + 1, frequency: panel.frequency).description), .number(mean[at]),
        ]
        for j in stride(from: k - 1, through: 0, by: -1) { row.append(.number(lower[j][at])) }
        for j in 0..<k { row.append(.number(upper[j][at])) }
        table.append(row)
      }
    }
    return table
  }
}

/// `80` for 80.0, `99.5` for 99.5: the level as written in column names.
public func levelLabel(_ level: Double) -> String {
  level == level.rounded() && abs(level) < 1e15 ? String(Int(level)) : level.description
}
