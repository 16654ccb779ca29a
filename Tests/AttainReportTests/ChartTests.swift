import AttainWorkflow
import Foundation
import Testing

@testable import AttainReport

/// Inputs that every chart must survive: empty, one point, constant, negative, huge, non-finite.
enum EdgeInput: String, CaseIterable, CustomTestStringConvertible {
  case empty, single, constant, negative, huge, nonFinite, allNonFinite

  var values: [Double] {
    switch self {
    case .empty: []
    case .single: [42]
    case .constant: Array(repeating: 7, count: 12)
    case .negative: (0..<12).map { -1000 - 50 * Double($0) }
    case .huge: (0..<12).map { 1e12 * (1 + 0.1 * Double($0)) }
    case .nonFinite: [1, 2, .nan, 4, .infinity, 6, -.infinity, 8, 9, 10, 11, 12]
    case .allNonFinite: [.nan, .infinity, -.infinity]
    }
  }
  var testDescription: String { rawValue }
}

@Suite struct FanChartTests {
  func sample() -> FanChart {
    let history: [Double] = (0..<24).map { (i: Int) -> Double in let t = Double(i); return 1000 + 40 * t + 120 * sin(t * Double.pi / 6) }
    let forecast = (0..<12).map { 1960 + 40 * Double($0) }
    let bands = [50.0, 80, 95].map { level in
      let z = level == 50 ? 0.674 : level == 80 ? 1.2816 : 1.96
      return IntervalBand(
        level: level, lower: forecast.enumerated().map { $0.element - z * 60 * sqrt(Double($0.offset + 1)) },
        upper: forecast.enumerated().map { $0.element + z * 60 * sqrt(Double($0.offset + 1)) })
    }
    let labels = (0..<36).map { "M\($0 + 1)" }
    return FanChart(title: "Monthly sales", history: history, forecast: forecast, bands: bands, periodLabels: labels, valueAxisTitle: "Units")
  }

  @Test func structure() throws {
    let doc = try checkSVG(sample().svg())
    #expect(doc.elements(named: "path", className: "band").count == 3)
    #expect(doc.elements(named: "path", className: "history").count == 1)
    #expect(doc.elements(named: "path", className: "forecast").count == 1)
    let texts = doc.allText
    #expect(texts.contains("Monthly sales"))
    #expect(texts.contains("95% interval") && texts.contains("80% interval") && texts.contains("50% interval"))
    #expect(texts.contains("M1"))
    // Y tick labels are the nice ticks of the data range.
    let ticks = doc.elements(named: "text", className: "tick-label").map(\.text)
    #expect(ticks.contains("1.5k") || ticks.contains("1,500") || ticks.contains("2.0k"))
  }

  /// The widest band is drawn first (under the narrower ones).
  @Test func widestBandFirst() throws {
    var chart = sample()
    chart.bands.reverse()
    let doc = try checkSVG(chart.svg())
    let bands = doc.elements(named: "path", className: "band").compactMap { $0.attributes["d"] }
    #expect(bands.count == 3)
    #expect(bands.map(\.count) == bands.map(\.count))  // same number of vertices
    let spans = bands.map { d -> Double in
      let ys = d.split(whereSeparator: { " MLZ".contains($0) }).compactMap { Double($0) }.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
      return (ys.max() ?? 0) - (ys.min() ?? 0)
    }
    #expect(spans[0] > spans[1] && spans[1] > spans[2])
  }

  @Test(arguments: EdgeInput.allCases)
  func edgeCases(input: EdgeInput) throws {
    let v = input.values
    let bands = [IntervalBand(level: 80, lower: v.map { $0 - 1 }, upper: v.map { $0 + 1 })]
    try checkSVG(FanChart(title: "Edge", history: v, forecast: v, bands: bands).svg())
    try checkSVG(FanChart(title: "Edge", history: v, forecast: []).svg())
    try checkSVG(FanChart(title: "Edge", history: [], forecast: v, bands: bands).svg())
  }

  @Test func escapesText() throws {
    let chart = FanChart(title: "A&B <Sales> \"quoted\" 'x'", history: [1, 2], forecast: [3], periodLabels: ["<1>", "&2", "3\u{1}"])
    let doc = try checkSVG(chart.svg())
    #expect(doc.allText.contains("A&B <Sales> \"quoted\" 'x'"))
    #expect(doc.allText.contains("&2"))
  }
}

