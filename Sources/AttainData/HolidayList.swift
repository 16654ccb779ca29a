/// Holidays read from a CSV with a `date` column (ISO `YYYY-MM-DD`; the `--holidays` of
/// `decompose`). Other columns are ignored.
public enum HolidayList {
  /// The distinct dates of `path`.
  /// - Throws: `DataError` located at a missing column or a cell that is not a calendar date.
  /// - Complexity: O(file size).
  public static func read(path: String) throws(DataError) -> Set<CalendarDate> {
    let table = try CSVTable.read(path: path)
    let c = try table.column("date")
    var dates = Set<CalendarDate>()
    for r in table.rows.indices {
      guard let d = CalendarDate(iso: table.rows[r][c]) else {
        throw table.error(row: r, column: c, .nonNumeric(value: table.rows[r][c], column: "date (YYYY-MM-DD)"))
      }
      dates.insert(d)
    }
    return dates
  }
}
