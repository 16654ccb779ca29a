import AttainData

extension Panel {
  /// Index-stamped series `s0`, `s1`, … in one panel (test input for the panel-only batch APIs).
  static func indexed(_ series: [[Double]]) -> Panel {
    var panel = Panel(frequency: .index)
    for (i, values) in series.enumerated() { panel.append(id: "s\(i)", start: .index(1), values: values) }
    return panel
  }
}
