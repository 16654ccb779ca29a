import AttainLinearAlgebra
import Foundation

/// One NIST StRD linear least-squares dataset read from `Fixtures/nist/<Name>.txt`
/// (format described in `Fixtures/README.md`).
struct NISTDataset {
  enum Model {
    case linear(predictors: Int)
    case polynomial(degree: Int)
  }
  var name: String
  var model: Model
  var certifiedEstimates: [Double]
  var certifiedStandardDeviations: [Double]
  var residualStandardDeviation: Double
  var rSquared: Double
  var response: [Double]
  /// Predictor columns as printed in the file (row-major rows of x values).
  var predictors: [[Double]]

  static let all = [
    "Norris", "Pontius", "Longley", "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5",
    "Filip",
  ]

  struct ParseError: Error { var message: String }

  static func load(_ name: String) throws -> NISTDataset {
    guard
      let url = Bundle.module.url(
        forResource: name, withExtension: "txt", subdirectory: "Fixtures/nist")
    else { throw ParseError(message: "missing fixture \(name)") }
    let text = try String(contentsOf: url, encoding: .utf8)
    var model: Model?
    var estimates: [Double] = []
    var deviations: [Double] = []
    var residualSD = Double.nan
    var r2 = Double.nan
    var response: [Double] = []
    var predictors: [[Double]] = []
    var inData = false
    for line in text.split(separator: "\n") {
      if line.hasPrefix("#") { continue }
      let fields = line.split(separator: " ").map(String.init)
      guard let head = fields.first else { continue }
      if inData {
        let values = fields.compactMap(Double.init)
        guard values.count == fields.count, values.count >= 2 else {
          throw ParseError(message: "bad row \(line)")
        }
        response.append(values[0])
        predictors.append(Array(values[1...]))
        continue
      }
      switch head {
      case "model":
        guard fields.count == 3, let k = Int(fields[2]) else {
          throw ParseError(message: "bad model line")
        }
        model = fields[1] == "linear" ? .linear(predictors: k) : .polynomial(degree: k)
      case "certified":
        guard fields.count == 3, let e = Double(fields[1]), let s = Double(fields[2]) else {
          throw ParseError(message: "bad certified line")
        }
        estimates.append(e)
        deviations.append(s)
      case "residual_sd": residualSD = Double(fields[1]) ?? .nan
      case "r_squared": r2 = Double(fields[1]) ?? .nan
      case "data": inData = true
      default: break
      }
    }
    guard let model else { throw ParseError(message: "no model line") }
    return NISTDataset(
      name: name, model: model, certifiedEstimates: estimates,
      certifiedStandardDeviations: deviations,
      residualStandardDeviation: residualSD, rSquared: r2, response: response,
      predictors: predictors)
  }

  /// The design matrix with the intercept column first (polynomials: 1, x, x², …).
  func design() throws -> Matrix {
    let rows: [[Double]] = predictors.map { x in
      switch model {
      case .linear: return [1] + x
      case .polynomial(let degree):
        var powers = [1.0]
        for _ in 0..<degree { powers.append(powers[powers.count - 1] * x[0]) }
        return powers
      }
    }
    return try Matrix(rows: rows)
  }
}

/// `-log10(|computed − certified| / |certified|)`, the "log relative error" of McCullough
/// (1998): the number of correct significant digits. For a certified value of zero, the log
/// absolute error is used instead. Capped at 15 (exact agreement).
func correctDigits(_ computed: Double, _ certified: Double) -> Double {
  let error = certified == 0 ? abs(computed) : abs(computed - certified) / abs(certified)
  if error == 0 { return 15 }
  return min(15, -log10(error))
}

/// Relative closeness: `|a − b| ≤ tolerance · max(|a|, |b|)` (or both exactly zero).
func isClose(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
  if a == b { return true }
  return abs(a - b) <= tolerance * max(abs(a), abs(b))
}
