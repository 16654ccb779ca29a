import AttainData
import AttainForecast
import Testing

@testable import AttainReport

@Suite struct ForecastReportTests {
  /// Three monthly series of different volume with 3-step forecasts at 80 and 95 %.
  func sample() throws -> ForecastReport {
    let start = PeriodStamp.date(try #require(CalendarDate(year: 2024, month: 1, day: 1)))
    var panel = Panel(frequency: .monthly)
    panel.append(id: "small", start: start, values: [1, 2, 3, 4, 5, 6])
    panel.append(id: "large & <loud>", start: start, values: [100, 110, 120, 130, 140, 150])
    panel.append(id: "medium", start: start, values: [10, 10, 10, 10, 10, 10])
    func forecast(_ level: Double) -> Forecast {
      Forecast(
        mean: [level, level, level], levels: [80, 95], lower: [[level - 1, level - 1, level - 1], [level - 2, level - 2, level - 2]],
        upper: [[level + 1, level + 1, level + 1], [level + 2, level + 2, level + 2]])
    }
    return ForecastReport(
      panel: panel, forecasts: [forecast(7), forecast(160), forecast(10)], methods: ["Naive", "AutoETS", "AutoETS"],
      warnings: ["small: fell back to Naive"], source: "sales.csv", maximumCharts: 2)
  }

  @Test func sectionsAndOrder() throws {
    let report = try sample()
    #expect(report.seriesByVolume() == [1, 2, 0])
    let sections = report.sections()
    #expect(sections.map(\.heading) == ["Summary", "Inputs", "Forecasts", "Forecast table", "Warnings"])
    let html = report.report(title: "Forecast").html()
    let doc = try #require(parseXML(html).0)
    // Two charts (maximumCharts), largest series first, titled by the escaped id.
    #expect(doc.elements(named: "svg").count == 2)
    let chartTitles = doc.elements(named: "text", className: "chart-title").map(\.text)
    #expect(chartTitles == ["large & <loud>", "medium"])
    // Totals: last 3 actual = 4+5+6 + 130+140+150 + 30 = 465; next 3 = 21 + 480 + 30 = 531; change = +14.2%.
    let figures = doc.elements.filter { $0.attributes["class"] == "figure-value" }.map(\.text)
    #expect(figures == ["3", "531", "465", "+14.2%"])
    // Table rows by volume; the first row's cells.
    let cells = doc.elements(named: "td").map(\.text)
    let start = try #require(cells.firstIndex(of: "large & <loud>"))  // after the 8 × 2 inputs cells
    #expect(start == 16)
    let firstRow = Array(cells[start..<(start + 7)])
    #expect(firstRow == ["large & <loud>", "AutoETS", "420", "480", "14.3%", "160", "158 – 162"])
    #expect(doc.elements(named: "th").map(\.text).last == "95% interval, next period")
    for svg in report.sections().flatMap(\.blocks) {
      if case .chart(let text, _) = svg { try checkSVG(text) }
    }
  }

  @Test func fanChartLabelsAreCalendarMonths() throws {
    let chart = try sample().fanChart(for: 1)
    #expect(chart.periodLabels.first == "Jan 2024")
    #expect(chart.periodLabels.last == "Sep 2024")
    #expect(chart.history.count == 6 && chart.forecast.count == 3 && chart.bands.count == 2)
  }

  @Test func emptyPanel() throws {
    let report = ForecastReport(panel: Panel(frequency: .monthly), forecasts: [], methods: [], source: "empty.csv")
    let doc = try #require(parseXML(report.report(title: "Empty").html()).0)
    #expect(doc.elements(named: "svg").isEmpty)
  }
}
