import ArgumentParser
import Attain
import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A progress line on standard error for long-running commands: units done, share, rate and ETA,
/// redrawn in place with a carriage return.
///
/// The line is shown only when standard error is a terminal (`isatty(2)`) and `--quiet` is not set, so
/// logs, pipes and tests never see control characters. Updates are throttled to at most one redraw per
/// `interval` (default 0.1 s, about 10 per second). `advance(by:)` is thread-safe (a lock guards the
/// counter and the drawing) and cheap between redraws; call it once per chunk of work, not per path.
/// The text comes from `ProgressText.line` (tested in AttainReportTests).
final class Progress: @unchecked Sendable {
  /// Whether anything is drawn at all.
  let isEnabled: Bool
  private let label: String
  private let total: Int?
  private let unit: String
  private let interval: UInt64
  private let start: UInt64
  private let lock = NSLock()
  private var done = 0
  private var lastDraw: UInt64 = 0
  private var drawn = false
  private var finished = false

  /// A progress line for `total` units (nil if unknown) named `unit`.
  /// - Parameters:
  ///   - quiet: the command's `--quiet` flag; true disables the line.
  ///   - isTerminal: whether stderr is a terminal (default: `isatty(2)`).
  ///   - interval: minimum seconds between redraws.
  init(label: String, total: Int?, unit: String, quiet: Bool, isTerminal: Bool = isatty(2) == 1, interval: Double = 0.1) {
    self.label = label
    self.total = total
    self.unit = unit
    self.isEnabled = !quiet && isTerminal
    self.interval = UInt64(max(interval, 0) * 1e9)
    self.start = DispatchTime.now().uptimeNanoseconds
  }

  /// Adds `units` to the count and redraws if the last redraw is older than the interval.
  func advance(by units: Int = 1) {
    guard isEnabled else { return }
    lock.lock()
    defer { lock.unlock() }
    guard !finished else { return }
    done += units
    let now = DispatchTime.now().uptimeNanoseconds
    if !drawn || now &- lastDraw >= interval {
      lastDraw = now
      draw(now: now, newline: false)
    }
  }

  /// Draws the final state and ends the line (only if a line was shown). Later calls do nothing.
  func finish() {
    guard isEnabled else { return }
    lock.lock()
    defer { lock.unlock() }
    guard !finished else { return }
    finished = true
    if drawn { draw(now: DispatchTime.now().uptimeNanoseconds, newline: true) }
  }

  /// Units counted so far (always 0 when the line is disabled: nothing is counted then).
  var completed: Int {
    lock.lock()
    defer { lock.unlock() }
    return done
  }

  /// Writes `\r`, the line, and "erase to end of line" (ECMA-48 EL, `ESC [ K`); caller holds the lock.
  private func draw(now: UInt64, newline: Bool) {
    drawn = true
    let elapsed = Double(now &- start) / 1e9
    let text = ProgressText.line(label: label, done: done, total: total, unit: unit, elapsedSeconds: elapsed)
    writeStandardError("\r" + text + "\u{1B}[K" + (newline ? "\n" : ""))
  }
}

/// The `--quiet` flag shared by the long-running commands.
struct ProgressOptions: ParsableArguments {
  @Flag(help: "No progress line on stderr (it is shown only when stderr is a terminal).")
  var quiet = false

  /// A progress line for `total` units named `unit` (disabled by `--quiet` or a non-terminal stderr).
  func progress(_ label: String, total: Int?, unit: String) -> Progress {
    Progress(label: label, total: total, unit: unit, quiet: quiet)
  }
}

extension Progress: ProgressSink {}
