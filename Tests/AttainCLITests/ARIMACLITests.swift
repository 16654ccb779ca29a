import Foundation
import Testing

/// `attain forecast --model arima` and `--model arima:p,d,q[:P,D,Q]` end to end.
@Suite struct ARIMACLITests {
  /// Two quarterly series in the long format.
  static let input: String = {
    var lines = ["unique_id,ds,y"]
    for (id, base) in [("a", 100.0), ("b", 50.0)] {
      for t in 1...40 {
        let season = [4.0, -2.0, 3.0, -5.0][t % 4]
        let wiggle = Double((t * 37) % 11) - 5
        lines.append("\(id),\(t),\(base + 0.8 * Double(t) + season + 0.7 * wiggle)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  @Test(arguments: [("arima", "AutoARIMA"), ("arima:1,1,0:0,1,1", "ARIMA"), ("arima:0,1,1", "ARIMA")])
  func forecastWritesTheModelColumns(model: String, column: String) throws {
    let result = try CLI.attain(
      ["forecast", "-", "--model", model, "--horizon", "8", "--season-length", "4", "--level", "80", "--level", "95"],
      input: Self.input)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "unique_id,ds,\(column),\(column)-lo-95,\(column)-lo-80,\(column)-hi-80,\(column)-hi-95")
    #expect(lines.count == 1 + 2 * 8)
    for line in lines.dropFirst() {
      let values = line.split(separator: ",").dropFirst(2).compactMap { Double($0) }
      #expect(values.count == 5 && values.allSatisfy(\.isFinite), "\(line)")
      if values.count == 5 {
        #expect(values[1] <= values[2] && values[2] <= values[0] && values[0] <= values[3] && values[3] <= values[4])
      }
    }
  }

  @Test(arguments: ["arima:1,1", "arima:1,x,1", "arima:-1,0,0", "arima:1,3,0", "arima:1,0,0:1,0", "arima:1,0,0:1,0,0:1"])
  func badOrdersAreOneLineErrors(model: String) throws {
    let result = try CLI.attain(["forecast", "-", "--model", model, "--horizon", "4"], input: Self.input)
    #expect(result.status != 0)
    #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
    #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }
}
