import AttainWorkflow

extension IntervalBand {
  /// "95% interval"-style legend label.
  var label: String {
    NumberLabels.trimZeros(NumberLabels.grouped(level, fractionDigits: 1)) + "% interval"
  }
}
