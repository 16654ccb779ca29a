import Foundation
import Testing

/// Checks the error contract: exactly one stderr line starting with `error: `, a status in 1…123.
func expectOneLineError(
  _ result: RunResult, _ expected: String, status: Int32 = 1, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(result.status == status, sourceLocation: sourceLocation)
  #expect((1...123).contains(result.status), sourceLocation: sourceLocation)
  #expect(result.stderr == expected + "\n", sourceLocation: sourceLocation)
  #expect(result.stderr.hasPrefix("error: "), sourceLocation: sourceLocation)
  #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
}

let ordersPath = CLI.repositoryRoot.appendingPathComponent("datasets/superstore/superstore-orders.csv").path
let superstoreArguments = [
  "--date-column", "Order Date", "--date-format", "M/D/YYYY", "--group-by", "Region,Category",
  "--value-column", "Sales", "--frequency", "monthly",
]

@Suite struct CLITests {
  @Test func helpPrintsToStdoutAndExitsZero() throws {
    for arguments in [["--help"], ["aggregate", "--help"], ["help", "demo"]] {
      let result = try CLI.attain(arguments)
      #expect(result.status == 0, "\(arguments)")
      #expect(result.stdout.contains("USAGE:"), "\(arguments)")
      #expect(result.stderr.isEmpty)
    }
  }

  @Test func usageErrorsAreOneLowercaseLine() throws {
    let missing = try CLI.attain(["aggregate"])
    expectOneLineError(missing, "error: missing expected argument '<file>'", status: 64)
    let badFrequency = try CLI.attain([
      "aggregate", ordersPath, "--date-column", "d", "--value-column", "v", "--frequency", "fortnightly",
    ])
    #expect(badFrequency.status == 64)
    #expect(badFrequency.stderr.hasPrefix("error: the value 'fortnightly' is invalid for '--frequency"))
    #expect(badFrequency.stderr.filter { $0 == "\n" }.count == 1)
    let badFormat = try CLI.attain([
      "aggregate", ordersPath, "--date-column", "d", "--value-column", "v", "--date-format", "QQ",
    ])
    #expect(badFormat.status == 64)
    #expect(badFormat.stderr.hasPrefix("error: "))
    #expect(badFormat.stderr.filter { $0 == "\n" }.count == 1)
    let unknown = try CLI.attain(["frobnicate"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.hasPrefix("error: "))
    #expect(unknown.stderr.filter { $0 == "\n" }.count == 1)
  }

  @Test func aggregateWritesTheSameCSVToFileAndStdout() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let toStdout = try CLI.attain(["aggregate", ordersPath] + superstoreArguments)
    #expect(toStdout.status == 0)
    #expect(toStdout.stderr.isEmpty)
    #expect(toStdout.stdout.hasPrefix("unique_id,ds,y\nCentral/Furniture,2014-01-01,506.358\n"))
    #expect(toStdout.stdout.split(separator: "\n").count == 1 + 12 * 48)
    let toFile = try CLI.attain(["aggregate", ordersPath] + superstoreArguments + ["--output", "out.csv"], in: dir)
    #expect(toFile.status == 0)
    #expect(toFile.stdout.isEmpty)
    let written = try String(contentsOf: dir.appendingPathComponent("out.csv"), encoding: .utf8)
    #expect(written == toStdout.stdout)
    // No temporary files are left next to the output.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.csv"])
  }

