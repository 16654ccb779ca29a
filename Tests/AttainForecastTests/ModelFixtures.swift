import Foundation
import Testing

@testable import AttainForecast

/// Relative-tolerance comparison: |a − b| ≤ tol·max(1, |b|).
func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
  abs(a - b) <= tolerance * max(1, abs(b))
}

/// The R reference values in `Fixtures/models` (produced by `make_fixtures.R`).
struct ModelFixtures {
  /// Series per case with its season length.
  var series: [String: [Double]] = [:]
  /// `values["case|method|quantity"]` in step order.
  var values: [String: [Double]] = [:]

  static let seasonLengths = ["airpassengers": 12, "N0001": 1, "N0700": 4, "N1500": 12, "N2900": 1]

  static func load() throws -> ModelFixtures {
    var fixtures = ModelFixtures()
    let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
      .appendingPathComponent("models")
    let seriesText = try String(
      contentsOf: directory.appendingPathComponent("series.csv"), encoding: .utf8)
    for line in seriesText.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",")
      fixtures.series[String(f[0]), default: []].append(try #require(Double(f[2])))
    }
    let referenceText = try String(
      contentsOf: directory.appendingPathComponent("reference.csv"), encoding: .utf8)
    for line in referenceText.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",")
      fixtures.values["\(f[0])|\(f[1])|\(f[2])", default: []].append(try #require(Double(f[4])))
    }
    return fixtures
  }

  func reference(_ caseName: String, _ method: String, _ quantity: String) throws -> [Double] {
    try #require(values["\(caseName)|\(method)|\(quantity)"])
  }
}
