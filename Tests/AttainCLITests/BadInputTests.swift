import Foundation
import Testing

/// A CLI command that reads a series CSV, as the argument list that runs it on one input file.
///
/// `ReliabilityCommands.series` is THE list every bad and edge input is run through: when a new
/// command that reads a series CSV lands (`simulate`, `recommend`, `track`, …), add one entry here
/// and the whole corpus runs through it.
struct SeriesCommand: Sendable, CustomStringConvertible {
  /// A label for messages (`backtest --test`).
  var description: String
  /// Whether the command takes the model options (`--horizon`, `--model`, `--level`, …).
  var takesModelOptions = true
  /// Whether the file under test is a second input after a valid `history` (then options that
  /// remap columns would make the history fail first, so such manifest rows skip this command).
  var isSecondInput = false
  /// Whether the first input has calendar dates, so manifest rows with `--frequency` (which
  /// apply to it too) skip this command.
  var firstInputIsCalendar = false
  /// The arguments that run the command with `file` as its series input; `history` is a valid
  /// series file for commands that read a second one.
  var arguments: @Sendable (_ file: String, _ history: String) -> [String]
}

enum ReliabilityCommands {
  /// Every command that reads a series CSV, each run on every file of the corpora.
  static let series: [SeriesCommand] = [
    SeriesCommand(description: "forecast") { file, _ in ["forecast", file] },
    SeriesCommand(description: "backtest") { file, _ in ["backtest", file] },
    SeriesCommand(description: "backtest --test", isSecondInput: true) { file, history in
      ["backtest", history, "--test", file]
    },
    SeriesCommand(description: "simulate") { file, _ in ["simulate", file, "--paths", "200", "--seed", "1"] },
    SeriesCommand(description: "recommend") { file, _ in
      ["recommend", file, "--probability", "0.5", "--paths", "200", "--seed", "1"]
    },
    SeriesCommand(description: "explain", takesModelOptions: false) { file, _ in ["explain", file] },
    SeriesCommand(description: "report") { file, _ in ["report", file] },
    SeriesCommand(description: "track") { file, _ in
      ["track", file, "--targets", targets, "--as-of", "2020-12-31", "--paths", "200"]
    },
    SeriesCommand(
      description: "track --history", takesModelOptions: false, isSecondInput: true, firstInputIsCalendar: true
    ) { file, _ in
      ["track", monthly, "--history", file, "--targets", targets, "--as-of", "2020-12-31", "--paths", "200"]
    },
    SeriesCommand(description: "evaluate") { file, _ in
      ["evaluate", file, "--targets", targets, "--from", "2020-01-01", "--to", "2020-12-31"]
    },
    SeriesCommand(description: "decompose --history", takesModelOptions: false) { file, _ in
      ["decompose", "--target", "1000", "--from", "2020-01-01", "--to", "2020-12-31", "--history", file]
    },
  ]

  /// `aggregate` on the transaction-shaped files (`agg-*.csv`: columns date,group,value).
  static func aggregate(_ file: String) -> [String] {
    ["aggregate", file, "--date-column", "date", "--group-by", "group", "--value-column", "value"]
  }

  /// Folder of the bad corpus.
  static let badFolder = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/bad")
  /// Folder of the edge corpus.
  static let edgeFolder = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/edge")

  /// A valid index series (history for `backtest --test`; the input of option-error checks).
  static let history: String = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/edge/constant.csv").path
  /// A valid monthly series (actuals for `track --history`).
  static let monthly: String = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/edge/three-points.csv").path
  /// A valid targets file (`unique_id,target`) for `track` and `evaluate`.
  static let targets: String = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/support/targets.csv").path
  /// Folder of the bad scenario files (`simulate --scenarios`).
  static let badScenarioFolder = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/bad-scenarios")
  /// Folder of the awkward but valid scenario files.
  static let edgeScenarioFolder = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/edge-scenarios")
}

/// One row of `Tests/Fixtures/bad/MANIFEST.tsv`.
struct BadInputCase: Sendable, CustomStringConvertible {
  var file: String
  /// `series` (every `ReliabilityCommands.series` command) or `aggregate`.
  var commands: String
  var extraArguments: [String]
  /// The stderr line after `error: <path>:` (e.g. `3:2: duplicate period 2 in series 'a'`).
  var expected: String
  /// Whether the extra arguments rename the id, date or value column.
  var remapsColumns: Bool { extraArguments.contains { $0.hasSuffix("-column") } }
  var description: String { extraArguments.isEmpty ? file : "\(file) \(extraArguments.joined(separator: " "))" }

