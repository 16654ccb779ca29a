// swift-tools-version: 6.1
// Benchmarks live in a nested package so the root build and `make test` stay fast.
import PackageDescription

let package = Package(
  name: "AttainBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "Attain", path: "../"),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "AttainBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Attain", package: "Attain"),
        .product(name: "AttainBench", package: "Attain"),
      ],
      path: "Benchmarks/AttainBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")])
  ]
)
