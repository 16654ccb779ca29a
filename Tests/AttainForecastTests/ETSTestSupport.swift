import Foundation
import Testing

@testable import AttainForecast

/// Fixture loading and tolerance helpers for the ETS suites.
enum ETSFixtures {
  static func url(_ name: String) throws -> URL {
    let base = try #require(Bundle.module.resourceURL)
    return base.appendingPathComponent("Fixtures/ets/\(name)")
  }

  static func load<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(contentsOf: url(name)))
  }

  /// The `y` values of the M3 series `id` from datasets/m3 (tiny CSV parse, no data layer).
  static func m3Series(file: String = "m3-train.csv") throws -> [String: [Double]] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    let text = try String(
      contentsOf: root.appendingPathComponent("datasets/m3/\(file)"), encoding: .utf8)
    var out: [String: [Double]] = [:]
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
      let parts = line.split(separator: ",")
      guard parts.count == 3, let v = Double(parts[2]) else { continue }
      out[String(parts[0]), default: []].append(v)
    }
    return out
  }
}

/// |a − b| ≤ rel · max(|a|, |b|, floor).
func etsClose(_ a: Double, _ b: Double, rel: Double, floor: Double = 1e-12) -> Bool {
  if a == b { return true }
  return abs(a - b) <= rel * max(abs(a), abs(b), floor)
}

func etsAllClose(_ a: [Double], _ b: [Double], rel: Double, floor: Double = 1e-12) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { etsClose($0, $1, rel: rel, floor: floor) }
}

func etsForm(_ code: String) throws -> ETSForm {
  let spec = try ETSSpec(parsing: code)
  return ETSForm(
    error: try #require(spec.error), trend: try #require(spec.trend),
    season: try #require(spec.season))
}
