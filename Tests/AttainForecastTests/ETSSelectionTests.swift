import Foundation
import Testing

@testable import AttainForecast

/// AutoETS model selection against R's `ets(y)` on M3 series (`Fixtures/ets/ets_select.json`).
@Suite struct ETSSelectionTests {
  struct SelectCase: Decodable, CustomTestStringConvertible {
    var id: String
    var m: Int
    var y: [Double]
    var chosen: String
    var aicc: Double
    var candidates: [String: Double?]
    var testDescription: String { "\(id) m=\(m) R:\(chosen)" }
  }

  static let cases: [SelectCase] = (try? ETSFixtures.load([SelectCase].self, "ets_select.json")) ?? []

  @Test func fixtureIsComplete() { #expect(Self.cases.count == 14) }

  /// The optimiser reaches R's likelihood: for every form, our AICc is at most R's + 1 %
  /// of |AICc| (Nelder–Mead from the same starting values may stop at a different point).
  /// When R's choice beats every other form by more than 1 AICc unit, we choose it too.
  @Test(arguments: cases)
  func selectionMatchesR(_ c: SelectCase) throws {
    let model = try AutoETS().fitETS(c.y, seasonLength: c.m)
    let spec = ETS()
    for (code, rValue) in c.candidates {
      guard let rAICc = rValue else { continue }
      let form = try etsForm(code)
      let fitted = try #require(
        try ETSEstimator.fit(c.y, form: form, seasonLength: c.m, fixed: spec.spec, name: "ETS"))
      #expect(fitted.aicc <= rAICc + 0.01 * abs(rAICc), "\(code): ours \(fitted.aicc) vs R \(rAICc)")
    }
    let others = c.candidates.filter { $0.key != c.chosen }.compactMap { $0.value }
    let margin = (others.min() ?? .infinity) - c.aicc
    if margin > 1 {
      #expect(model.form.code == c.chosen, "R margin \(margin)")
    }
    #expect(model.aicc <= c.aicc + 0.01 * abs(c.aicc))
  }
}
