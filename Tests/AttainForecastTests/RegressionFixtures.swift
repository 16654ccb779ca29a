import Foundation

/// Reads the CSV fixtures under `Fixtures/regression/` (produced by `make_fixtures.R`).
enum RegressionFixtures {
  struct Missing: Error { var name: String }

  static func url(_ name: String, _ ext: String) throws -> URL {
    guard
      let url = Bundle.module.url(
        forResource: name, withExtension: ext, subdirectory: "Fixtures/regression")
    else { throw Missing(name: "\(name).\(ext)") }
    return url
  }

  /// A CSV as an array of header → field dictionaries (quotes stripped).
  static func csv(_ name: String) throws -> [[String: String]] {
    let text = try String(contentsOf: url(name, "csv"), encoding: .utf8)
    var lines = text.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let clean: (Substring) -> String = {
      $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r "))
    }
    let header = lines.removeFirst().map(clean)
    return lines.map { fields in
      Dictionary(uniqueKeysWithValues: zip(header, fields.map(clean)))
    }
  }

  /// Column `name` of a CSV as numbers.
  static func column(_ rows: [[String: String]], _ name: String) -> [Double] {
    rows.map { Double($0[name] ?? "") ?? .nan }
  }

  /// NIST data (format in `Tests/AttainLinearAlgebraTests/Fixtures/README.md`).
  static func nist(_ name: String) throws -> (
    y: [Double], x: [[Double]], estimates: [Double], deviations: [Double], residualSD: Double,
    r2: Double
  ) {
    let text = try String(contentsOf: url(name, "txt"), encoding: .utf8)
    var y: [Double] = []
    var x: [[Double]] = []
    var estimates: [Double] = []
    var deviations: [Double] = []
    var residualSD = Double.nan
    var r2 = Double.nan
    var inData = false
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let f = line.split(separator: " ").map(String.init)
      if inData {
        let v = f.compactMap(Double.init)
        y.append(v[0])
        x.append(Array(v[1...]))
      } else if f.first == "certified" {
        estimates.append(Double(f[1]) ?? .nan)
        deviations.append(Double(f[2]) ?? .nan)
      } else if f.first == "residual_sd" {
        residualSD = Double(f[1]) ?? .nan
      } else if f.first == "r_squared" {
        r2 = Double(f[1]) ?? .nan
      } else if f.first == "data" {
        inData = true
      }
    }
    return (y, x, estimates, deviations, residualSD, r2)
  }
}

/// Relative closeness: `|a − b| ≤ tolerance · max(|a|, |b|)`.
func regressionClose(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
  if a == b { return true }
  return abs(a - b) <= tolerance * max(abs(a), abs(b))
}
