import Dispatch
import Foundation

/// Runs `body(chunk, worker)` for every chunk in 0..<chunks on `threads` workers that take
/// chunks dynamically (a locked counter). Callers make results independent of which worker
/// ran a chunk, so the output does not depend on the thread count.
func parallelChunks(chunks: Int, threads: Int, _ body: (_ chunk: Int, _ worker: Int) -> Void) {
  let workers = max(1, min(threads, chunks))
  if workers == 1 {
    for c in 0..<chunks { body(c, 0) }
    return
  }
  let lock = NSLock()
  nonisolated(unsafe) var next = 0
  withoutActuallyEscaping(body) { body in
    nonisolated(unsafe) let work = body
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      while true {
        lock.lock()
        let c = next
        next += 1
        lock.unlock()
        if c >= chunks { return }
        work(c, worker)
      }
    }
  }
}

/// The default thread count: the active processors.
public var defaultSimulationThreads: Int { ProcessInfo.processInfo.activeProcessorCount }
