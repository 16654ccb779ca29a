import Foundation
import Testing

@testable import AttainData

@Suite struct PanelLookupTests {
  func monthly() throws -> Panel {
    var panel = Panel(frequency: .monthly)
    let jan = try #require(CalendarDate(year: 2024, month: 1, day: 1))
    let mar = try #require(CalendarDate(year: 2024, month: 3, day: 1))
    panel.append(id: "a", start: .date(jan), values: [1, 2, 3, 4, 5])
    panel.append(id: "b", start: .date(mar), values: [10, 20, 30])
    panel.append(id: "c", start: .date(jan), values: [7])
    return panel
  }

  func date(_ y: Int, _ m: Int, _ d: Int = 1) -> PeriodStamp { .date(CalendarDate(year: y, month: m, day: d)!) }

  @Test func positionsAreFoundBySearchAndMissingPeriodsAreNil() throws {
    let panel = try monthly()
    #expect(panel.position(of: date(2024, 1), inSeries: 0) == 0)
    #expect(panel.position(of: date(2024, 4), inSeries: 0) == 3)
    #expect(panel.position(of: date(2024, 6), inSeries: 0) == nil)
    #expect(panel.position(of: date(2024, 1), inSeries: 1) == nil)
    #expect(panel.position(of: date(2024, 5), inSeries: 1) == 2)
    #expect(panel.value(of: 1, at: date(2024, 4)) == 20)
    #expect(panel.value(of: 2, at: date(2024, 2)) == nil)
  }

  @Test func splittingAtADateKeepsTheEarlierValues() throws {
    let panel = try monthly()
    #expect(Array(panel.values(of: 0, before: date(2024, 3))) == [1, 2])
    #expect(Array(panel.values(of: 1, before: date(2024, 3))) == [])
    #expect(Array(panel.values(of: 1, before: date(2025, 1))) == [10, 20, 30])
  }

  @Test func idIndexAndSums() throws {
    let panel = try monthly()
    #expect(panel.indexByID == ["a": 0, "b": 1, "c": 2])
    #expect(panel.sum(of: 0, positions: 1..<4) == 9)
    #expect(panel.sum(of: 1, positions: 0..<0) == 0)
  }

  @Test func slicesAndPrefixes() throws {
    let panel = try monthly()
    let middle = panel.slice(1..<3)
    #expect(middle.ids == ["b", "c"] && middle.offsets == [0, 3, 4] && middle.values == [10, 20, 30, 7])
    #expect(middle.starts == [date(2024, 3), date(2024, 1)])
    #expect(panel.slice(0..<3) == panel)
    #expect(panel.chunkRanges(size: 2) == [0..<2, 2..<3])
    let (head, kept) = panel.prefixes(dropping: 2, minimumLength: 1)
    #expect(kept == [0, 1])
    #expect(head.ids == ["a", "b"] && head.values == [1, 2, 3, 10])
    #expect(panel.seriesArrays(1..<2) == [[10, 20, 30]])
  }

  @Test(arguments: [
    ("2024-02-29", CalendarDate(year: 2024, month: 2, day: 29)), ("2023-02-29", nil), ("24-01-01", nil),
    ("2024-1-5", CalendarDate(year: 2024, month: 1, day: 5)), ("2024-01", nil), ("2024/01/01", nil), ("", nil),
  ])
  func isoDates(text: String, expected: CalendarDate?) {
    #expect(CalendarDate(iso: text) == expected)
  }
}

@Suite struct TargetFileTests {
  func write(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString).csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func unitsAreSummedWithTheirFirstProbability() throws {
    let path = try write("unique_id,target,probability,incentive\na,10,0.6,100\nb,5,,\na,2.5,0.9,7\n")
    let file = try TargetFile.read(path)
    #expect(!file.isPhased)
    #expect(file.entries.map(\.id) == ["a", "b"])
    #expect(file.entries.map(\.total) == [12.5, 5])
    #expect(file.entries[0].probability == 0.6 && file.entries[0].incentive == 100)
    #expect(file.entries[1].probability == nil)
    #expect(file.entries[0].location.line == 2 && file.entries[0].location.column == 2)
  }

  @Test func phasedRowsKeepTheirDates() throws {
    let path = try write("unique_id,period_start,target\na,2024-01-01,3\na,2024-02-01,4\n")
    let file = try TargetFile.read(path)
    #expect(file.isPhased)
    #expect(file.entries[0].phased.map(\.1) == [3, 4])
    #expect(file.entries[0].phased.map(\.0) == [CalendarDate(year: 2024, month: 1, day: 1)!, CalendarDate(year: 2024, month: 2, day: 1)!])
  }

  @Test(arguments: [
    ("unique_id,target\na,-1\n", ":2:2: "), ("unique_id,target,probability\na,1,1.5\n", ":2:3: "),
    ("unique_id,target,period_start\na,1,2024-13-01\n", ":2:3: "), ("unique_id\na\n", ":1:"),
  ])
  func badCellsAreLocated(text: String, location: String) throws {
    let path = try write(text)
    #expect(throws: DataError.self) { try TargetFile.read(path) }
    do {
      _ = try TargetFile.read(path)
    } catch {
      #expect(error.description.hasPrefix(path + location), "\(error.description)")
    }
  }
}
