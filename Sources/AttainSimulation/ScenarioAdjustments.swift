extension Scenario {
  /// Each adjustment of the scenario alone (growth, price, promotions, headcount, shocks — those
  /// it sets), keeping its group scope: run each to see how much it moves an outcome by itself
  /// (a tornado / one-at-a-time sensitivity). - Complexity: O(1).
  public var separateAdjustments: [(name: String, scenario: Scenario)] {
    var parts: [(name: String, scenario: Scenario)] = []
    func part(_ name: String, _ build: (inout Scenario) -> Void) {
      var s = Scenario(name: "\(self.name)/\(name)", groups: groups)
      build(&s)
      parts.append((name, s))
    }
    if growth != nil { part("growth") { $0.growth = growth } }
    if priceChange != nil {
      part("price") {
        $0.priceChange = priceChange
        $0.priceElasticity = priceElasticity
      }
    }
    if promotions != nil { part("promotions") { $0.promotions = promotions } }
    if headcountRamp != nil { part("headcount") { $0.headcountRamp = headcountRamp } }
    if shocks != nil { part("shocks") { $0.shocks = shocks } }
    return parts
  }
}