  static func manifest() throws -> [BadInputCase] {
    let text = try String(
      contentsOf: ReliabilityCommands.badFolder.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return BadInputCase(
        file: parts[0], commands: parts[1],
        extraArguments: parts[2].split(separator: " ").map(String.init), expected: parts[3])
    }
  }
}

/// Checks the failure contract of one run: status 1…123 (no signal, no timeout), exactly one
/// stderr line `error: …` (equal to `expected` when given), lowercase after the location, no
/// stack trace, nothing on stdout, and nothing left in `outputFolder`.
func expectCleanFailure(
  _ result: RunResult, expected: String?, outputFolder: URL, _ context: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(!result.timedOut && !result.signaled, "\(context): crashed or hung", sourceLocation: sourceLocation)
  #expect((1...123).contains(result.status), "\(context): status \(result.status)", sourceLocation: sourceLocation)
  #expect(result.stderr.hasPrefix("error: "), "\(context): \(result.stderr.prefix(300))", sourceLocation: sourceLocation)
  #expect(
    result.stderr.filter { $0 == "\n" }.count == 1 && result.stderr.hasSuffix("\n"),
    "\(context): not one line: \(result.stderr.prefix(300))", sourceLocation: sourceLocation)
  for trace in ["Fatal error", "Stack dump", "Current stack trace", "Program crashed", "Backtracing"] {
    #expect(!result.stderr.contains(trace), "\(context): \(trace)", sourceLocation: sourceLocation)
  }
  // The message after the location starts lowercase: `error: F.csv:3:2: duplicate …` (the file
  // name keeps its case).
  var message = result.stderr.dropFirst("error: ".count)
  if let location = message.firstMatch(of: #/^[^\n]*?:\d+:\d+: /#) { message = message[location.range.upperBound...] }
  #expect(!(message.first?.isUppercase ?? false), "\(context): \(result.stderr)", sourceLocation: sourceLocation)
  if let expected {
    #expect(result.stderr == "error: \(expected)\n", "\(context)", sourceLocation: sourceLocation)
  }
  #expect(result.stdout.isEmpty, "\(context): stdout \(result.stdout.prefix(200))", sourceLocation: sourceLocation)
  let left = (try? FileManager.default.contentsOfDirectory(atPath: outputFolder.path)) ?? []
  #expect(left.isEmpty, "\(context): left behind \(left)", sourceLocation: sourceLocation)
}

@Suite struct BadInputTests {
  @Test func theCorpusIsLargeAndEveryFileIsInTheManifest() throws {
    let cases = try BadInputCase.manifest()
    let files = try FileManager.default.contentsOfDirectory(atPath: ReliabilityCommands.badFolder.path)
      .filter { $0.hasSuffix(".csv") }
    #expect(files.count >= 40)
    #expect(Set(files) == Set(cases.map(\.file)))
  }

