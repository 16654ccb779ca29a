/// Element access to an array's storage that parallel workers share, each touching its own
/// elements: the one place the package holds a raw buffer across threads.
///
/// Obtain it only through `Array.withParallelAccess(_:)`; it is valid inside that closure and must
/// not escape it. Workers must write disjoint elements (element i by the worker owning i), as
/// `ParallelChunks` arranges; reads of elements no worker writes are always safe. In the style of
/// swift-collections' `_UnsafeHandle`: the unsafe pointer stays inside this type.
package struct SharedArrayAccess<Element>: @unchecked Sendable {
  private let buffer: UnsafeMutableBufferPointer<Element>

  fileprivate init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }

  /// The number of elements.
  package var count: Int { buffer.count }

  /// Element `i` (bounds-checked), read, written or modified in place.
  /// - Complexity: O(1).
  package subscript(i: Int) -> Element {
    get {
      precondition(i >= 0 && i < buffer.count, "index out of range")
      return buffer[i]
    }
    nonmutating _modify {
      precondition(i >= 0 && i < buffer.count, "index out of range")
      yield &buffer[i]
    }
  }

  /// Calls `body` with the elements of `range` as a mutable buffer (for kernels that take
  /// contiguous storage, e.g. a bulk normal draw). The buffer must not escape `body`.
  package func withUnsafeMutableBufferPointer<R>(
    _ range: Range<Int>, _ body: (UnsafeMutableBufferPointer<Element>) throws -> R
  ) rethrows -> R {
    precondition(range.lowerBound >= 0 && range.upperBound <= buffer.count, "range out of bounds")
    return try body(UnsafeMutableBufferPointer(rebasing: buffer[range]))
  }
}

/// The elements of one chunk of a `ParallelChunks.fill` array: writes outside `range` trap.
package struct ChunkSlice<Element>: @unchecked Sendable {
  private let access: SharedArrayAccess<Element>
  /// The indices this chunk owns.
  package let range: Range<Int>

  init(access: SharedArrayAccess<Element>, range: Range<Int>) {
    self.access = access
    self.range = range
  }

  /// Element `i` of the array, `i` in `range`. - Complexity: O(1).
  package subscript(i: Int) -> Element {
    get { access[i] }
    nonmutating _modify {
      precondition(range.contains(i), "index outside the chunk")
      yield &access[i]
    }
  }
}

extension Array {
  /// Calls `body` with shared element access to the array's storage, for parallel workers that
  /// each write their own elements (see `SharedArrayAccess`).
  package mutating func withParallelAccess<R>(_ body: (SharedArrayAccess<Element>) throws -> R) rethrows -> R {
    try withUnsafeMutableBufferPointer { try body(SharedArrayAccess($0)) }
  }
}

extension Array {
  /// Calls `body` with shared element access to each of `arrays` (in order), for parallel workers
  /// that write several equally indexed output blocks (see `SharedArrayAccess`).
  package static func withParallelAccess<R>(
    toEach arrays: inout [[Element]], _ body: ([SharedArrayAccess<Element>]) throws -> R
  ) rethrows -> R {
    func nest(_ k: Int, _ outer: UnsafeMutableBufferPointer<[Element]>, _ done: [SharedArrayAccess<Element>]) throws -> R {
      if k == outer.count { return try body(done) }
      return try outer[k].withUnsafeMutableBufferPointer { try nest(k + 1, outer, done + [SharedArrayAccess($0)]) }
    }
    return try arrays.withUnsafeMutableBufferPointer { try nest(0, $0, []) }
  }
}
