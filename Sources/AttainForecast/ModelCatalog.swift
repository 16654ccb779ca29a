/// The models selectable by name (the `--model` option), each mapped to its method.
///
/// Names: `auto` (the default: `AutoForecast`), `ets` (AutoETS, selection by AICc), `ets:XYZ`
/// (one ETS model, e.g. `ets:MAM`, `ets:AAdN`), `theta` (standard Theta, as in M3),
/// `otm`/`dotm`/`autotheta` (optimised, dynamic optimised and automatically chosen Theta),
/// `naive`, `snaive`, `naive2`, `drift`, `mean`, `window:K` (mean of the last K), `trend`
/// (linear trend), `trend-seasonal` (linear trend with seasonal dummies), `arima` (AutoARIMA,
/// stepwise Hyndman–Khandakar search by AICc) and `arima:p,d,q` / `arima:p,d,q:P,D,Q` (one
/// seasonal ARIMA model); for intermittent demand `croston`, `sba`, `croston-optimized`, `tsb`
/// (both α optimised), `tsb:AD,AP` (given α_d and α_p, e.g. `tsb:0.2,0.2`), `adida`, `imapa`
/// (statsforecast's column names `CrostonClassic`, `CrostonSBA`, `CrostonOptimized`, `TSB`,
/// `ADIDA`, `IMAPA` work too). ARIMA and the intermittent models are not part of `auto`.
public enum ModelCatalog {
  /// The names accepted by `method(named:)`, for help texts.
  public static let names = [
    "auto", "ets", "ets:XYZ", "theta", "otm", "dotm", "autotheta", "naive", "snaive", "naive2", "drift", "mean",
    "window:K", "trend", "trend-seasonal", "arima", "arima:p,d,q[:P,D,Q]", "croston", "sba",
    "croston-optimized", "tsb", "tsb:AD,AP", "adida", "imapa",
  ]

  /// Why `name` names no method when it is a malformed `ets:` or `arima:` specification: the
  /// parser's reason (e.g. "expected three integers p,d,q, got '1,x,1'"). Nil for any other name,
  /// known or not, so a caller can still say "unknown model" for those.
  public static func specificationProblem(in name: String) -> String? {
    let lower = name.lowercased()
    do {
      if lower.hasPrefix("ets:") {
        _ = try ETS(parsing: String(name.dropFirst(4)).uppercased())
      } else if lower.hasPrefix("arima:") {
        _ = try ARIMA(parsing: String(lower.dropFirst(6)))
      }
      return nil
    } catch ForecastError.invalidParameter(_, _, let reason) {
      return reason
    } catch {
      return "\(error)"
    }
  }

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
    if lower.hasPrefix("tsb:") {
      let parts = lower.dropFirst(4).split(separator: ",", omittingEmptySubsequences: false)
      guard parts.count == 2, let d = Double(parts[0]), let p = Double(parts[1]),
        d > 0, d <= 1, p > 0, p <= 1
      else { return nil }
      return TSB(sizeAlpha: d, probabilityAlpha: p)
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
    case "croston", "crostonclassic": return Croston(variant: .classic)
    case "sba", "crostonsba": return Croston(variant: .sba)
    case "croston-optimized", "crostonoptimized": return Croston(variant: .optimized)
    case "tsb": return TSB()
    case "adida": return ADIDA()
    case "imapa": return IMAPA()
    default: return nil
    }
  }
}
