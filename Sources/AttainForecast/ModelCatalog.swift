/// The models selectable by name (the `--model` option), each mapped to its method.
///
/// Names: `auto` (the default: `AutoForecast`), `ets` (AutoETS, selection by AICc), `ets:XYZ`
/// (one ETS model, e.g. `ets:MAM`, `ets:AAdN`), `theta` (standard Theta, as in M3),
/// `otm`/`dotm`/`autotheta` (optimised, dynamic optimised and automatically chosen Theta),
/// `naive`, `snaive`, `naive2`, `drift`, `mean`, `window:K` (mean of the last K), `trend`
/// (linear trend), `trend-seasonal` (linear trend with seasonal dummies), `arima` (AutoARIMA,
/// stepwise Hyndman–Khandakar search by AICc) and `arima:p,d,q` / `arima:p,d,q:P,D,Q` (one
/// seasonal ARIMA model). Not part of `auto`.
public enum ModelCatalog {
  /// The names accepted by `method(named:)`, for help texts.
  public static let names = [
    "auto", "ets", "ets:XYZ", "theta", "otm", "dotm", "autotheta", "naive", "snaive", "naive2", "drift", "mean",
    "window:K", "trend", "trend-seasonal", "arima", "arima:p,d,q[:P,D,Q]",
  ]

  /// The method called `name` (case-insensitive), or nil when the name is unknown.
  public static func method(named name: String) -> (any ForecastingMethod)? {
    let lower = name.lowercased()
    if lower.hasPrefix("ets:") {
      return try? ETS(parsing: String(name.dropFirst(4)).uppercased())
    }
    if lower.hasPrefix("arima:") {
      return try? ARIMA(parsing: String(lower.dropFirst(6)))
    }
    if lower.hasPrefix("window:") {
      guard let k = Int(lower.dropFirst(7)), k >= 1 else { return nil }
      return WindowAverage(window: k)
    }
    switch lower {
    case "auto": return AutoForecast()
    case "ets", "autoets": return AutoETS()
    case "theta": return Theta()
    case "otm", "optimizedtheta": return OptimizedTheta()
    case "dotm", "dynamicoptimizedtheta": return DynamicOptimizedTheta()
    case "autotheta": return AutoTheta()
    case "naive": return Naive()
    case "snaive", "seasonalnaive": return SeasonalNaive()
    case "naive2": return Naive2()
    case "drift", "rwd": return RandomWalkWithDrift()
    case "mean", "historicaverage": return HistoricAverage()
    case "arima", "autoarima": return AutoARIMA()
    case "trend", "lineartrend": return LinearTrend()
    case "trend-seasonal": return LinearTrend(seasonal: true)
    default: return nil
    }
  }
}
