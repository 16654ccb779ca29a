import ArgumentParser
import Attain

/// Parses an ISO date `YYYY-MM-DD` (nil when malformed or not a calendar date).
func isoDate(_ text: String) -> CalendarDate? { CalendarDate(iso: text) }

/// The date of option `name`, or a validation error naming it.
func isoDate(_ text: String, option name: String) throws -> CalendarDate {
  guard let d = isoDate(text) else { throw ValidationError("\(name) must be a date YYYY-MM-DD, got '\(text)'") }
  return d
}

/// A number cell, or an empty text cell for nil / non-finite values.
func cell(_ value: Double?) -> ResultTable.Cell {
  guard let v = value, v.isFinite else { return .text("") }
  return .number(v)
}

/// The plan periods, with the workflow's usage errors reported as bad options (status 64).
func planPeriods(start: CalendarDate, end: CalendarDate, frequency: Frequency) throws -> PlanPeriods {
  do {
    return try PlanPeriods(start: start, end: end, frequency: frequency)
  } catch where error.isUsage {
    throw ValidationError(error.description)
  }
}
