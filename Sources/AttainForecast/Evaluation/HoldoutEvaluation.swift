import AttainData

/// Accuracy of forecasts from a history against the actuals that follow it (a train/test split,
/// as in the M-competitions): each series is fitted on its whole history and forecast for as
/// many periods as it has actuals.
public enum HoldoutEvaluation {
  /// The per-series rows and the fallback warnings of one evaluation.
  public struct Result: Sendable {
    /// One row per series of `actuals`, in its order.
    public var rows: [AccuracyRow]
    /// Series that used a fallback model.
    public var warnings: [BatchWarning]
  }

  /// Fits `batch` to `history` and scores each series of `actuals` (which must name known ids
  /// and start right after its history ends).
  ///
  /// `lineOfSeries(j)` gives the line of the first row of series `j` of `actuals` (for messages).
  /// - Throws: `DataError` naming `actualsFile` for an unknown id or a series that does not
  ///   continue its history.
  public static func run(
    batch: BatchForecaster, history: Panel, actuals: Panel, actualsFile: String, levels: [Double],
    lineOfSeries: (Int) -> Int
  ) throws -> Result {
    var index: [String: Int] = [:]
    for (i, id) in history.ids.enumerated() { index[id] = i }
    var pairs: [(history: Int, actual: Int)] = []
    for j in 0..<actuals.count {
      let line = lineOfSeries(j)
      guard let i = index[actuals.ids[j]] else {
        throw DataError(file: actualsFile, line: line, column: 1, reason: .unknownID(actuals.ids[j]))
      }
      let expected = history.lastStamp(of: i).advanced(by: 1, frequency: history.frequency)
      guard actuals.starts[j] == expected else {
        throw DataError(
          file: actualsFile, line: line, column: 2,
          reason: .gap(id: actuals.ids[j], expected: expected.description, found: actuals.starts[j].description))
      }
      pairs.append((i, j))
    }
    // Fit only the series that are scored.
    var subset = Panel(frequency: history.frequency)
    for (i, _) in pairs { subset.append(id: history.ids[i], start: history.starts[i], values: history.values(of: i)) }
    let fit = batch.fit(subset)
    var rows: [AccuracyRow] = []
    rows.reserveCapacity(pairs.count)
    for (k, pair) in pairs.enumerated() {
      let actual = Array(actuals.values(of: pair.actual))
      let training = Array(history.values(of: pair.history))
      let forecast: Forecast
      let name: String
      if let model = fit.models[k] {
        forecast = model.forecast(horizon: actual.count, levels: levels)
        name = model.name
      } else {
        let zeros = [Double](repeating: 0, count: actual.count)
        forecast = Forecast(mean: zeros, levels: levels, lower: levels.map { _ in zeros }, upper: levels.map { _ in zeros })
        name = "zero"
      }
      rows.append(
        AccuracyRow(
          id: actuals.ids[pair.actual], model: name, windows: 1,
          accuracy: AccuracySummary(
            actual: actual, forecast: forecast, training: training, seasonLength: batch.seasonLength)))
    }
    return Result(rows: rows, warnings: fit.warnings)
  }
}