  @Test func aggregateReadsStdin() throws {
    let input = "when,who,amount\n2024-01-31,b,1.5\n2024-03-01,a,2\n"
    let result = try CLI.attain(
      ["aggregate", "-", "--date-column", "when", "--group-by", "who", "--value-column", "amount"], input: input)
    #expect(result.status == 0)
    #expect(
      result.stdout
        == "unique_id,ds,y\na,2024-01-01,0.0\na,2024-02-01,0.0\na,2024-03-01,2.0\nb,2024-01-01,1.5\nb,2024-02-01,0.0\nb,2024-03-01,0.0\n"
    )
  }

  @Test func inputErrorsNameFileLineAndFieldAndLeaveNoOutput() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "day,amount\n2024-01-01,1\n2024-01-02,lots\n".write(
      to: dir.appendingPathComponent("tx.csv"), atomically: true, encoding: .utf8)
    let result = try CLI.attain(
      ["aggregate", "tx.csv", "--date-column", "day", "--value-column", "amount", "--output", "out.csv"], in: dir)
    expectOneLineError(result, "error: tx.csv:3:2: non-numeric value 'lots' in column 'amount'")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["tx.csv"])

    let stdin = try CLI.attain(
      ["aggregate", "-", "--date-column", "day", "--value-column", "amount"], input: "day,amount\n")
    expectOneLineError(stdin, "error: <stdin>:2:1: header only, no data rows")

    let missing = try CLI.attain(["aggregate", "nope.csv", "--date-column", "d", "--value-column", "v"], in: dir)
    expectOneLineError(missing, "error: nope.csv: cannot read: No such file or directory")

    // A value with an embedded line break stays on one line.
    try "day,amount\n2024-01-01,\"1\n2\"\n".write(
      to: dir.appendingPathComponent("nl.csv"), atomically: true, encoding: .utf8)
    let newline = try CLI.attain(["aggregate", "nl.csv", "--date-column", "day", "--value-column", "amount"], in: dir)
    expectOneLineError(newline, "error: nl.csv:2:2: non-numeric value '1\\n2' in column 'amount'")
  }

  @Test func failureKeepsAnExistingOutputAndDashMeansStdout() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out.csv")
    try "previous results\n".write(to: out, atomically: true, encoding: .utf8)
    let input = "day,amount\n2024-01-01,1\n2024-01-02,-\n"
    let failed = try CLI.attain(
      ["aggregate", "-", "--date-column", "day", "--value-column", "amount", "--output", "out.csv"], in: dir,
      input: input)
    expectOneLineError(failed, "error: <stdin>:3:2: non-numeric value '-' in column 'amount'")
    #expect(try String(contentsOf: out, encoding: .utf8) == "previous results\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.csv"])
    let dash = try CLI.attain(
      ["aggregate", "-", "--date-column", "day", "--value-column", "amount", "--output", "-"],
      input: "day,amount\n2024-01-01,1\n")
    #expect(dash.status == 0)
    #expect(dash.stdout == "unique_id,ds,y\ntotal,2024-01-01,1.0\n")
  }

  @Test func failedWriteLeavesNoFile() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let result = try CLI.attain(
      ["aggregate", ordersPath] + superstoreArguments + ["--output", "missing-dir/out.csv"], in: dir)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error: missing-dir/out.csv: cannot write: "))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  @Test func demoAggregatesTheBundledData() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = CLI.repositoryRoot.appendingPathComponent("datasets").path
    let result = try CLI.attain(["demo", "--data-dir", data, "--output-dir", "results"], in: dir)
    #expect(result.status == 0)
    #expect(result.stdout.contains("12 series (Region/Category), 48 monthly periods from 2014-01-01 to 2017-12-01\n"))
    #expect(result.stdout.contains("total sales 2297200.86\n"))
    let series = try String(contentsOf: dir.appendingPathComponent("results/sales-monthly.csv"), encoding: .utf8)
    #expect(series.hasPrefix("unique_id,ds,y\n"))
    let missing = try CLI.attain(["demo", "--data-dir", "/nonexistent"], in: dir)
    #expect(missing.status == 64)
    #expect(missing.stderr.hasPrefix("error: bundled data not found"))
  }

  @Test func benchReadCSVReportsThroughput() throws {
    let m3 = CLI.repositoryRoot.appendingPathComponent("datasets/m3/m3-train.csv").path
    let result = try CLI.attain(["bench", "read-csv", m3, "--repeats", "1"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("seconds="))
    #expect(result.stdout.contains("rows=199196 series=3003"))
  }
}
