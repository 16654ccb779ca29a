import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Runs work over `0..<count` items in fixed chunks on up to `threads` threads.
///
/// Chunk boundaries depend only on `count` and `chunkSize`, never on the thread count, and each
/// item is processed exactly once by a pure function of its index, so results are identical for
/// any `threads`. Workers take the next unstarted chunk from a shared atomic counter (dynamic
/// scheduling), so a worker that drew cheap series is not left idle while another finishes.
enum ParallelChunks {
  /// The default worker count: the active processor count.
  static var defaultThreads: Int { max(1, ProcessInfoShim.activeProcessorCount) }

  static func run(
    count: Int, threads: Int?, chunkSize: Int = 32, _ body: @Sendable (Range<Int>) -> Void
  ) {
    guard count > 0 else { return }
    let chunks = (count + chunkSize - 1) / chunkSize
    let workers = max(1, min(threads ?? defaultThreads, chunks))
    if workers == 1 {
      for chunk in 0..<chunks {
        body((chunk * chunkSize)..<min((chunk + 1) * chunkSize, count))
      }
      return
    }
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
        if chunk >= chunks { return }
        body((chunk * chunkSize)..<min((chunk + 1) * chunkSize, count))
      }
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
