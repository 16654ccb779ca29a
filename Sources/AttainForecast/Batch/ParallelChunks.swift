import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// Runs work over `0..<count` items in fixed chunks on up to `threads` threads.
///
/// Chunk boundaries depend only on `count` and `chunkSize`, never on the thread count, and each
/// item is processed exactly once by a pure function of its index, so results are identical for
/// any `threads`. Workers take chunks w, w + threads, w + 2·threads, … (static striding).
enum ParallelChunks {
  /// The default worker count: the active processor count.
  static var defaultThreads: Int { max(1, ProcessInfoShim.activeProcessorCount) }

  static func run(
    count: Int, threads: Int?, chunkSize: Int = 32, _ body: @Sendable (Range<Int>) -> Void
  ) {
    guard count > 0 else { return }
    let chunks = (count + chunkSize - 1) / chunkSize
    let workers = max(1, min(threads ?? defaultThreads, chunks))
    @Sendable func work(_ worker: Int) {
      var chunk = worker
      while chunk < chunks {
        let start = chunk * chunkSize
        body(start..<min(start + chunkSize, count))
        chunk += workers
      }
    }
    if workers == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers) { work($0) }
    }
  }
}

/// The number of online processors without importing Foundation into the library.
enum ProcessInfoShim {
  static var activeProcessorCount: Int {
    #if canImport(Glibc)
      return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    #else
      return 1
    #endif
  }
}
