/// The components of an ETS form as a type, so the likelihood loops are compiled once per
/// combination with the component tests folded away (a value flag is not reliably specialised;
/// a generic type parameter is).
protocol ETSComponentShape {
  /// Additive (true) or multiplicative errors.
  static var additiveError: Bool { get }
  /// Whether there is a trend state.
  static var hasTrend: Bool { get }
  /// The seasonal component.
  static var season: ETSSeason { get }
}

/// Marker for the error component of an `ETSShape`.
protocol ETSErrorMarker { static var isAdditive: Bool { get } }
/// Marker for the trend component of an `ETSShape`.
protocol ETSTrendMarker { static var isPresent: Bool { get } }
/// Marker for the seasonal component of an `ETSShape`.
protocol ETSSeasonMarker { static var season: ETSSeason { get } }

/// Additive errors.
enum AdditiveErrors: ETSErrorMarker { static var isAdditive: Bool { true } }
/// Multiplicative errors.
enum MultiplicativeErrors: ETSErrorMarker { static var isAdditive: Bool { false } }
/// A trend state (additive or damped).
enum WithTrend: ETSTrendMarker { static var isPresent: Bool { true } }
/// No trend state.
enum WithoutTrend: ETSTrendMarker { static var isPresent: Bool { false } }
/// No season.
enum NoSeason: ETSSeasonMarker { static var season: ETSSeason { .none } }
/// Additive seasonal states.
enum AdditiveSeason: ETSSeasonMarker { static var season: ETSSeason { .additive } }
/// Multiplicative seasonal states.
enum MultiplicativeSeason: ETSSeasonMarker { static var season: ETSSeason { .multiplicative } }

/// One combination of error, trend and season markers.
enum ETSShape<E: ETSErrorMarker, T: ETSTrendMarker, S: ETSSeasonMarker>: ETSComponentShape {
  static var additiveError: Bool { E.isAdditive }
  static var hasTrend: Bool { T.isPresent }
  static var season: ETSSeason { S.season }
}
