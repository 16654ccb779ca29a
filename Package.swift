// swift-tools-version: 6.1
// Attain: sales targets that are challenging yet achievable.
// Module direction (lower never imports higher):
//   AttainParallel, CLAPACK → AttainLinearAlgebra, AttainRandom → AttainData → AttainForecast → AttainSimulation
//   → AttainPlanning → AttainWorkflow → AttainReport → Attain (umbrella) → attain (CLI)
// AttainBench (the fixed tasks of `attain bench` and the benchmark suites) sits above the engines,
// outside the umbrella: the product library does not ship benchmark code.
import PackageDescription

let package = Package(
  name: "Attain",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Attain", targets: ["Attain"]),
    // The data layer alone, for the fuzz targets in Fuzz/ (a separate package).
    .library(name: "AttainData", targets: ["AttainData"]),
    // The scenario-file reader, for the ScenarioFuzzer target in Fuzz/.
    .library(name: "AttainSimulation", targets: ["AttainSimulation"]),
    // The benchmark tasks, for the package-benchmark suites in Benchmarks/ (a separate package).
    .library(name: "AttainBench", targets: ["AttainBench"]),
    .executable(name: "attain", targets: ["attain"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .systemLibrary(
      name: "CLAPACK", pkgConfig: "lapacke",
      providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
    // The one parallel loop and the fence around buffers shared by its workers.
    .target(name: "AttainParallel"),
    .target(name: "AttainLinearAlgebra", dependencies: ["CLAPACK", "AttainParallel"]),
    .target(name: "AttainRandom"),
    .target(name: "AttainData", dependencies: ["AttainParallel"]),
    .target(
      name: "AttainForecast", dependencies: ["AttainData", "AttainLinearAlgebra", "AttainRandom", "AttainParallel"]),
    .target(name: "AttainSimulation", dependencies: ["AttainForecast", "AttainData", "AttainRandom", "AttainParallel"]),
    .target(name: "AttainPlanning", dependencies: ["AttainSimulation", "AttainForecast", "AttainData", "AttainLinearAlgebra"]),
    // The plan operations as library calls (forecast, simulate, recommend, …) for the CLI, the
    // report and any server.
    .target(
      name: "AttainWorkflow", dependencies: ["AttainPlanning", "AttainSimulation", "AttainForecast", "AttainData"]),
    .target(
      name: "AttainReport",
      dependencies: ["AttainWorkflow", "AttainPlanning", "AttainSimulation", "AttainForecast", "AttainData"]),
    .target(
      name: "Attain",
      dependencies: [
        "AttainLinearAlgebra", "AttainRandom", "AttainData", "AttainForecast", "AttainSimulation", "AttainPlanning",
        "AttainWorkflow", "AttainReport",
      ]),
    .target(
      name: "AttainBench",
      dependencies: ["AttainParallel", "AttainLinearAlgebra", "AttainRandom", "AttainData", "AttainForecast", "AttainSimulation", "AttainPlanning"]),
    .executableTarget(
      name: "attain",
      dependencies: ["Attain", "AttainBench", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

    .testTarget(
      name: "AttainLinearAlgebraTests", dependencies: ["AttainLinearAlgebra"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "AttainParallelTests", dependencies: ["AttainParallel"]),
    .testTarget(name: "AttainDataTests", dependencies: ["AttainData"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "AttainForecastTests", dependencies: ["AttainForecast"], resources: [.copy("Fixtures")]),
    .testTarget(name: "AttainRandomTests", dependencies: ["AttainRandom"], resources: [.copy("Fixtures")]),
    .testTarget(name: "AttainSimulationTests", dependencies: ["AttainSimulation"]),
    .testTarget(name: "AttainPlanningTests", dependencies: ["AttainPlanning"], resources: [.copy("Fixtures")]),
    .testTarget(name: "AttainWorkflowTests", dependencies: ["AttainWorkflow"]),
    .testTarget(name: "AttainReportTests", dependencies: ["AttainReport", "AttainWorkflow"], exclude: ["render_check.sh"]),
    .testTarget(name: "AttainBenchTests", dependencies: ["AttainBench"]),
    .testTarget(name: "AttainCLITests", dependencies: ["Attain", "attain"]),
  ]
)
