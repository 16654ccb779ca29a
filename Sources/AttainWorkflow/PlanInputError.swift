/// A problem with the plan inputs: the content of the files (missing actuals or history, a
/// target outside the plan period) or, when `isUsage`, the options that define the plan
/// (a period that ends before it starts, undated series). The CLI reports content problems with
/// exit status 1 and usage problems like a bad option (status 64).
public struct PlanInputError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The message, one line without the `error: ` prefix.
  public var description: String
  /// Whether the options, not the files, are at fault.
  public var isUsage: Bool

  /// An error with `description`.
  public init(_ description: String, isUsage: Bool = false) {
    self.description = description
    self.isUsage = isUsage
  }
}
