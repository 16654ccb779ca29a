extension CalendarDate {
  /// Parses an ISO date `YYYY-MM-DD` (four-digit year; nil when malformed or not a calendar date,
  /// e.g. `2023-02-29`). - Complexity: O(text length).
  public init?(iso text: some StringProtocol) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
      let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }
}
