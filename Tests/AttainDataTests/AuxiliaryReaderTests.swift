import Foundation
import Testing

@testable import AttainData

@Suite struct AuxiliaryReaderTests {
  func write(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("aux-\(UUID().uuidString).csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  func failure(_ body: () throws -> Void) -> String {
    do {
      try body()
      return ""
    } catch let error as DataError {
      return error.description
    } catch {
      return "not a DataError: \(error)"
    }
  }

  @Test func groupMapsNameKnownSeries() throws {
    let path = try write("unique_id,group\na,East\nb,West\na,North\n")
    #expect(try GroupMap.read(path: path, knownIDs: ["a", "b", "c"]) == ["a": "North", "b": "West"])
    #expect(failure { _ = try GroupMap.read(path: path, knownIDs: ["a"]) }.hasPrefix(path + ":3:1: "))
    let noGroup = try write("unique_id\na\n")
    #expect(failure { _ = try GroupMap.read(path: noGroup, knownIDs: ["a"]) }.hasPrefix(noGroup + ":1:"))
  }

  @Test func targetListsKeepFileOrder() throws {
    let path = try write("unique_id,target\nEast,5\na,1.5\n")
    let rows = try TargetList.read(path: path, knownIDs: ["a", "East"])
    #expect(rows.map(\.id) == ["East", "a"] && rows.map(\.target) == [5, 1.5])
    let bad = try write("unique_id,target\na,x\n")
    #expect(failure { _ = try TargetList.read(path: bad, knownIDs: ["a"]) }.hasPrefix(bad + ":2:2: "))
  }

  @Test func holidaysAreDistinctDates() throws {
    let path = try write("date,name\n2024-12-25,christmas\n2024-12-25,again\n2024-01-01,new year\n")
    #expect(try HolidayList.read(path: path) == [CalendarDate(year: 2024, month: 12, day: 25)!, CalendarDate(year: 2024, month: 1, day: 1)!])
    let bad = try write("date\n2024-02-30\n")
    #expect(failure { _ = try HolidayList.read(path: bad) }.hasPrefix(bad + ":2:1: "))
  }

  @Test func unitTablesAreCheckedCellByCell() throws {
    let path = try write("unique_id,parent,history,forecast,new\nWest/a,West,10,,1\nWest,,30,31,no\n")
    let table = try UnitTable.read(path: path)
    #expect(table.hasForecast)
    #expect(table.rows.map(\.id) == ["West/a", "West"])
    #expect(table.rows[0].parent == "West" && table.rows[1].parent == nil)
    #expect(table.rows[0].history == 10 && table.rows[0].forecast == nil && table.rows[0].isNew)
    #expect(table.rows[1].forecast == 31 && !table.rows[1].isNew)
    let duplicate = try write("unique_id\na\na\n")
    #expect(failure { _ = try UnitTable.read(path: duplicate) }.hasPrefix(duplicate + ":3:1: "))
    let orphan = try write("unique_id,parent\na,zz\n")
    #expect(failure { _ = try UnitTable.read(path: orphan) }.hasPrefix(orphan + ":2:2: "))
    let negative = try write("unique_id,history\na,-1\n")
    #expect(failure { _ = try UnitTable.read(path: negative) }.hasPrefix(negative + ":2:2: "))
  }
}
