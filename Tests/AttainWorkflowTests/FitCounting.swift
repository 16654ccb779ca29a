import AttainData
import AttainWorkflow
import AttainForecast
import AttainRandom
import Synchronization

/// A `ForecastingMethod` wrapper that counts its fits by series length (the test series have
/// distinct lengths, so a length names a series and a window).
final class FitLog: Sendable {
  private let counts = Mutex<[Int: Int]>([:])
  func record(_ length: Int) { counts.withLock { $0[length, default: 0] += 1 } }
  /// Fits of a series of `length` observations.
  func fits(length: Int) -> Int { counts.withLock { $0[length] ?? 0 } }
  /// All fits.
  var total: Int { counts.withLock { $0.values.reduce(0, +) } }
}

struct CountingMethod: ForecastingMethod {
  var inner: any ForecastingMethod
  let log: FitLog
  var name: String { inner.name }
  func fit(_ series: [Double], seasonLength: Int) throws -> any FittedForecaster {
    log.record(series.count)
    return try inner.fit(series, seasonLength: seasonLength)
  }
}

/// A progress sink that adds up what it is told.
final class CountingProgress: ProgressSink, @unchecked Sendable {
  private let lock = Mutex<(done: Int, finished: Int)>((0, 0))
  func advance(by units: Int) { lock.withLock { $0.done += units } }
  func finish() { lock.withLock { $0.finished += 1 } }
  var done: Int { lock.withLock { $0.done } }
  var finished: Int { lock.withLock { $0.finished } }
}

/// `count` trending series with lengths `base`, `base + spacing`, …, from `seed`.
func trendingPanel(count: Int, base: Int, spacing: Int = 1, seed: UInt64) -> Panel {
  var panel = Panel(frequency: .index)
  var rng = Xoshiro256PlusPlus(seed: seed, stream: 0)
  for i in 0..<count {
    let values = (0..<(base + spacing * i)).map { t in 100 + 2 * Double(t) + 5 * rng.nextNormal() }
    panel.append(id: "s\(i)", start: .index(1), values: values)
  }
  return panel
}
