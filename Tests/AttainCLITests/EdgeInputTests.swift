import Foundation
import Testing

/// The cells of a CSV written by the CLI (no quoted line breaks in numeric outputs), header first.
private func csvRows(_ text: String) -> [[Substring]] {
  text.split(whereSeparator: \.isNewline).map { line in
    // Ids may be quoted with commas inside: split the quoted first cell off before the numbers.
    if line.hasPrefix("\""), let close = line.dropFirst().firstRange(of: "\",") {
      return [line[..<close.upperBound].dropLast()] + line[close.upperBound...].split(separator: ",", omittingEmptySubsequences: false)
    }
    return line.split(separator: ",", omittingEmptySubsequences: false)
  }
}

/// Checks that every cell from column `first` on is a finite number (`allowBlank`: or empty,
/// the convention for an undefined metric such as MASE of a constant series).
private func expectFiniteNumbers(
  _ text: String, from first: Int, allowBlank: Bool = false, _ context: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let lowered = text.lowercased()
  for word in ["nan", "inf"] {
    #expect(!csvRows(lowered).dropFirst().contains { $0.dropFirst(first).contains { $0.contains(word) } },
      "\(context): \(word)", sourceLocation: sourceLocation)
  }
  for row in csvRows(text).dropFirst() {
    for cell in row.dropFirst(first) where !(allowBlank && cell.isEmpty) {
      let value = Double(cell)
      #expect(value?.isFinite == true, "\(context): '\(cell)' in \(row)", sourceLocation: sourceLocation)
    }
  }
}

/// lo-95 ≤ lo-80 ≤ point ≤ hi-80 ≤ hi-95 in every row of a forecast with the default levels.
private func expectNestedIntervals(_ text: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let rows = csvRows(text)
  guard let header = rows.first, header.count == 7 else {
    Issue.record("\(context): expected 7 columns", sourceLocation: sourceLocation)
    return
  }
  for row in rows.dropFirst() where row.count == 7 {
    let v = row[2...].map { Double($0) ?? .nan }  // point, lo-95, lo-80, hi-80, hi-95
    let ordered = v[1] <= v[2] && v[2] <= v[0] && v[0] <= v[3] && v[3] <= v[4]
    #expect(ordered, "\(context): intervals not nested in \(row)", sourceLocation: sourceLocation)
  }
}

@Suite struct EdgeInputTests {
  static let models = ["auto", "ets", "theta", "naive", "snaive"]

