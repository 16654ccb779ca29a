/// The Syntetos–Boylan classification of a demand series by the average inter-demand interval
/// (ADI) and the squared coefficient of variation of the non-zero sizes (CV²).
///
/// ADI = mean of the intervals between non-zero periods, the first counted from the start
/// (periods per demand, ≥ 1; as statsforecast's ADIDA computes it); CV² = (population standard
/// deviation / mean)² of the non-zero values. Cut-offs ADI = 1.32 and CV² = 0.49 are where SBA
/// starts to beat Croston and SES in Syntetos, Boylan & Croston (2005), *On the categorization
/// of demand patterns*, JORS 56(5):
/// `smooth` (ADI < 1.32, CV² < 0.49), `erratic` (ADI < 1.32, CV² ≥ 0.49), `intermittent`
/// (ADI ≥ 1.32, CV² < 0.49), `lumpy` (both ≥). `auto` can route intermittent and lumpy series
/// (`usesIntermittentModels`) to the intermittent-demand models.
public struct DemandClassification: Sendable, Equatable {
  /// The demand pattern.
  public enum Pattern: String, Sendable, Equatable {
    /// Frequent demand of stable size.
    case smooth
    /// Frequent demand of very variable size.
    case erratic
    /// Infrequent demand of stable size.
    case intermittent
    /// Infrequent demand of very variable size.
    case lumpy
    /// No non-zero value at all.
    case noDemand = "no-demand"
  }

  /// The ADI cut-off, periods per demand.
  public static let intervalCutoff = 1.32
  /// The CV² cut-off (dimensionless).
  public static let variationCutoff = 0.49

  /// Average inter-demand interval, periods (∞ with no demand).
  public var averageInterval: Double
  /// Squared coefficient of variation of the non-zero values (0 with fewer than two).
  public var squaredVariation: Double
  /// The pattern these two values give.
  public var pattern: Pattern

  /// Classifies `series` (values in time order, units of the series). - Complexity: O(n).
  public init(series: [Double]) {
    let gaps = IntermittentSmoothing.intervals(series)
    let sizes = series.filter { $0 != 0 }
    guard !sizes.isEmpty else {
      self.averageInterval = .infinity
      self.squaredVariation = 0
      self.pattern = .noDemand
      return
    }
    let adi = gaps.reduce(0, +) / Double(gaps.count)
    let mean = sizes.reduce(0, +) / Double(sizes.count)
    var variance = 0.0
    for s in sizes { variance += (s - mean) * (s - mean) }
    variance /= Double(sizes.count)
    let cv2 = mean != 0 ? variance / (mean * mean) : 0
    self.averageInterval = adi
    self.squaredVariation = cv2
    switch (adi >= Self.intervalCutoff, cv2 >= Self.variationCutoff) {
    case (false, false): self.pattern = .smooth
    case (false, true): self.pattern = .erratic
    case (true, false): self.pattern = .intermittent
    case (true, true): self.pattern = .lumpy
    }
  }

  /// Whether the series is intermittent or lumpy (ADI ≥ 1.32), where Croston-type models are
  /// preferred over smoothing methods for continuous demand.
  public var usesIntermittentModels: Bool { pattern == .intermittent || pattern == .lumpy }
}
