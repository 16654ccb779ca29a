import AttainData

/// The accuracy of one evaluated series (or of all of them) as a table row.
public struct AccuracyRow: Sendable, Equatable {
  /// The series `unique_id`.
  public var id: String
  /// The model used (the requested one, or its fallback).
  public var model: String
  /// Number of forecast windows scored.
  public var windows: Int
  /// The metrics.
  public var accuracy: AccuracySummary

  /// Creates a row.
  public init(id: String, model: String, windows: Int, accuracy: AccuracySummary) {
    self.id = id
    self.model = model
    self.windows = windows
    self.accuracy = accuracy
  }
}

extension AccuracyRow {
  /// The metrics table: `unique_id,model,windows,mae,rmse,smape,mase,wape,bias,coverage-<L>…,pinball-<L>…`.
  /// Undefined metrics (e.g. MASE of a constant training series) are written as empty fields,
  /// never as NaN. sMAPE, WAPE and coverage are in percent.
  public static func table(_ rows: [AccuracyRow], levels: [Double]) -> ResultTable {
    var header = ["unique_id", "model", "windows", "mae", "rmse", "smape", "mase", "wape", "bias"]
    header += levels.map { "coverage-\(levelLabel($0))" }
    header += levels.map { "pinball-\(levelLabel($0))" }
    var table = ResultTable(header: header)
    func cell(_ x: Double) -> ResultTable.Cell { x.isFinite ? .number(x) : .text("") }
    for row in rows {
      let a = row.accuracy
      var cells: [ResultTable.Cell] = [.text(row.id), .text(row.model), .integer(row.windows)]
      cells += [a.mae, a.rmse, a.smape, a.mase, a.wape, a.bias].map(cell)
      cells += levels.indices.map { $0 < a.coverage.count ? cell(a.coverage[$0]) : .text("") }
      cells += levels.indices.map { $0 < a.pinball.count ? cell(a.pinball[$0]) : .text("") }
      table.append(cells)
    }
    return table
  }
}
