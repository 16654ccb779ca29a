import ArgumentParser
import Attain

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `attain demo`: the main job on the bundled data, end to end, results in a folder.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Run the main job on the bundled Superstore data and write the results to a folder.",
    discussion: """
      The bundled data are found in --data-dir, else $ATTAIN_DATA, else ./datasets, else the datasets folder of the source tree the binary was built in.
      """)

  @Option(help: ArgumentHelp("Folder holding the bundled datasets (superstore/, m3/).", valueName: "dir"))
  var dataDir: String?

  @Option(help: ArgumentHelp("Folder for the results (created if missing).", valueName: "dir"))
  var outputDir = "attain-demo"

  func run() throws {
    let data = try DemoData.locate(explicit: dataDir)
    let orders = data + "/superstore/superstore-orders.csv"
    let options = AggregationOptions(
      groupBy: ["Region", "Category"], dateColumn: "Order Date", dateFormat: DateFormat("M/D/YYYY") ?? .iso,
      valueColumn: "Sales", frequency: .monthly)
    let result = try TransactionAggregation.aggregate(path: orders, options: options)
    reportWarnings(result.warnings)
    let panel = result.panel
    try FileBytes.createDirectory(outputDir)
    let seriesFile = outputDir + "/sales-monthly.csv"
    try FileBytes.writeAtomically(SeriesCSV.write(panel), to: seriesFile)
    let periods = panel.count > 0 ? panel.length(of: 0) : 0
    let first = panel.count > 0 ? panel.starts[0].description : "-"
    let last = panel.count > 0 ? panel.lastStamp(of: 0).description : "-"
    let total = CompensatedSum.of(panel.values)
    writeStandardOutput(
      Array(
        """
        read \(result.rowCount) order lines from \(orders)
        \(panel.count) series (Region/Category), \(periods) monthly periods from \(first) to \(last)
        total sales \(formatCents(total))
        wrote \(seriesFile)

        """.utf8))
  }
}

/// Finding the bundled `datasets/` folder.
enum DemoData {
  /// `explicit`, else `$ATTAIN_DATA`, else `./datasets`, else `<source root>/datasets` (the
  /// binary's build tree: `<root>/.build/<config>/attain`). Throws when none holds the data.
  static func locate(explicit: String?) throws -> String {
    var candidates = [String]()
    if let explicit { candidates.append(explicit) }
    if let env = getenv("ATTAIN_DATA") { candidates.append(String(cString: env)) }
    candidates.append("datasets")
    if let root = sourceRoot() { candidates.append(root + "/datasets") }
    if explicit != nil { candidates = [candidates[0]] }
    for dir in candidates where access(dir + "/superstore/superstore-orders.csv", R_OK) == 0 { return dir }
    throw ValidationError(
      "bundled data not found (looked in \(candidates.joined(separator: ", "))); give --data-dir or set ATTAIN_DATA")
  }

  /// The directory three levels above the executable's resolved path, when the binary lives in
  /// a SwiftPM build folder (`<root>/.build/<triple>/<config>/attain` or `<root>/.build/<config>/attain`).
  static func sourceRoot() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { return nil }
    let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard let build = parts.firstIndex(of: ".build") else { return nil }
    return parts[..<build].joined(separator: "/")
  }
}

/// `x` with exactly two decimals (`2297200.86`), rounded half away from zero.
func formatCents(_ x: Double) -> String {
  let cents = (abs(x) * 100).rounded()
  guard cents < 9.0e15 else { return x.description }
  let n = Int(cents)
  let fraction = n % 100
  return "\(x < 0 && n != 0 ? "-" : "")\(n / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}
