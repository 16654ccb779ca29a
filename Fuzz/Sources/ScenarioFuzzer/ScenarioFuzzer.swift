import AttainData
import FuzzSupport
import AttainSimulation

/// libFuzzer entry point: feeds the bytes to the JSON parser and the scenario-file reader.
///
/// Every call must either return a value or throw a `DataError` that names the file and has a
/// location ≥ 1 (the JSON reader always knows where it is); a scenario file it accepts with a
/// horizon must also pass `Scenario.validate(horizon:)`, and its adjustments must be computable.
/// Anything else — a trap, a stack overflow from deep nesting, an out-of-bounds access or a leak
/// caught by the sanitizers — is a finding. The first byte selects the horizon (0 = none).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data, size > 0 else { return 0 }
  let horizon = Int(data[0] & 31)
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  check { () throws(DataError) in
    let value = try JSONValue.parse(bytes: bytes, file: "fuzz.json")
    if value.line < 1 || value.column < 1 { preconditionFailure("value without a location") }
  }
  check { () throws(DataError) in
    let file = try ScenarioFile.read(bytes: bytes, file: "fuzz.json", horizon: horizon == 0 ? nil : horizon)
    guard horizon > 0 else { return }
    var multipliers = [Double](repeating: 0, count: horizon)
    var amounts = [Double](repeating: 0, count: horizon)
    for scenario in file.scenarios {
      do {
        try scenario.validate(horizon: horizon)
      } catch {
        preconditionFailure("accepted scenario fails validation: \(error)")
      }
      multipliers.withUnsafeMutableBufferPointer { m in
        amounts.withUnsafeMutableBufferPointer { a in scenario.adjustments(multipliers: m, amounts: a) }
      }
      for adjustment in scenario.separateAdjustments { _ = adjustment.scenario.isIdentity }
    }
  }
  return 0
}

/// Runs `body`; a thrown error must name the file and be located, else the fuzzer traps.
private func check(_ body: () throws(DataError) -> Void) {
  expectLocatedError(file: "fuzz.json:", minimumPosition: 1, body)
}

/// The program entry: libFuzzer's driver with `fuzzScenario`.
@_cdecl("ScenarioFuzzer_main")
public func scenarioFuzzerMain(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  runLibFuzzer(argc, argv, fuzzScenario)
}
