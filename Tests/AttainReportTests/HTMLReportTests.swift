import Foundation
import Testing

@testable import AttainReport

@Suite struct HTMLReportTests {
  @Test func wellFormedWithAllSections() throws {
    let html = sampleReport().html()
    let (parsed, error) = parseXML(html)
    let doc = try #require(parsed, "not well-formed XHTML: \(error ?? "")")
    #expect(doc.elements.first?.name == "html")
    #expect(doc.elements(named: "section").count == 6)
    #expect(doc.elements(named: "h2").map(\.text) == ["Summary", "Inputs", "Forecast and accuracy", "Recommended targets", "Scenarios", "Tracking"])
    #expect(doc.elements(named: "svg").count == 5)
    #expect(doc.elements(named: "table").count == 4)
    #expect(doc.elements(named: "script").isEmpty)
    #expect(doc.elements(named: "link").isEmpty)
    // Escaped user text survives the round trip.
    #expect(doc.allText.contains("Price +5% <elastic>"))
    #expect(doc.allText.contains("Recession & churn"))
    // Numeric columns are right-aligned; text columns are not.
    let accuracyHeader = doc.elements(named: "th").filter { ["Model", "MASE"].contains($0.text) }
    #expect(accuracyHeader.map { $0.attributes["class"] ?? "" } == ["", "num"])
    #expect(!html.lowercased().contains("nan"))
    #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/", with: "").contains("http://"))
    #expect(!html.contains("https://"))
  }

  /// Every embedded chart passes the same checks as a standalone chart.
  @Test func embeddedChartsAreValid() throws {
    let report = sampleReport()
    for section in report.sections {
      for case .chart(let svg, _) in section.blocks { try checkSVG(svg) }
    }
  }

  @Test func styleSheetNeedsNoEscaping() {
    #expect(!HTMLReport.styleSheet.contains("<"))
    #expect(!HTMLReport.styleSheet.contains("&"))
  }

  @Test func tableCells() throws {
    let table = ReportTable(header: ["Name", "Value", "Share"], rows: [["a", 1234567, .percent(0.125, fractionDigits: 1)], ["b"]])
    let html = HTMLReport(title: "T", sections: [ReportSection(heading: "H", blocks: [.table(table)])]).html()
    let doc = try #require(parseXML(html).0)
    let cells = doc.elements(named: "td").map(\.text)
    #expect(cells == ["a", "1,234,567", "12.5%", "b", "", ""])
    #expect(ReportCell.number(.nan, .compact).display == "–")
  }

  @Test func escapesTitlesAndControlCharacters() throws {
    let report = HTMLReport(
      title: "Q&A <b>bold</b>", subtitle: "it's \"quoted\"\u{0}\u{7}",
      sections: [ReportSection(heading: "<script>alert(1)</script>", blocks: [.paragraph("a < b && c > d")])])
    let html = report.html()
    let doc = try #require(parseXML(html).0)
    #expect(doc.elements(named: "script").isEmpty)
    #expect(doc.elements(named: "b").isEmpty)
    #expect(doc.elements(named: "h1").first?.text == "Q&A <b>bold</b>")
    #expect(doc.elements(named: "p").contains { $0.text == "a < b && c > d" })
  }

  @Test func emptyReportIsWellFormed() throws {
    let doc = try #require(parseXML(HTMLReport(title: "").html()).0)
    #expect(doc.elements(named: "section").isEmpty)
  }
}

/// Renders the sample report with headless Chromium (`render_check.sh`): the page must not be blank
/// and the browser must log no console errors.
///
/// Runs when `ATTAIN_CHROMIUM_TEST=1` (the script then installs Chromium with apt-get if needed), or
/// when a Chromium binary is already installed (the check then costs a few seconds and needs no network).
/// Without either it is skipped, so `swift test` stays offline and fast on machines without a browser.
/// The screenshot is written to `$ATTAIN_REPORT_SCREENSHOT` or `<tmp>/attain-report/report.png`.
@Suite struct BrowserRenderTests {
  static var chromiumInstalled: Bool {
    let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
    return dirs.contains { dir in
      ["chromium", "chromium-browser", "google-chrome"].contains {
        FileManager.default.isExecutableFile(atPath: "\(dir)/\($0)")
      }
    }
  }
  static var enabled: Bool {
    ProcessInfo.processInfo.environment["ATTAIN_CHROMIUM_TEST"] == "1" || chromiumInstalled
  }

  @Test(.enabled(if: BrowserRenderTests.enabled), .timeLimit(.minutes(10)))
  func rendersWithoutErrors() throws {
    let env = ProcessInfo.processInfo.environment
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("attain-report")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let html = dir.appendingPathComponent("report.html")
    try Data(sampleReport().html().utf8).write(to: html)
    let png = env["ATTAIN_REPORT_SCREENSHOT"] ?? dir.appendingPathComponent("report.png").path
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("render_check.sh")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [script.path, html.path, png, "1100x4600"]
    let errPipe = Pipe()
    process.standardError = errPipe
    process.standardOutput = Pipe()
    try process.run()
    let errData = errPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let stderr = String(decoding: errData, as: UTF8.self)
    #expect(process.terminationStatus == 0, "render_check.sh failed:\n\(stderr.suffix(2000))")
    #expect(FileManager.default.fileExists(atPath: png))
  }
}
