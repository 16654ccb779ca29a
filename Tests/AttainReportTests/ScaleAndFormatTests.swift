import AttainData
import Testing

@testable import AttainReport

@Suite struct NiceTicksTests {
  /// Heckbert's published example (Graphics Gems, 1990): data 105…543, 5 ticks → 100…600 by 100.
  @Test func heckbertExample() {
    let t = NiceTicks(minimum: 105, maximum: 543, count: 5)
    #expect(t.values == [100, 200, 300, 400, 500, 600])
    #expect(t.step == 100)
    #expect(t.fractionDigits == 0)
  }

  /// Heckbert's second example: 2.04…2.16 → 2.00…2.20 by 0.05 (labels "2.00", "2.05", …).
  @Test func heckbertFractionalExample() {
    let t = NiceTicks(minimum: 2.04, maximum: 2.16, count: 5)
    #expect(t.step == 0.05)
    #expect(t.fractionDigits == 2)
    let printed = t.values.map { NumberLabels.grouped($0, fractionDigits: t.fractionDigits) }
    #expect(printed == ["2.00", "2.05", "2.10", "2.15", "2.20"])
  }

  /// Crossing zero with 10 requested ticks: −0.085…0.173 → −0.1…0.2 by 0.05.
  @Test func crossingZero() {
    let t = NiceTicks(minimum: -0.085, maximum: 0.173, count: 10)
    let printed = t.values.map { NumberLabels.grouped($0, fractionDigits: t.fractionDigits) }
    #expect(printed == ["−0.10", "−0.05", "0.00", "0.05", "0.10", "0.15", "0.20"])
  }

  @Test func niceNumberRounding() {
    #expect(NiceTicks.niceNumber(438, round: false) == 500)
    #expect(NiceTicks.niceNumber(125, round: true) == 100)
    #expect(NiceTicks.niceNumber(0.0556, round: true) == 0.05)
    #expect(NiceTicks.niceNumber(7.5, round: true) == 10)
    #expect(NiceTicks.niceNumber(1000, round: false) == 1000)
  }

  @Test(arguments: [
    (0.0, 0.0), (5.0, 5.0), (-3.0, -3.0), (1e12, 1e12 + 1), (.nan, 4.0), (-.infinity, .infinity),
    (-1e308, 1e308), (Double.leastNonzeroMagnitude * 1000, Double.leastNonzeroMagnitude * 1000), (543.0, 105.0),
  ])
  func edgeRangesCoverTheData(range: (Double, Double)) {
    let t = NiceTicks(minimum: range.0, maximum: range.1, count: 5)
    #expect(t.values.count >= 2)
    #expect(t.values.count <= 60)
    #expect(t.values.allSatisfy { $0.isFinite })
    #expect(zip(t.values, t.values.dropFirst()).allSatisfy { $0 < $1 })
    for v in [range.0, range.1] where v.isFinite && abs(v) < 1e306 && abs(v) > 1e-300 {
      #expect(t.lower <= v && v <= t.upper)
    }
  }

  @Test func hugeValues() {
    let t = NiceTicks(minimum: 0, maximum: 1.3e12, count: 5)
    #expect(t.values == [0, 0.5e12, 1e12, 1.5e12])
    #expect(NumberLabels.compactTicks(t.values, step: t.step) == ["0", "0.5T", "1.0T", "1.5T"])
  }
}

@Suite struct LinearScaleTests {
  @Test func mapsAndInverts() {
    let s = LinearScale(domain: (0, 100), range: (300, 50))
    #expect(s(0) == 300)
    #expect(s(100) == 50)
    #expect(s(50) == 175)
    #expect(s.invert(175) == 50)
    #expect(s.clamped(1000) == 50)
    #expect(s.clamped(-1000) == 300)
  }

  @Test func degenerateDomainMapsToMiddle() {
    let s = LinearScale(domain: (3, 3), range: (0, 10))
    #expect(s(3) == 5)
  }
}

@Suite struct NumberLabelsTests {
  @Test func thousandsSeparators() {
    #expect(NumberLabels.grouped(1_234_567) == "1,234,567")
    #expect(NumberLabels.grouped(999) == "999")
    #expect(NumberLabels.grouped(1000) == "1,000")
    #expect(NumberLabels.grouped(-1234.5, fractionDigits: 2) == "−1,234.50")
    #expect(NumberLabels.grouped(-0.001) == "0")
    #expect(NumberLabels.grouped(1e15) == "1,000,000,000,000,000")
    #expect(NumberLabels.grouped(.nan) == "–")
    #expect(NumberLabels.grouped(.infinity) == "–")
  }

  @Test func compactLabels() {
    #expect(NumberLabels.compact(1_234_567) == "1.23M")
    #expect(NumberLabels.compact(1_200_000) == "1.2M")
    #expect(NumberLabels.compact(350_000) == "350k")
    #expect(NumberLabels.compact(999_999) == "1M")
    #expect(NumberLabels.compact(12.5) == "12.5")
    #expect(NumberLabels.compact(0) == "0")
    #expect(NumberLabels.compact(-45_600) == "−45.6k")
    #expect(NumberLabels.compact(2.5e9) == "2.5B")
    #expect(NumberLabels.compact(1e12) == "1T")
    #expect(NumberLabels.compact(0.000123) == "0.000123")
    #expect(NumberLabels.compact(-.infinity) == "–")
  }

