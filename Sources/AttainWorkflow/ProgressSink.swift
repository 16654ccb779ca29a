/// Where a workflow reports how far a long stage has come (the CLI's progress line, a web page's
/// bar, a Spark driver's log).
///
/// A stage calls `advance(by:)` once per chunk of finished units (series), never per path, and
/// `finish()` once at its end. Implementations must be thread-safe and cheap between redraws.
public protocol ProgressSink: Sendable {
  /// Adds `units` finished units to the count.
  func advance(by units: Int)
  /// Marks the stage as finished (later calls do nothing).
  func finish()
}

/// A sink that ignores every report (the default for library callers and tests).
public struct NoProgress: ProgressSink {
  /// A sink that ignores every report.
  public init() {}
  /// Does nothing.
  public func advance(by units: Int) {}
  /// Does nothing.
  public func finish() {}
}
