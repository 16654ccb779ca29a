extension ETSSeason {
  /// The seasonal state written back after one observation, the one-step update shared by the
  /// in-sample filter (`ETSRecursion.filter`) and the sample paths (`FittedETS`):
  /// additive s + γ(y − q − s), multiplicative s + γ(y/q − s) with y/q taken as 10¹⁰ when
  /// |q| < 10⁻¹⁰ (the guard of R's `etscalc`), none: s unchanged. `q` = ℓ + φb is the level
  /// forecast before the season is applied (Hyndman et al. 2008, table 2.1).
  /// - Complexity: O(1).
  @inline(__always)
  func updatedState(_ s: Double, observation y: Double, levelForecast q: Double, gamma: Double) -> Double {
    switch self {
    case .none: return s
    case .additive: return s + gamma * (y - q - s)
    case .multiplicative: return s + gamma * ((abs(q) < 1e-10 ? 1e10 : y / q) - s)
    }
  }
}
