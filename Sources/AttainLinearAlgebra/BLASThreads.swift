internal import CLAPACK

/// Control over the threads OpenBLAS uses inside each BLAS/LAPACK call.
///
/// OpenBLAS parallelizes large calls (e.g. a 1,000,000 × 20 QR) over its own thread pool. When
/// the caller already parallelizes at the Swift level (many small independent fits, one per
/// task), nested OpenBLAS threads oversubscribe the cores and slow everything down; set OpenBLAS
/// to one thread first, e.g.
///
/// ```swift
/// let previous = BLASThreads.count
/// BLASThreads.count = 1
/// defer { BLASThreads.count = previous }
/// // … DispatchQueue.concurrentPerform over chunks …
/// ```
///
/// `BatchedLeastSquares` does this itself. The setting is process-wide (OpenBLAS keeps one global
/// value), so tests that change it should run serialized. The environment variable
/// `OPENBLAS_NUM_THREADS` sets the initial value.
public enum BLASThreads {
  /// The number of threads OpenBLAS uses for one call (`openblas_get_num_threads` /
  /// `openblas_set_num_threads`). Values below 1 are stored as 1.
  public static var count: Int {
    get { Int(openblas_get_num_threads()) }
    set { openblas_set_num_threads(Int32(clamping: max(newValue, 1))) }
  }

  /// The OpenBLAS build description and the CPU kernel in use (e.g. `"Haswell"`), for benchmark
  /// reports.
  public static var configuration: String {
    let config = openblas_get_config().map { String(cString: $0) } ?? "unknown"
    let core = openblas_get_corename().map { String(cString: $0) } ?? "unknown"
    return "\(config) core=\(core)"
  }
}
