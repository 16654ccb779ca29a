import Synchronization
import Testing

@testable import AttainParallel

@Suite struct ParallelChunksTests {
  @Test(arguments: [1, 2, 3, 8])
  func everyItemIsVisitedOnceForAnyThreadCount(threads: Int) {
    let visits = ParallelChunks.map(count: 1000, initial: 0, threads: threads, chunkSize: 7) { $0 * $0 }
    #expect(visits == (0..<1000).map { $0 * $0 })
  }

  @Test func chunksDependOnlyOnCountAndSize() {
    let ranges = Mutex<[Range<Int>]>([])
    ParallelChunks.run(count: 10, threads: 3, chunkSize: 4) { range in ranges.withLock { $0.append(range) } }
    #expect(ranges.withLock { $0 }.sorted { $0.lowerBound < $1.lowerBound } == [0..<4, 4..<8, 8..<10])
  }

  @Test func emptyWorkRunsNothing() {
    let calls = Atomic<Int>(0)
    ParallelChunks.run(count: 0, threads: 2) { _ in calls.add(1, ordering: .relaxed) }
    ParallelChunks.run(chunks: 0, threads: 2) { _, _ in calls.add(1, ordering: .relaxed) }
    #expect(calls.load(ordering: .relaxed) == 0)
  }

  @Test func workersAreNumberedBelowTheWorkerCount() {
    var seen = [Int](repeating: -1, count: 50)
    seen.withParallelAccess { out in
      ParallelChunks.run(chunks: 50, threads: 4) { chunk, worker in out[chunk] = worker }
    }
    #expect(seen.allSatisfy { (0..<4).contains($0) })
  }

  @Test func fillWritesEachChunkThroughItsSlice() {
    var values = [Double](repeating: .nan, count: 33)
    ParallelChunks.fill(&values, threads: 2, chunkSize: 5) { range, slice in
      #expect(slice.range == range)
      for i in range { slice[i] = Double(i) / 2 }
    }
    #expect(values == (0..<33).map { Double($0) / 2 })
  }

  @Test func perWorkerStateIsModifiedInPlace() {
    var sums = [[Int]](repeating: [0], count: 2)
    sums.withParallelAccess { spaces in
      ParallelChunks.run(chunks: 100, threads: 2) { chunk, worker in spaces[worker][0] += chunk }
    }
    #expect(sums.map { $0[0] }.reduce(0, +) == (0..<100).reduce(0, +))
  }

  @Test func blocksAreSharedTogether() {
    var blocks = (0..<3).map { _ in [Int](repeating: 0, count: 4) }
    [Int].withParallelAccess(toEach: &blocks) { out in
      #expect(out.count == 3)
      ParallelChunks.run(count: 4, threads: 2, chunkSize: 1) { range in
        for i in range { for k in 0..<3 { out[k][i] = 10 * k + i } }
      }
    }
    #expect(blocks == [[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]])
  }

  @Test func contiguousRangesReachKernels() {
    var values = [Double](repeating: 0, count: 6)
    values.withParallelAccess { access in
      access.withUnsafeMutableBufferPointer(2..<5) { buffer in
        for k in buffer.indices { buffer[k] = Double(k + 1) }
      }
    }
    #expect(values == [0, 0, 1, 2, 3, 0])
  }
}
