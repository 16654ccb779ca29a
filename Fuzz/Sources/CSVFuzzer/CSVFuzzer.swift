import AttainData
import FuzzSupport

/// libFuzzer entry point: feeds the bytes to every CSV reader of `AttainData`.
///
/// Every reader must either return a value or throw a `DataError` that names the file and has a
/// location ≥ 0 (line breaks inside a quoted value are escaped by the CLI); anything else — a trap, an
/// out-of-bounds access, a leak or an overflow caught by the sanitizers — is a finding.
/// The first byte selects the read options, so one corpus exercises header remapping, inferred
/// and explicit frequencies, gap filling and the aggregation date patterns.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data, size > 0 else { return 0 }
  let selector = data[0]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let frequencies: [Frequency?] = [nil, .monthly, .index, .daily, .weekly, .quarterly, .yearly, nil]
  let options = SeriesReadOptions(
    frequency: frequencies[Int(selector & 7)], fill: selector & 8 == 0 ? .none : .zero)
  check { () throws(DataError) in
    let result = try SeriesCSV.read(bytes: bytes, file: "fuzz.csv", options: options)
    // Round trip: what the reader accepts, the writer writes and the reader reads back unchanged
    // (small panels only: `--fill zero` can turn 60 bytes into a million rows, which only slows the search).
    guard result.panel.values.count <= 10_000 else { return }
    let written = SeriesCSV.write(result.panel)
    do {
      let again = try SeriesCSV.read(
        bytes: written, file: "fuzz.csv", options: SeriesReadOptions(frequency: result.panel.frequency))
      if again.panel.ids != result.panel.ids || again.panel.values.count != result.panel.values.count {
        preconditionFailure("round trip changed the panel")
      }
    } catch {
      preconditionFailure("written panel does not read back: \(error)")
    }
  }
  check { () throws(DataError) in
    let table = try CSVTable.read(bytes: bytes, file: "fuzz.csv")
    if let first = table.header.first, !table.rows.isEmpty {
      let column = try table.column(first)
      _ = try? table.identifier(row: 0, column: column)
      _ = try? table.number(row: table.rows.count - 1, column: column)
    }
  }
  let patterns = ["YYYY-MM-DD", "M/D/YYYY", "DD.MM.YYYY"]
  let aggregation = AggregationOptions(
    groupBy: selector & 16 == 0 ? ["g"] : [], dateColumn: "d",
    dateFormat: DateFormat(patterns[Int(selector >> 5) % patterns.count]) ?? .iso, valueColumn: "v",
    frequency: [Frequency.monthly, .daily, .weekly, .quarterly, .yearly][Int(selector >> 5) % 5])
  check { () throws(DataError) in
    _ = try TransactionAggregation.aggregate(bytes: bytes, file: "fuzz.csv", options: aggregation)
  }
  return 0
}

/// Runs `body`; a thrown error must name the file and be located, else the fuzzer traps.
private func check(_ body: () throws(DataError) -> Void) {
  expectLocatedError(file: "fuzz.csv", minimumPosition: 0, body)
}

/// The program entry: libFuzzer's driver with `fuzzCSV`.
@_cdecl("CSVFuzzer_main")
public func csvFuzzerMain(
  _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  runLibFuzzer(argc, argv, fuzzCSV)
}