  /// Every bad file through every command that reads it, at the manifest's exact line:column
  /// (one test case per command; the cases run in parallel).
  @Test(arguments: ReliabilityCommands.series)
  func everyCommandRejectsEveryBadFileWithOneLocatedLine(command: SeriesCommand) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let cases = try BadInputCase.manifest().filter { item in
      item.commands == "series" && !(command.isSecondInput && item.remapsColumns)
        && !(command.firstInputIsCalendar && item.extraArguments.contains("--frequency"))
    }
    #expect(cases.count >= 40)
    for item in cases {
      let path = ReliabilityCommands.badFolder.appendingPathComponent(item.file).path
      let result = try CLI.attain(
        command.arguments(path, ReliabilityCommands.history) + item.extraArguments
          + ["--output", out.appendingPathComponent("out.csv").path])
      expectCleanFailure(result, expected: "\(path):\(item.expected)", outputFolder: out, "\(command) \(item)")
    }
  }

  /// The transaction-shaped bad files through `aggregate`.
  @Test func aggregateRejectsEveryBadTransactionFile() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    for item in try BadInputCase.manifest() where item.commands == "aggregate" {
      let path = ReliabilityCommands.badFolder.appendingPathComponent(item.file).path
      let result = try CLI.attain(
        ReliabilityCommands.aggregate(path) + item.extraArguments + ["--output", out.appendingPathComponent("out.csv").path])
      expectCleanFailure(result, expected: "\(path):\(item.expected)", outputFolder: out, "aggregate \(item)")
    }
  }

  /// Every bad scenario file through `simulate --scenarios`: located at the offending value
  /// (`FILE:LINE:COLUMN`, column in characters), before any simulation runs.
  @Test func simulateRejectsEveryBadScenarioFileAtTheValue() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let text = try String(
      contentsOf: ReliabilityCommands.badScenarioFolder.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
    let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").map(String.init) }
    let files = try FileManager.default.contentsOfDirectory(atPath: ReliabilityCommands.badScenarioFolder.path)
      .filter { $0.hasSuffix(".json") }
    #expect(files.count >= 40)
    #expect(Set(files) == Set(rows.map { $0[0] }))
    for row in rows {
      let path = ReliabilityCommands.badScenarioFolder.appendingPathComponent(row[0]).path
      let result = try CLI.attain([
        "simulate", ReliabilityCommands.history, "--horizon", "6", "--paths", "200", "--scenarios", path,
        "--output", out.appendingPathComponent("out.csv").path,
      ])
      expectCleanFailure(result, expected: "\(path):\(row[1])", outputFolder: out, "simulate --scenarios \(row[0])")
    }
  }

  /// Awkward but valid scenario files (byte-order mark, CRLF, nulls, escapes, non-ASCII names,
  /// a ramp starting after the horizon, an empty list) simulate with finite numbers.
  @Test func simulateAcceptsAwkwardScenarioFiles() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: ReliabilityCommands.edgeScenarioFolder.path)
      .filter { $0.hasSuffix(".json") }.sorted()
    #expect(files.count >= 2)
    for file in files {
      let path = ReliabilityCommands.edgeScenarioFolder.appendingPathComponent(file).path
      let result = try CLI.attain([
        "simulate", ReliabilityCommands.history, "--horizon", "6", "--paths", "200", "--scenarios", path,
      ])
      #expect(result.status == 0 && !result.signaled, "\(file): \(result.stderr)")
      let lines = result.stdout.split(separator: "\n").dropFirst()
      #expect(lines.contains { $0.hasPrefix("baseline,") }, "\(file)")
      for line in lines {
        // The name may hold commas (quoted); the last 7 fields are numbers.
        let numbers = line.split(separator: ",").suffix(7)
        #expect(numbers.allSatisfy { Double($0)?.isFinite ?? false }, "\(file): \(line)")
      }
    }
  }

  /// A corrupted bundled data set: `demo` fails with one located line and leaves no output folder.
  @Test func demoRejectsACorruptedDataFolder() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = dir.appendingPathComponent("data/superstore")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let original = try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent("datasets/superstore/superstore-orders.csv"), encoding: .utf8)
    let head = original.split(separator: "\n", maxSplits: 50).prefix(50).joined(separator: "\n")
    let file = data.appendingPathComponent("superstore-orders.csv")
    try Data((head + "\ngarbage,\"unterminated\n").utf8).write(to: file)
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let result = try CLI.attain([
      "demo", "--data-dir", dir.appendingPathComponent("data").path, "--output-dir", out.appendingPathComponent("demo").path,
    ])
    expectCleanFailure(result, expected: "\(file.path):51:2: unterminated quoted field", outputFolder: out, "demo")
  }

  /// The other CSV inputs (targets, group maps, holidays, organisation units, events, future
  /// drivers), each in its command: structural and value faults fail with one located line.
  @Test(arguments: AuxiliaryInput.all)
  func everyAuxiliaryInputRejectsBadFilesWithOneLocatedLine(role: AuxiliaryInput) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    for (name, bytes) in role.badFiles() {
      let file = dir.appendingPathComponent("\(name).csv")
      try Data(bytes).write(to: file)
      let result = try CLI.attain(role.arguments(file.path) + ["--output", out.appendingPathComponent("out.csv").path])
      let context = "\(role) \(name)"
      expectCleanFailure(result, expected: nil, outputFolder: out, context)
      // `error: FILE:LINE:COLUMN: …` naming the auxiliary file.
      let location = result.stderr.dropFirst("error: \(file.path):".count).prefix { $0 != " " }
      #expect(result.stderr.hasPrefix("error: \(file.path):"), "\(context): \(result.stderr)")
      #expect(
        location.split(separator: ":").count == 2 && location.split(separator: ":").allSatisfy { Int($0) ?? 0 >= 1 },
        "\(context): \(result.stderr)")
    }
  }

  /// The file name in the message keeps its case (`Sales.csv`, not `sales.csv`), for CSV and
  /// scenario files alike.
  @Test func fileNamesKeepTheirCase() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("unique_id,ds,y\na,1,1\na,2,nan\n".utf8).write(to: dir.appendingPathComponent("Sales.csv"))
    try Data("{\"scenarios\": [{\"name\": \"a\", \"growth\": -2}]}".utf8).write(to: dir.appendingPathComponent("Plan.json"))
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let csv = try CLI.attain(["forecast", "Sales.csv", "--output", "out/o.csv"], in: dir)
    expectCleanFailure(csv, expected: "Sales.csv:3:3: non-finite value 'nan' in column 'y'", outputFolder: out, "Sales.csv")
    try Data("unique_id,ds,y\na,1,1\na,2,3\n".utf8).write(to: dir.appendingPathComponent("Sales.csv"))
    let json = try CLI.attain(["simulate", "Sales.csv", "--scenarios", "Plan.json", "--output", "out/o.csv"], in: dir)
    expectCleanFailure(
      json, expected: "Plan.json:1:40: scenarios[0].growth must exceed -1, got -2", outputFolder: out, "Plan.json")
  }

  /// Numbers in range for their type but not for their column: negative targets and histories, a
  /// probability outside (0, 1), a unit whose targets sum to zero — located at the value (the
  /// zero total at the unit's first target row).
  @Test func outOfRangeValuesAreLocated() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let monthly = ReliabilityCommands.monthly
    let range = ["--from", "2020-01-01", "--to", "2020-12-31", "--output", "out/o.csv"]
    let cases: [(file: String, text: String, arguments: [String], expected: String)] = [
      ("T.csv", "unique_id,target\na,100\na,-5\n", ["evaluate", monthly, "--targets", "T.csv"] + range,
       "T.csv:3:2: value '-5' in column 'target' must be ≥ 0"),
      ("Z.csv", "unique_id,target\na,0\na,0\n", ["evaluate", monthly, "--targets", "Z.csv"] + range,
       "Z.csv:2:2: value '0.0' in column 'target' must be > 0 (the unit's total)"),
      ("P.csv", "unique_id,target,probability\na,100,1.5\n", ["evaluate", monthly, "--targets", "P.csv"] + range,
       "P.csv:2:3: value '1.5' in column 'probability' must be in (0, 1)"),
      ("U.csv", "unique_id,parent,history\nall,,10\nb,all,-3\n",
       ["decompose", "--target", "100", "--units", "U.csv", "--output", "out/o.csv"],
       "U.csv:3:3: value '-3' in column 'history' must be ≥ 0"),
    ]
    for c in cases {
      try Data(c.text.utf8).write(to: dir.appendingPathComponent(c.file))
      let result = try CLI.attain(c.arguments, in: dir)
      expectCleanFailure(result, expected: c.expected, outputFolder: out, c.file)
    }
  }

  /// Standard input is named `<stdin>` in the message.
  @Test func badStandardInputIsNamedStdin() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try CLI.attain(
      ["forecast", "-", "--output", dir.appendingPathComponent("out.csv").path],
      input: "unique_id,ds,y\na,1,1\na,2,nan\n")
    expectCleanFailure(
      result, expected: "<stdin>:3:3: non-finite value 'nan' in column 'y'", outputFolder: dir, "stdin")
  }

  /// A 10 MB field (generated here, not committed): a located, short message, for every command.
  @Test func tenMegabyteFieldsGiveAShortLocatedError() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let big = String(repeating: "x", count: 10_000_000)
    let files: [(String, String, String)] = [
      ("value.csv", "unique_id,ds,y\na,1,\(big)\n",
       "2:3: non-numeric value '\(String(repeating: "x", count: 60))…(10000000 characters)' in column 'y'"),
      ("quote.csv", "unique_id,ds,y\na,1,\"\(big)\n", "2:3: unterminated quoted field"),
      ("date.csv", "unique_id,ds,y\na,1\(big),1\n",
       "2:2: invalid date '1\(String(repeating: "x", count: 59))…(10000001 characters)' (expected YYYY-MM-DD or a positive integer period index)"),
    ]
    for (name, text, expected) in files {
      let url = dir.appendingPathComponent(name)
      try Data(text.utf8).write(to: url)
      for command in ReliabilityCommands.series.prefix(2) {
        let result = try CLI.attain(
          command.arguments(url.path, ReliabilityCommands.history) + ["--output", out.appendingPathComponent("o.csv").path])
        expectCleanFailure(result, expected: "\(url.path):\(expected)", outputFolder: out, "\(command) \(name)")
        #expect(result.stderr.utf8.count < 400)
      }
    }
  }

  /// Bad option values: one `error: ` line, status 64, no output, for every command taking them.
  @Test(arguments: [
    (["--horizon", "0"], "--horizon must be a positive number of periods, got 0"),
    (["--horizon=-3"], "--horizon must be a positive number of periods, got -3"),
    (["--horizon", "1000000000000"], "--horizon must be at most 10000 periods, got 1000000000000"),
    (["--horizon", "abc"], "the value 'abc' is invalid for '--horizon <horizon>'"),
    (["--model", "bogus"], "unknown --model 'bogus'"),
    (["--model", "window:0"], "unknown --model 'window:0'"),
    (["--model", "arima:1,x,1"], "invalid --model 'arima:1,x,1': expected three integers p,d,q, got '1,x,1'"),
    (["--model", "arima:0,3,1"], "invalid --model 'arima:0,3,1': each order must be in 0...2 in '0,3,1'"),
    (["--model", "ets:QAN"], "invalid --model 'ets:QAN': expected a code like MAM, AAdN or ZZZ, got QAN"),
    (["--level", "0"], "--level must be between 0 and 100 (exclusive), got 0.0"),
    (["--level", "100"], "--level must be between 0 and 100 (exclusive), got 100.0"),
    (["--level", "150"], "--level must be between 0 and 100 (exclusive), got 150.0"),
    (["--level", "nan"], "--level must be between 0 and 100 (exclusive), got nan"),
    (["--season-length", "0"], "--season-length must be at least 1, got 0"),
    (["--season-length", "9223372036854775807"], "--season-length must be at most 10000, got 9223372036854775807"),
    (["--threads", "0"], "--threads must be at least 1, got 0"),
    (["--fill", "maybe"], "the value 'maybe' is invalid for '--fill <fill>'"),
    (["--frequency", "fortnightly"], "the value 'fortnightly' is invalid for '--frequency <frequency>'"),
  ])
  func badOptionValuesAreOneLine(options: [String], expected: String) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for command in ReliabilityCommands.series where command.takesModelOptions {
      let result = try CLI.attain(
        command.arguments(ReliabilityCommands.history, ReliabilityCommands.history) + options
          + ["--output", dir.appendingPathComponent("out.csv").path])
      expectCleanFailure(result, expected: nil, outputFolder: dir, "\(command) \(options)")
      #expect(result.status == 64, "\(command) \(options)")
      #expect(result.stderr.hasPrefix("error: \(expected)"), "\(command) \(options): \(result.stderr)")
    }
  }

  /// Probabilities outside (0, 1) and non-positive path counts: one `error: ` line, status 64.
  @Test(arguments: [
    ["recommend", "--probability", "0"], ["recommend", "--probability", "1.5"], ["recommend", "--probability", "nan"],
    ["recommend", "--probability", "0.5", "--paths", "0"], ["simulate", "--paths", "0"],
  ])
  func badSimulationOptionsAreOneLine(arguments: [String]) throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try CLI.attain(
      [arguments[0], ReliabilityCommands.history] + arguments.dropFirst()
        + ["--output", dir.appendingPathComponent("out.csv").path])
    expectCleanFailure(result, expected: nil, outputFolder: dir, "\(arguments)")
    #expect(result.status == 64, "\(arguments): \(result.stderr)")
    #expect(result.stderr.hasPrefix("error: "), "\(arguments): \(result.stderr)")
  }

  @Test func backtestOptionValues() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for (options, expected) in [
      (["--windows", "0"], "error: --windows must be at least 1, got 0\n"),
      (["--step", "0"], "error: --step must be at least 1, got 0\n"),
    ] {
      let result = try CLI.attain(
        ["backtest", ReliabilityCommands.history] + options + ["--output", dir.appendingPathComponent("o.csv").path])
      expectCleanFailure(result, expected: nil, outputFolder: dir, "backtest \(options)")
      #expect(result.stderr == expected)
    }
  }
}

