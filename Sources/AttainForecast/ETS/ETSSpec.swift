/// The error component of an ETS model: how the innovation enters the observation.
///
/// Additive: `y_t = μ_t + ε_t`; multiplicative: `y_t = μ_t (1 + ε_t)` (needs positive data).
/// Reference: Hyndman, Koehler, Ord & Snyder (2008), *Forecasting with Exponential Smoothing*, ch. 2.
public enum ETSError: String, Sendable, Hashable, CaseIterable {
  /// `A`: additive errors.
  case additive = "A"
  /// `M`: multiplicative (relative) errors.
  case multiplicative = "M"
}

/// The trend component of an ETS model (the multiplicative trends are not in this family).
public enum ETSTrend: String, Sendable, Hashable, CaseIterable {
  /// `N`: no trend.
  case none = "N"
  /// `A`: additive (linear) trend.
  case additive = "A"
  /// `Ad`: additive trend damped by `phi` (0.8…0.98 when estimated).
  case damped = "Ad"
}

/// The seasonal component of an ETS model.
public enum ETSSeason: String, Sendable, Hashable, CaseIterable {
  /// `N`: no seasonality.
  case none = "N"
  /// `A`: additive seasonal indices (sum to 0).
  case additive = "A"
  /// `M`: multiplicative seasonal indices (average 1; needs positive data).
  case multiplicative = "M"
}

/// A fully specified ETS model form, e.g. ETS(M,Ad,M).
public struct ETSForm: Sendable, Hashable, CustomStringConvertible {
  /// The error component.
  public var error: ETSError
  /// The trend component.
  public var trend: ETSTrend
  /// The seasonal component.
  public var season: ETSSeason

  /// Creates a model form.
  public init(error: ETSError, trend: ETSTrend, season: ETSSeason) {
    self.error = error
    self.trend = trend
    self.season = season
  }

  /// Compact code such as `"MAdM"`.
  public var code: String { error.rawValue + trend.rawValue + season.rawValue }

  /// R's notation, e.g. `"ETS(M,Ad,M)"`.
  public var description: String { "ETS(\(error.rawValue),\(trend.rawValue),\(season.rawValue))" }

  /// Whether the model has a trend state.
  var hasTrend: Bool { trend != .none }
  /// Whether the model has seasonal states.
  var hasSeason: Bool { season != .none }

  /// Additive error with multiplicative season is numerically unstable and excluded, as in R's
  /// `ets(restrict = TRUE)`.
  var isRestricted: Bool { error == .additive && season == .multiplicative }
}

/// An ETS specification: the components (each fixed, or `nil` = select by AICc) and the
/// smoothing parameters (each fixed, or `nil` = estimate by maximum likelihood).
///
/// Parses R-style codes: `"MAM"`, `"AAdN"`, `"ZZZ"` (`Z` = select; for the trend, `Z` tries
/// `N`, `A` and `Ad`). `"AAN"` is the undamped additive trend only; write `"AAdN"` for damped.
/// Reference: Hyndman et al. (2008), *Forecasting with Exponential Smoothing*, table 2.1;
/// R forecast `ets(model = ...)`.
public struct ETSSpec: Sendable, Hashable, CustomStringConvertible {
  /// Error type, `nil` = select.
  public var error: ETSError?
  /// Trend type, `nil` = select among none, additive, damped.
  public var trend: ETSTrend?
  /// Season type, `nil` = select (seasonal only when the season length allows).
  public var season: ETSSeason?
  /// Level smoothing α ∈ (0, 1), `nil` = estimate.
  public var alpha: Double?
  /// Trend smoothing β ∈ (0, α), `nil` = estimate.
  public var beta: Double?
  /// Seasonal smoothing γ ∈ (0, 1 − α), `nil` = estimate.
  public var gamma: Double?
  /// Damping φ ∈ [0.8, 0.98] when estimated, `nil` = estimate.
  public var phi: Double?

  /// Creates a specification; every `nil` is selected or estimated.
  public init(
    error: ETSError? = nil, trend: ETSTrend? = nil, season: ETSSeason? = nil,
    alpha: Double? = nil, beta: Double? = nil, gamma: Double? = nil, phi: Double? = nil
  ) {
    self.error = error
    self.trend = trend
    self.season = season
    self.alpha = alpha
    self.beta = beta
    self.gamma = gamma
    self.phi = phi
  }

  /// Creates a specification for one fixed form.
  public init(_ form: ETSForm) {
    self.init(error: form.error, trend: form.trend, season: form.season)
  }

  /// Parses `"MAM"`, `"AAdN"`, `"ZZZ"`, `"MZZ"` …; throws `ForecastError.invalidParameter`
  /// for anything else.
  public init(parsing code: String) throws {
    var chars = Array(code.uppercased())
    func fail() -> ForecastError {
      .invalidParameter(
        name: "ets model", value: .nan, reason: "expected a code like MAM, AAdN or ZZZ, got \(code)"
      )
    }
    // "AAdN": the lower-case d was upper-cased above; rebuild from the original text.
    let original = Array(code)
    guard original.count == 3 || original.count == 4 else { throw fail() }
    var damped = false
    if original.count == 4 {
      guard original[2] == "d" || original[2] == "D" else { throw fail() }
      damped = true
      chars.remove(at: 2)
    }
    self.init()
    switch chars[0] {
    case "A": error = .additive
    case "M": error = .multiplicative
    case "Z": error = nil
    default: throw fail()
    }
    switch chars[1] {
    case "N" where !damped: trend = ETSTrend.none
    case "A": trend = damped ? .damped : .additive
    case "Z" where !damped: trend = nil
    default: throw fail()
    }
    switch chars[2] {
    case "N": season = ETSSeason.none
    case "A": season = .additive
    case "M": season = .multiplicative
    case "Z": season = nil
    default: throw fail()
    }
  }

  /// The code, with `Z` for selected components (e.g. `"ZZZ"`, `"MAdM"`).
  public var description: String {
    (error?.rawValue ?? "Z") + (trend?.rawValue ?? "Z") + (season?.rawValue ?? "Z")
  }
}
