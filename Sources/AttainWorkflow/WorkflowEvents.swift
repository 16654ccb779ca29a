import AttainForecast

/// What a workflow announces while it runs, at the moment it happens (so a command's messages
/// keep their order even when a later step fails): by default nothing.
public struct WorkflowEvents: Sendable {
  /// Called with ρ as soon as the market correlation has been estimated.
  public var correlationEstimated: @Sendable (Double) -> Void
  /// Called with the series that used a fallback model (or none), after the first simulation.
  public var fitWarnings: @Sendable ([BatchWarning]) -> Void

  /// Events with the given handlers (default: ignore).
  public init(
    correlationEstimated: @escaping @Sendable (Double) -> Void = { _ in },
    fitWarnings: @escaping @Sendable ([BatchWarning]) -> Void = { _ in }
  ) {
    self.correlationEstimated = correlationEstimated
    self.fitWarnings = fitWarnings
  }
}