  static func edgeFiles() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: ReliabilityCommands.edgeFolder.path)
      .filter { $0.hasSuffix(".csv") }.sorted()
  }

  /// Every edge file, every model: status 0, only finite numbers, one row per series and period.
  @Test func forecastSucceedsWithFiniteNumbersOnEveryEdgeFile() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let files = try Self.edgeFiles()
    #expect(files.count >= 15)
    for file in files {
      let path = ReliabilityCommands.edgeFolder.appendingPathComponent(file).path
      let series = Set(
        csvRows(try String(contentsOfFile: path, encoding: .utf8)).dropFirst().map { $0.first.map(String.init) ?? "" }
      ).count
      for model in Self.models {
        let out = dir.appendingPathComponent("\(file)-\(model).csv")
        let result = try CLI.attain(["forecast", path, "--model", model, "--horizon", "3", "--output", out.path])
        let context = "forecast \(file) --model \(model)"
        #expect(result.status == 0 && !result.signaled, "\(context): \(result.stderr)")
        guard result.status == 0 else { continue }
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("warning: ") }, "\(context)")
        let text = try String(contentsOf: out, encoding: .utf8)
        expectFiniteNumbers(text, from: 2, context)
        #expect(csvRows(text).count == 1 + 3 * series, "\(context)")
        // Also `auto`, whose per-level calibration and path quantiles are nested by
        // `Forecast.withNestedIntervals` (see IntervalNestingTests in AttainForecastTests).
        expectNestedIntervals(text, context)
      }
    }
  }

  /// Rolling-origin backtest on every edge file: status 0; metrics finite or blank (undefined).
  @Test func backtestSucceedsOnEveryEdgeFile() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for file in try Self.edgeFiles() {
      let path = ReliabilityCommands.edgeFolder.appendingPathComponent(file).path
      let out = dir.appendingPathComponent("\(file).csv")
      let result = try CLI.attain(["backtest", path, "--horizon", "3", "--output", out.path])
      #expect(result.status == 0 && !result.signaled, "backtest \(file): \(result.stderr)")
      guard result.status == 0 else { continue }
      expectFiniteNumbers(try String(contentsOf: out, encoding: .utf8), from: 2, allowBlank: true, "backtest \(file)")
    }
  }

  /// A byte-order mark and CRLF line ends read exactly like the plain file.
  @Test(arguments: ["bom.csv", "crlf.csv"])
  func bomAndCRLFReadLikePlainText(file: String) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var bytes = [UInt8](try Data(contentsOf: ReliabilityCommands.edgeFolder.appendingPathComponent(file)))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.contains(13))
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    bytes.removeAll { $0 == 13 }
    let plain = dir.appendingPathComponent("plain.csv")
    try Data(bytes).write(to: plain)
    let original = try CLI.attain(["forecast", ReliabilityCommands.edgeFolder.appendingPathComponent(file).path, "--model", "ets"])
    let stripped = try CLI.attain(["forecast", plain.path, "--model", "ets"])
    #expect(original.status == 0)
    #expect(original.stdout == stripped.stdout)
    #expect(original.stdout.hasPrefix("unique_id,ds,AutoETS,"))
  }

  /// Values near 1e300 are forecast on their own scale (not overflowed, not replaced by zeros):
  /// the naive forecast is the last value, exactly.
  @Test func hugeValuesKeepTheirScale() throws {
    let path = ReliabilityCommands.edgeFolder.appendingPathComponent("huge-values.csv").path
    let naive = try CLI.attain(["forecast", path, "--model", "naive", "--horizon", "2", "--level", "80"])
    #expect(naive.status == 0)
    #expect(naive.stderr.isEmpty, "\(naive.stderr)")
    let rows = csvRows(naive.stdout)
    #expect(rows.count == 3)
    for row in rows.dropFirst() {
      #expect(Double(row[2]) == 1.4e300)
      let (lo, hi) = (Double(row[3]) ?? .nan, Double(row[4]) ?? .nan)
      #expect(lo < 1.4e300 && hi > 1.4e300 && lo > 0 && hi.isFinite)
    }
    for model in ["ets", "theta"] {
      let result = try CLI.attain(["forecast", path, "--model", model, "--horizon", "2"])
      #expect(result.stderr.isEmpty, "\(model): \(result.stderr)")
      for row in csvRows(result.stdout).dropFirst() {
        let point = Double(row[2]) ?? .nan
        #expect(point > 1e300 && point < 1.5e300, "\(model): \(row)")
      }
    }
  }

  /// Too-short series fall back with a warning naming the series; numeric drivers are kept
  /// silently; non-numeric columns are ignored with a warning naming them.
  @Test func warningsNameTheSeriesAndColumns() throws {
    let folder = ReliabilityCommands.edgeFolder
    let short = try CLI.attain(["forecast", folder.appendingPathComponent("one-point.csv").path, "--model", "ets"])
    #expect(short.status == 0)
    #expect(short.stderr.contains("warning: series a: used "), "\(short.stderr)")
    #expect(!short.stderr.contains("series long:"))
    let two = try CLI.attain(["forecast", folder.appendingPathComponent("two-points.csv").path, "--model", "theta"])
    #expect(two.status == 0)
    #expect(two.stderr.hasPrefix("warning: series a: used "), "\(two.stderr)")
    let drivers = try CLI.attain(["forecast", folder.appendingPathComponent("numeric-drivers.csv").path, "--model", "naive"])
    #expect(drivers.status == 0 && drivers.stderr.isEmpty, "\(drivers.stderr)")
    let text = try CLI.attain(["forecast", folder.appendingPathComponent("text-columns.csv").path, "--model", "naive"])
    #expect(text.status == 0)
    #expect(text.stderr.contains("warning: column 'region' is not numeric"))
    #expect(text.stderr.contains("warning: column 'note' is not numeric"))
  }

  /// On every edge file (but the ±1e300 ones): recommended targets fall as the attainment probability rises, and the
  /// simulated probability of reaching each of them lies in [0, 1] and falls as the target rises
  /// (same seed, so the same paths).
  @Test func probabilitiesAreInRangeAndMonotoneInTheTarget() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let levels = ["0.1", "0.3", "0.5", "0.7", "0.9"]
    // Series near ±1e300 are out of the simulation's range: its exact group sums are 128-bit
    // fixed point (|total| < 2⁹⁰), so it refuses them with one error line instead.
    for file in try Self.edgeFiles() where file.hasPrefix("huge-") {
      let path = ReliabilityCommands.edgeFolder.appendingPathComponent(file).path
      let result = try CLI.attain(["simulate", path, "--horizon", "3", "--paths", "100"])
      #expect(result.status == 1 && result.stderr.hasPrefix("error: ") && result.stderr.split(separator: "\n").count == 1, "\(file): \(result.stderr)")
    }
    for file in try Self.edgeFiles() where !file.hasPrefix("huge-") {
      let path = ReliabilityCommands.edgeFolder.appendingPathComponent(file).path
      let common = ["--horizon", "3", "--paths", "400", "--seed", "3"]
      let recommend = try CLI.attain(["recommend", path, "--probability", levels.joined(separator: ",")] + common)
      #expect(recommend.status == 0, "recommend \(file): \(recommend.stderr)")
      guard recommend.status == 0 else { continue }
      // unique_id,probability,target → targets[id][probability]
      var targets: [String: [String: Double]] = [:]
      for row in csvRows(recommend.stdout).dropFirst() where row.count == 3 {
        targets[String(row[0]), default: [:]][String(row[1])] = Double(row[2])
      }
      #expect(!targets.isEmpty, "\(file)")
      var chances: [String: [Double]] = [:]  // per id, in the order of `levels`
      for level in levels {
        // Ids as the CLI wrote them (quoted where needed), so they read back the same.
        let quoted = targets.keys.sorted().map { id in "\(id),\(targets[id]?[level] ?? .nan)" }
        let targetFile = dir.appendingPathComponent("targets-\(level).csv")
        try Data(("unique_id,target\n" + quoted.joined(separator: "\n") + "\n").utf8).write(to: targetFile)
        let simulate = try CLI.attain(["simulate", path, "--targets", targetFile.path] + common)
        #expect(simulate.status == 0, "simulate \(file) at \(level): \(simulate.stderr)")
        let rows = csvRows(simulate.stdout)
        guard let header = rows.first, let p = header.firstIndex(of: "attainment_probability") else { continue }
        for row in rows.dropFirst() where row.count == header.count && targets[String(row[0])] != nil {
          let chance = Double(row[p]) ?? .nan
          #expect((0...1).contains(chance), "\(file) \(row[0]) at \(level): \(chance)")
          chances[String(row[0]), default: []].append(chance)
        }
      }
      for (id, byLevel) in targets {
        let t = levels.compactMap { byLevel[$0] }
        #expect(zip(t, t.dropFirst()).allSatisfy { $0 >= $1 }, "\(file) \(id): targets \(t) not falling with p")
        let c = chances[id] ?? []
        #expect(c.count == levels.count, "\(file) \(id)")
        #expect(zip(c, c.dropFirst()).allSatisfy { $0 <= $1 }, "\(file) \(id): P(attain) \(c) not rising as targets fall")
      }
    }
  }
}