@Suite struct AttainmentCurveTests {
  let totals = (1...1000).map(Double.init)
  let tiers: [(name: String, probability: Double)] = [("Commit", 0.9), ("Target", 0.6), ("Stretch", 0.3)]

  @Test func empiricalCurveAndTiers() throws {
    let chart = AttainmentCurve(title: "Attainment", simulatedTotals: totals, tiers: tiers, points: 11)
    #expect(chart.targets.count == 11)
    #expect(chart.probabilities.first == 1)
    #expect(chart.probabilities.last == 0.001)  // only the maximum is ≥ the maximum
    #expect(zip(chart.probabilities, chart.probabilities.dropFirst()).allSatisfy { $0 >= $1 })
    // Type-7 quantiles: Q(0.1) = 1 + 999·0.1 = 100.9, Q(0.4) = 400.6, Q(0.7) = 700.3.
    let targets = chart.tiers.map(\.target)
    for (t, e) in zip(targets, [100.9, 400.6, 700.3]) { #expect(abs(t - e) <= 1e-9 * e) }
    let doc = try checkSVG(chart.svg())
    #expect(doc.elements(named: "circle", className: "tier-marker").count == 3)
    let labels = doc.elements(named: "text", className: "tier-label").map(\.text)
    #expect(labels == ["Commit · 90% · 101", "Target · 60% · 401", "Stretch · 30% · 700"])
    let ticks = doc.elements(named: "text", className: "tick-label").map(\.text)
    #expect(["0%", "20%", "40%", "60%", "80%", "100%"].allSatisfy(ticks.contains))
  }

  @Test(arguments: EdgeInput.allCases)
  func edgeCases(input: EdgeInput) throws {
    try checkSVG(AttainmentCurve(title: "Edge", simulatedTotals: input.values, tiers: tiers).svg())
    let v = input.values
    try checkSVG(
      AttainmentCurve(
        title: "Edge", targets: v, probabilities: v.map { $0 / 1000 },
        tiers: [AttainmentTier(name: "T", probability: 0.5, target: v.first ?? 0)]
      ).svg())
  }
}

@Suite struct HistogramTests {
  @Test func barsMatchBinsAndShareAbove() throws {
    let values = (1...100).map(Double.init)
    let chart = Histogram(title: "Totals", values: values, binCount: 10, target: 61)
    let bins = chart.bins()
    #expect(bins.count == 10)
    #expect(bins.map(\.count) == Array(repeating: 10, count: 10))
    #expect(chart.shareAtOrAbove == 0.4)
    let doc = try checkSVG(chart.svg())
    #expect(doc.elements(named: "rect", className: "bar").count == bins.count)
    #expect(doc.elements(named: "text", className: "target-label").map(\.text) == ["Target 61 · 40.0% at or above"])
  }

  @Test func defaultBinCountIsFreedmanDiaconis() {
    // Uniform 1…1000: IQR = 499.5, width = 2·499.5/10 = 99.9, range 999 → 10 bins (clamped to ≥ 5).
    let chart = Histogram(title: "T", values: (1...1000).map(Double.init))
    #expect(chart.bins().count == 10)
    #expect(chart.bins().reduce(0) { $0 + $1.count } == 1000)
  }

  @Test(arguments: EdgeInput.allCases)
  func edgeCases(input: EdgeInput) throws {
    let chart = Histogram(title: "Edge", values: input.values, target: input.values.first { $0.isFinite })
    let doc = try checkSVG(chart.svg())
    #expect(doc.elements(named: "rect", className: "bar").count == chart.bins().count)
    #expect(chart.bins().reduce(0) { $0 + $1.count } == input.values.filter { $0.isFinite }.count)
  }
}

@Suite struct TornadoChartTests {
  @Test func sortedByRange() throws {
    let chart = TornadoChart(
      title: "Sensitivity", baseline: 0.6,
      bars: [
        TornadoBar(name: "Headcount", low: 0.55, high: 0.64),
        TornadoBar(name: "Price", low: 0.40, high: 0.75, lowSetting: "−5%", highSetting: "+5%"),
        TornadoBar(name: "Promotion", low: 0.58, high: 0.70),
        TornadoBar(name: "Broken", low: .nan, high: 0.9),
      ])
    #expect(chart.sortedBars.map(\.name) == ["Price", "Promotion", "Headcount"])
    let doc = try checkSVG(chart.svg())
    #expect(doc.elements(named: "text", className: "bar-name").map(\.text) == ["Price", "Promotion", "Headcount"])
    #expect(doc.elements(named: "rect", className: "bar-low").count == 3)
    #expect(doc.elements(named: "rect", className: "bar-high").count == 3)
    #expect(doc.allText.contains("Base 60%"))
    #expect(doc.allText.contains("+5%: 75%"))
  }