  @Test func compactTickLabelsShareSuffixAndDecimals() {
    #expect(NumberLabels.compactTicks([1_000_000, 1_200_000, 1_400_000], step: 200_000) == ["1.0M", "1.2M", "1.4M"])
    #expect(NumberLabels.compactTicks([0, 200_000, 400_000, 600_000, 800_000], step: 200_000) == ["0", "200k", "400k", "600k", "800k"])
    #expect(NumberLabels.compactTicks([-50, 0, 50], step: 50) == ["−50", "0", "50"])
    #expect(NumberLabels.compactTicks([0, 0.25, 0.5], step: 0.25) == ["0", "0.25", "0.50"])
  }

  @Test func percentLabels() {
    #expect(NumberLabels.percent(0.9) == "90%")
    #expect(NumberLabels.percent(0.905, fractionDigits: 1) == "90.5%")
    #expect(NumberLabels.percent(1) == "100%")
    #expect(NumberLabels.percent(-0.05) == "−5%")
    #expect(ValueFormat.percent(fractionDigits: 0).tickLabels([0, 0.25, 0.5], step: 0.25) == ["0%", "25%", "50%"])
    #expect(ValueFormat.percent(fractionDigits: 0).tickLabels([0.6, 0.65], step: 0.05) == ["60%", "65%"])
    #expect(ValueFormat.percent(fractionDigits: 0).tickLabels([0.6, 0.605], step: 0.005) == ["60.0%", "60.5%"])
  }
}

@Suite struct PeriodLabelsTests {
  func date(_ y: Int, _ m: Int, _ d: Int) throws -> PeriodStamp {
    .date(try #require(CalendarDate(year: y, month: m, day: d)))
  }

  @Test func labelsByFrequency() throws {
    #expect(PeriodLabels.label(try date(2024, 1, 1), frequency: .monthly) == "Jan 2024")
    #expect(PeriodLabels.label(try date(2024, 10, 1), frequency: .quarterly) == "2024 Q4")
    #expect(PeriodLabels.label(try date(2024, 1, 1), frequency: .yearly) == "2024")
    #expect(PeriodLabels.label(try date(2024, 2, 5), frequency: .daily) == "2024-02-05")
    #expect(PeriodLabels.label(.index(17), frequency: .index) == "17")
  }

  /// ISO 8601 weeks at year boundaries: 2021-01-03 is in 2020-W53, 2024-12-30 in 2025-W01,
  /// 2026-01-01 (a Thursday) in 2026-W01.
  @Test func isoWeeks() throws {
    #expect(PeriodLabels.label(try date(2021, 1, 3), frequency: .weekly) == "2020-W53")
    #expect(PeriodLabels.label(try date(2024, 12, 30), frequency: .weekly) == "2025-W01")
    #expect(PeriodLabels.label(try date(2026, 1, 1), frequency: .weekly) == "2026-W01")
    #expect(PeriodLabels.label(try date(2024, 2, 5), frequency: .weekly) == "2024-W06")
  }

  /// 36 months from Nov 2022 with at most 8 labels: stride 6, aligned to January/July.
  @Test func monthlyTicksAlignToHalfYears() throws {
    let start = try date(2022, 11, 1)
    let stamps = (0..<36).map { start.advanced(by: $0, frequency: .monthly) }
    let indices = PeriodLabels.tickIndices(stamps, frequency: .monthly, maximumLabels: 8)
    #expect(indices == [2, 8, 14, 20, 26, 32])
    let labels = indices.map { PeriodLabels.label(stamps[$0], frequency: .monthly) }
    #expect(labels == ["Jan 2023", "Jul 2023", "Jan 2024", "Jul 2024", "Jan 2025", "Jul 2025"])
  }

  @Test func integerTicks() {
    #expect(PeriodLabels.tickIndices(count: 10, maximumLabels: 20) == Array(0..<10))
    #expect(PeriodLabels.tickIndices(count: 10, maximumLabels: 5) == [0, 2, 4, 6, 8])
    #expect(PeriodLabels.tickIndices(count: 100, maximumLabels: 8).count <= 8)
    #expect(PeriodLabels.tickIndices(count: 0, maximumLabels: 8).isEmpty)
    #expect(PeriodLabels.tickIndices(count: 1, maximumLabels: 0) == [0])
  }
}

@Suite struct ProgressTextTests {
  @Test func fullLine() {
    let line = ProgressText.line(label: "simulate", done: 2_500, total: 10_000, unit: "paths", elapsedSeconds: 2)
    // rate 1,250/s, remaining 7,500 → 6 s.
    #expect(line == "simulate  2,500/10,000 paths  25%  1.25k paths/s  ETA 0:06")
  }

  @Test func withoutTotalOrProgress() {
    #expect(ProgressText.line(label: "fit", done: 0, total: 100, unit: "series", elapsedSeconds: 0) == "fit  0/100 series  0%")
    #expect(ProgressText.line(label: "", done: 42, total: nil, unit: "series", elapsedSeconds: 4) == "42 series  10.5 series/s")
    #expect(ProgressText.line(label: "x", done: 10, total: 100, unit: "u", elapsedSeconds: 0.01) == "x  10/100 u  10%")
    #expect(ProgressText.line(label: "x", done: 150, total: 100, unit: "u", elapsedSeconds: 1) == "x  150/100 u  100%  150 u/s")
  }

  @Test func durations() {
    #expect(ProgressText.duration(0) == "0:00")
    #expect(ProgressText.duration(5.2) == "0:06")
    #expect(ProgressText.duration(62) == "1:02")
    #expect(ProgressText.duration(3723) == "1:02:03")
    #expect(ProgressText.duration(.infinity) == "–")
  }
}
