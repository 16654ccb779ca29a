// swift-tools-version: 6.1
// The Swift side of Benchmarks/compare/ets_vs_statsforecast.sh: AutoETS on M3 monthly series,
// timed in process. A separate tiny package so neither the root nor the benchmark build changes.
import PackageDescription

let package = Package(
  name: "ets_runner",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "Attain", path: "../../..")],
  targets: [
    .executableTarget(
      name: "ets_runner", dependencies: [.product(name: "Attain", package: "Attain")])
  ]
)
