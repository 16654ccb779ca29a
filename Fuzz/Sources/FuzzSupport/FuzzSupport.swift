import AttainData

/// Runs `body`; a thrown error must name `file` and be located at line and column ≥
/// `minimumPosition`, else the fuzzer traps (a finding).
public func expectLocatedError(
  file: String, minimumPosition: Int, _ body: () throws(DataError) -> Void
) {
  do {
    try body()
  } catch {
    let text = error.description
    if error.line < minimumPosition || error.column < minimumPosition || !text.hasPrefix(file) {
      preconditionFailure("malformed error: \(text)")
    }
  }
}

/// libFuzzer's driver (from the `-sanitize=fuzzer` runtime).
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Hands the program's arguments to libFuzzer's driver with `callback` as the test function.
/// SwiftPM links an executable target's `main` to `<Target>_main`, so each fuzzer defines that
/// entry (built with `-parse-as-library`) and calls this.
public func runLibFuzzer(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32 {
  var count = argc
  var arguments = argv
  return withUnsafeMutablePointer(to: &arguments) { pointer in
    pointer.withMemoryRebound(to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self, capacity: 1) {
      runFuzzerDriver(&count, $0, callback)
    }
  }
}
