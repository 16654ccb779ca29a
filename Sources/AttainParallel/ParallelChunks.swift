import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs work over fixed chunks on up to `threads` threads: the one parallel loop of the package.
///
/// Chunk boundaries depend only on the item count and the chunk size, never on the thread count,
/// and each chunk is processed exactly once, so a body that is a pure function of its items gives
/// identical results for any `threads`. Workers take the next unstarted chunk from a shared atomic
/// counter (dynamic scheduling), so a worker that drew cheap items is not left idle while another
/// finishes. Results are written through `SharedArrayAccess` (or `fill`), never raw pointers.
package enum ParallelChunks {
  /// The default worker count: the online processor count (at least 1).
  package static var defaultThreads: Int { max(1, ProcessorCount.online) }

  /// Calls `body(chunk, worker)` once for every chunk in `0..<chunks` on
  /// min(`threads`, `chunks`) workers; `worker` in `0..<workers` names the worker running the
  /// chunk (for per-worker scratch space). The caller makes results independent of the worker.
  /// - Complexity: the chunks' cost divided by the workers, plus one atomic add per chunk.
  package static func run(chunks: Int, threads: Int?, _ body: (_ chunk: Int, _ worker: Int) -> Void) {
    guard chunks > 0 else { return }
    let workers = max(1, min(threads ?? defaultThreads, chunks))
    if workers == 1 {
      for chunk in 0..<chunks { body(chunk, 0) }
      return
    }
    let next = Atomic<Int>(0)
    withoutActuallyEscaping(body) { body in
      let work = UncheckedSendable(body)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        while true {
          let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
          if chunk >= chunks { return }
          work.value(chunk, worker)
        }
      }
    }
  }

  /// Calls `body(range)` for the chunks `0..<chunkSize`, `chunkSize..<2·chunkSize`, … of
  /// `0..<count` on up to `threads` workers (default: all processors).
  /// - Complexity: as `run(chunks:threads:_:)`.
  package static func run(
    count: Int, threads: Int?, chunkSize: Int = 32, _ body: @Sendable (Range<Int>) -> Void
  ) {
    guard count > 0 else { return }
    let size = max(1, chunkSize)
    run(chunks: (count + size - 1) / size, threads: threads) { chunk, _ in
      body((chunk * size)..<min((chunk + 1) * size, count))
    }
  }

  /// Fills `array` in parallel: `body(range, slice)` runs once per chunk of `array.indices` and
  /// writes the elements of its `range` through `slice` (indices outside it trap), so no two
  /// workers touch the same element.
  /// - Complexity: as `run(count:threads:chunkSize:_:)`.
  package static func fill<Element>(
    _ array: inout [Element], threads: Int?, chunkSize: Int = 32,
    _ body: @Sendable (_ range: Range<Int>, _ slice: ChunkSlice<Element>) -> Void
  ) {
    let count = array.count
    array.withParallelAccess { access in
      run(count: count, threads: threads, chunkSize: chunkSize) { range in
        body(range, ChunkSlice(access: access, range: range))
      }
    }
  }

  /// `[transform(0), …, transform(count − 1)]` computed in parallel chunks.
  /// - Complexity: as `run(count:threads:chunkSize:_:)`.
  package static func map<Element>(
    count: Int, initial: Element, threads: Int?, chunkSize: Int = 32,
    _ transform: @Sendable (Int) -> Element
  ) -> [Element] {
    var result = [Element](repeating: initial, count: count)
    fill(&result, threads: threads, chunkSize: chunkSize) { range, slice in
      for i in range { slice[i] = transform(i) }
    }
    return result
  }
}

/// A value carried into the workers of `ParallelChunks.run` (a closure that is only called, never
/// stored, while the call runs).
private struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// The number of online processors without importing Foundation into the library.
package enum ProcessorCount {
  /// `sysconf(_SC_NPROCESSORS_ONLN)`, or 1 where it is unavailable.
  package static var online: Int {
    #if canImport(Glibc) || canImport(Darwin)
      return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    #else
      return 1
    #endif
  }
}