  @Test(arguments: EdgeInput.allCases)
  func edgeCases(input: EdgeInput) throws {
    let bars = input.values.enumerated().map { TornadoBar(name: "Adj \($0.offset)", low: $0.element, high: $0.element * 1.1) }
    try checkSVG(TornadoChart(title: "Edge", baseline: input.values.first ?? .nan, bars: bars).svg())
  }
}

@Suite struct BurnUpChartTests {
  @Test func structure() throws {
    let perPeriod = [90.0, 110, 95, 105, 120]
    let actual = BurnUpChart.cumulative(perPeriod)
    #expect(actual == [90, 200, 295, 400, 520])
    let path = BurnUpChart.cumulative(Array(repeating: 100, count: 12))
    let remaining = 7
    let median = (1...remaining).map { 520 + 100 * Double($0) }
    let bands = [IntervalBand(level: 90, lower: median.enumerated().map { $0.element - 30 * Double($0.offset + 1) },
                              upper: median.enumerated().map { $0.element + 30 * Double($0.offset + 1) })]
    let chart = BurnUpChart(
      title: "FY tracking", periodLabels: (1...12).map { "P\($0)" }, cumulativeActuals: actual, targetPath: path,
      target: 1200, landingBands: bands, landingMedian: median)
    #expect(chart.periodCount == 12)
    let doc = try checkSVG(chart.svg())
    #expect(doc.elements(named: "path", className: "band").count == 1)
    #expect(doc.elements(named: "path", className: "actual").count == 1)
    #expect(doc.elements(named: "path", className: "target-path").count == 1)
    #expect(doc.allText.contains("Target 1.2k"))
    #expect(doc.allText.contains("Median 1.22k"))
    #expect(doc.allText.contains("Now"))
  }

  @Test(arguments: EdgeInput.allCases)
  func edgeCases(input: EdgeInput) throws {
    let v = input.values
    try checkSVG(
      BurnUpChart(
        title: "Edge", cumulativeActuals: v, targetPath: v + v, target: v.last,
        landingBands: [IntervalBand(level: 80, lower: v, upper: v.map { $0 * 2 })], landingMedian: v
      ).svg())
  }
}

/// The checks used above do reject bad documents (so the chart tests can fail).
@Suite struct CheckerSelfTests {
  @Test func rejectsMalformedAndOutOfBounds() {
    #expect(parseXML("<svg><g></svg>").0 == nil)
    #expect(parseXML("<svg><g>").0 == nil)
    #expect(parseXML("<svg><text>a & b</text></svg>").0 == nil)
    #expect(parseXML("<svg viewBox=\"0 0 10 10\"><rect x=\"1\" y=\"1\" width=\"2\" height=\"2\"/></svg>").0 != nil)
    withKnownIssue("coordinate outside the viewBox") {
      try checkSVG("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"20\" cy=\"5\" r=\"1\"/></svg>")
    }
    withKnownIssue("NaN in a path") {
      try checkSVG("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><path d=\"M1 1 L NaN 2\"/></svg>")
    }
  }

  @Test func writerNeverPrintsNonFiniteNumbers() {
    #expect(SVGWriter.number(.nan) == "0")
    #expect(SVGWriter.number(1.005) == "1" || SVGWriter.number(1.005) == "1.01")
    #expect(SVGWriter.number(-12.5) == "-12.5")
    #expect(SVGWriter.number(3.14159) == "3.14")
    #expect(SVGWriter.number(0.07) == "0.07")
    var w = SVGWriter(width: 10, height: 10)
    w.line(0, 0, .nan, 1, stroke: "#000")
    w.rect(0, .infinity, 1, 1, fill: "#000")
    w.polyline([(1, 1), (.nan, 2), (3, 3)], stroke: "#000")
    let doc = w.document(title: "t", description: nil)
    #expect(!doc.contains("line "))
    #expect(doc.contains("M1 1 L3 3"))
  }