/// A CSV input other than the series (targets, group map, …) in the command that reads it.
struct AuxiliaryInput: Sendable, CustomStringConvertible {
  var description: String
  /// The header and one valid row.
  var header: String
  var row: String
  /// The field of `row` that must be a finite number, if any.
  var numericField: Int?
  /// Whether an empty numeric field is a file fault (else it means "absent", a planning question).
  var rejectsEmpty = true
  var arguments: @Sendable (_ file: String) -> [String]

  /// Faulty variants of the valid file: empty, header only, binary, invalid UTF-8, unterminated
  /// quote, ragged rows (also with CRLF), a missing column, and bad numbers in the numeric field.
  func badFiles() -> [(String, [UInt8])] {
    var files: [(String, [UInt8])] = [
      ("empty", []),
      ("header-only", Array("\(header)\n".utf8)),
      ("binary", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]),
      ("invalid-utf8", Array("\(header)\n".utf8) + [0xFF] + Array("\(row)\n".utf8)),
      ("unterminated-quote", Array("\(header)\n\"\(row)\n".utf8)),
      ("ragged", Array("\(header)\n\(row),extra\n".utf8)),
      ("ragged-crlf", Array("\(header)\r\n\(row)\r\n\(row),x\r\n".utf8)),
      ("missing-column", Array("foo,bar\n\(row)\n".utf8)),
    ]
    if let k = numericField {
      for value in ["nan", "abc", "1e999"] + (rejectsEmpty ? [""] : []) {
        var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[k] = value
        files.append(("value-\(value.isEmpty ? "empty" : value)", Array("\(header)\n\(fields.joined(separator: ","))\n".utf8)))
      }
    }
    return files
  }

  static let all: [AuxiliaryInput] = {
    let index = ReliabilityCommands.history
    let monthly = ReliabilityCommands.monthly
    let drivers = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/edge/numeric-drivers.csv").path
    let range = ["--from", "2020-01-01", "--to", "2020-12-31"]
    return [
      AuxiliaryInput(description: "simulate --targets", header: "unique_id,target", row: "a,100", numericField: 1) {
        ["simulate", index, "--paths", "100", "--targets", $0]
      },
      AuxiliaryInput(description: "simulate --group-map", header: "unique_id,group", row: "a,g") {
        ["simulate", index, "--paths", "100", "--group-map", $0]
      },
      AuxiliaryInput(description: "recommend --targets", header: "unique_id,target", row: "a,100", numericField: 1) {
        ["recommend", index, "--paths", "100", "--probability", "0.5", "--targets", $0]
      },
      AuxiliaryInput(description: "recommend --group-map", header: "unique_id,group", row: "a,g") {
        ["recommend", index, "--paths", "100", "--probability", "0.5", "--group-map", $0]
      },
      AuxiliaryInput(description: "track --targets", header: "unique_id,target", row: "a,100", numericField: 1) {
        ["track", monthly, "--targets", $0, "--as-of", "2020-03-31", "--paths", "100"]
      },
      AuxiliaryInput(description: "evaluate --targets", header: "unique_id,target", row: "a,100", numericField: 1) {
        ["evaluate", monthly, "--targets", $0] + range
      },
      AuxiliaryInput(description: "decompose --holidays", header: "date", row: "2020-01-01") {
        ["decompose", "--target", "1000", "--holidays", $0] + range
      },
      // An empty history is a planning question (`unit a has no valid lastYear`), not a file fault.
      AuxiliaryInput(
        description: "decompose --units", header: "unique_id,parent,history", row: "a,,5", numericField: 2,
        rejectsEmpty: false
      ) {
        ["decompose", "--target", "1000", "--units", $0]
      },
      AuxiliaryInput(description: "forecast --events", header: "date,event", row: "2020-01-01,x") {
        ["forecast", drivers, "--model", "regression", "--events", $0, "--horizon", "1"]
      },
      AuxiliaryInput(description: "forecast --future", header: "unique_id,ds,price,promo", row: "a,31,1.5,1", numericField: 2) {
        ["forecast", drivers, "--model", "regression", "--drivers", "price,promo", "--future", $0, "--horizon", "1"]
      },
    ]
  }()
}
