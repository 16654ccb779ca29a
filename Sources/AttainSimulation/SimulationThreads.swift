import AttainData
import AttainParallel
import Foundation

/// The default thread count: the active processors.
public var defaultSimulationThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

/// Runs `body(chunk, worker)` for every chunk in 0..<chunks on `threads` workers (see
/// `ParallelChunks.run(chunks:threads:_:)`, which this forwards to).
func parallelChunks(chunks: Int, threads: Int, _ body: (_ chunk: Int, _ worker: Int) -> Void) {
  ParallelChunks.run(chunks: chunks, threads: threads, body)
}
