// swift-tools-version: 6.1
// libFuzzer targets for Attain's input readers. Kept out of the root package so `swift build` and CI
// stay fast; built and run by `make fuzz` (see README.md here):
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
  name: "AttainFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "Attain", path: "../")],
  targets: [
    // The libFuzzer driver call and the located-error check shared by the fuzzers.
    .target(name: "FuzzSupport", dependencies: [.product(name: "AttainData", package: "Attain")]),
    // CSV readers: SeriesCSV (fused fast path and RFC 4180 path), CSVTable, TransactionAggregation.
    .executableTarget(
      name: "CSVFuzzer", dependencies: ["FuzzSupport", .product(name: "AttainData", package: "Attain")]),
    // Scenario files: JSONValue.parse and ScenarioFile.read (the `simulate --scenarios` reader).
    .executableTarget(
      name: "ScenarioFuzzer",
      dependencies: [
        "FuzzSupport", .product(name: "AttainData", package: "Attain"),
        .product(name: "AttainSimulation", package: "Attain"),
      ]),
  ]
)
