internal import CLAPACK
import Foundation

/// Control over the threads OpenBLAS uses inside each BLAS/LAPACK call.
///
/// OpenBLAS parallelizes large calls (e.g. a 1,000,000 × 20 QR) over its own thread pool. When
/// the caller already parallelizes at the Swift level (many small independent fits, one per
/// task), nested OpenBLAS threads oversubscribe the cores and slow everything down; run such
/// code inside `withSingleThread`:
///
/// ```swift
/// BLASThreads.withSingleThread {
///   DispatchQueue.concurrentPerform(iterations: chunks) { chunk in … }
/// }
/// ```
///
/// `BatchedLeastSquares` does this itself. The setting is process-wide (OpenBLAS keeps one global
/// value). `withSingleThread` is safe to nest and to call from several threads at once: the first
/// entry saves the current count and sets 1, the last exit restores it. Setting `count` directly
/// while such a scope is active is not coordinated with it. The environment variable
/// `OPENBLAS_NUM_THREADS` sets the initial value.
public enum BLASThreads {
  /// The number of threads OpenBLAS uses for one call (`openblas_get_num_threads` /
  /// `openblas_set_num_threads`). Values below 1 are stored as 1.
  public static var count: Int {
    get { Int(openblas_get_num_threads()) }
    set { openblas_set_num_threads(Int32(clamping: max(newValue, 1))) }
  }

  /// Run `body` with OpenBLAS limited to one thread, restoring the previous count when the last
  /// concurrent `withSingleThread` scope ends.
  public static func withSingleThread<Result, Failure: Error>(
    _ body: () throws(Failure) -> Result
  ) throws(Failure) -> Result {
    singleThreadScopes.enter()
    defer { singleThreadScopes.exit() }
    return try body()
  }

  /// The OpenBLAS build description and the CPU kernel in use (e.g. `"Haswell"`), for benchmark
  /// reports.
  public static var configuration: String {
    let config = openblas_get_config().map { String(cString: $0) } ?? "unknown"
    let core = openblas_get_corename().map { String(cString: $0) } ?? "unknown"
    return "\(config) core=\(core)"
  }

  /// Stops OpenBLAS's idle worker threads; OpenBLAS starts them again by itself at its next
  /// multithreaded call. Returns whether the library offered the call.
  ///
  /// OpenBLAS (pthreads build) starts its pool when the library loads and the workers then spin
  /// (`sched_yield`) for about 2²⁸ cycles, ≈ 0.1 s, before sleeping: a short process that never
  /// calls BLAS, or parallelizes on its own threads, loses that much CPU to them, on the cores
  /// its own work needs. The command-line tool calls this at start. The entry point
  /// (`blas_thread_shutdown_`, the one OpenBLAS uses around `fork`) is looked up at run time,
  /// so builds of OpenBLAS without it (OpenMP) are left alone.
  @discardableResult
  public static func releaseIdleWorkers() -> Bool {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "blas_thread_shutdown_") else {
      return false
    }
    typealias Shutdown = @convention(c) () -> Int32
    _ = unsafeBitCast(symbol, to: Shutdown.self)()
    return true
  }

  private static let singleThreadScopes = ScopeCounter()

  /// Reference count of active single-thread scopes, with the count to restore.
  private final class ScopeCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var active = 0
    private var saved = 1

    func enter() {
      lock.lock()
      defer { lock.unlock() }
      if active == 0 {
        saved = BLASThreads.count
        BLASThreads.count = 1
      }
      active += 1
    }

    func exit() {
      lock.lock()
      defer { lock.unlock() }
      active -= 1
      if active == 0 { BLASThreads.count = saved }
    }
  }
}