  @Test func longTornadoNamesAreShortened() throws {
    let name = String(repeating: "Very long adjustment name ", count: 6)
    let chart = TornadoChart(title: "T", baseline: 0.5, bars: [TornadoBar(name: name, low: 0.4, high: 0.6)])
    let doc = try checkSVG(chart.svg())
    let shown = try #require(doc.elements(named: "text", className: "bar-name").first?.text)
    #expect(shown.hasSuffix("…"))
    #expect(shown.count <= 68)
  }
}

/// Extreme numbers and sizes never crash a chart or print "nan"/"inf".
@Suite struct ExtremeInputTests {
  static let extremes: [Double] = [
    0, -0.0, 1, -1, 1e-300, .leastNonzeroMagnitude, 1e12, -1e12, 1e300, -1e300, .greatestFiniteMagnitude,
    -.greatestFiniteMagnitude, 999_999.5, 0.1 + 0.2, .nan, .infinity, -.infinity,
  ]

  @Test func labelsNeverPrintNonFinite() {
    for v in Self.extremes {
      for text in [
        NumberLabels.grouped(v), NumberLabels.grouped(v, fractionDigits: 3), NumberLabels.compact(v), NumberLabels.percent(v),
        ValueFormat.compact.label(v), SVGWriter.number(v),
      ] {
        #expect(!text.lowercased().contains("nan") && !text.lowercased().contains("inf"), "\(v) → \(text)")
        #expect(!text.isEmpty)
      }
    }
    #expect(NumberLabels.compact(1.23e-7) == "1.23e-07")
    #expect(NumberLabels.compact(.greatestFiniteMagnitude) == "1.8e+308")
    #expect(NumberLabels.compactTicks([0, 5e17, 1e18], step: 5e17) == ["0", "5e+17", "1e+18"])
  }

  @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7])
  func chartsSurviveExtremeValues(pair: Int) throws {
    let v = Self.extremes
    let a = Array(v[(pair * 2)..<min(pair * 2 + 6, v.count)])
    let b = a.reversed().map { $0 }
    try checkSVG(FanChart(title: "x", history: a, forecast: b, bands: [IntervalBand(level: 90, lower: b, upper: a)]).svg())
    try checkSVG(Histogram(title: "x", values: a + b, target: a.first).svg())
    try checkSVG(AttainmentCurve(title: "x", simulatedTotals: a + b, tiers: [("C", 0.9)]).svg())
    try checkSVG(TornadoChart(title: "x", baseline: a[0], bars: zip(a, b).map { TornadoBar(name: "n", low: $0, high: $1) }).svg())
    try checkSVG(BurnUpChart(title: "x", cumulativeActuals: a, targetPath: a + b, target: b.first).svg())
  }

  @Test(arguments: [Double.nan, .infinity, -5, 0, 1e9])
  func chartsSurviveOddSizes(size: Double) throws {
    let values = (0..<20).map(Double.init)
    try checkSVG(FanChart(title: "x", history: values, forecast: values, width: size, height: size).svg())
    try checkSVG(Histogram(title: "x", values: values, binCount: Int(min(max(size, -5), 5000).isFinite ? min(max(size, -5), 5000) : 3), width: size, height: size).svg())
    try checkSVG(TornadoChart(title: "x", baseline: 5, bars: [TornadoBar(name: "n", low: 1, high: 9)], width: size, height: size).svg())
    try checkSVG(AttainmentCurve(title: "x", simulatedTotals: values, tiers: [], width: size, height: size).svg())
    try checkSVG(BurnUpChart(title: "x", cumulativeActuals: values, targetPath: values, width: size, height: size).svg())
  }
}

@Suite struct TornadoNameTests {
  /// A name that fits the label column is shown in full.
  @Test func fittingNamesAreNotShortened() throws {
    let chart = TornadoChart(
      title: "T", baseline: 0.5,
      bars: [TornadoBar(name: "Price (elasticity −1.4)", low: 0.4, high: 0.6), TornadoBar(name: "Growth", low: 0.45, high: 0.55)])
    let doc = try checkSVG(chart.svg())
    #expect(doc.elements(named: "text", className: "bar-name").map(\.text) == ["Price (elasticity −1.4)", "Growth"])
  }
}
