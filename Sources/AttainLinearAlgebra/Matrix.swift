/// A dense matrix of `Double` stored column-major in one contiguous buffer.
///
/// Element `(i, j)` lives at `storage[i + j * rows]`, the layout LAPACK and BLAS expect with
/// `LAPACK_COL_MAJOR` and a leading dimension equal to `rows`. The type is a value type with
/// copy-on-write storage (`[Double]`), so passing a matrix to a routine that factorizes it
/// never changes the caller's copy.
///
/// - Complexity: subscripts are O(1); initializers and `transposed()` are O(rows × columns).
public struct Matrix: Equatable, Sendable {
  /// Number of rows.
  public let rows: Int
  /// Number of columns.
  public let columns: Int
  /// The elements in column-major order; `storage.count == rows * columns`.
  public internal(set) var storage: [Double]

  /// A `rows × columns` matrix with every element equal to `value` (zero by default).
  ///
  /// A negative dimension is treated as zero.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    self.rows = max(rows, 0)
    self.columns = max(columns, 0)
    self.storage = Array(repeating: value, count: self.rows * self.columns)
  }

  /// A matrix over an existing column-major buffer.
  ///
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when `columnMajor.count != rows * columns`.
  public init(rows: Int, columns: Int, columnMajor: [Double]) throws(LinearAlgebraError) {
    guard rows >= 0, columns >= 0, columnMajor.count == rows * columns else {
      throw .dimensionMismatch(
        operation: "Matrix(rows:columns:columnMajor:)", expected: "\(rows * columns) elements",
        got: "\(columnMajor.count)")
    }
    self.rows = rows
    self.columns = columns
    self.storage = columnMajor
  }

  /// A matrix from an array of rows (the natural way to write a small literal matrix).
  ///
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when the rows have different lengths.
  public init(rows elements: [[Double]]) throws(LinearAlgebraError) {
    let m = elements.count
    let n = elements.first?.count ?? 0
    var storage = [Double](repeating: 0, count: m * n)
    for (i, row) in elements.enumerated() {
      guard row.count == n else {
        throw .dimensionMismatch(
          operation: "Matrix(rows:)", expected: "\(n) columns in every row",
          got: "\(row.count) in row \(i)")
      }
      for j in 0..<n { storage[i + j * m] = row[j] }
    }
    self.rows = m
    self.columns = n
    self.storage = storage
  }

  /// The `n × n` identity matrix.
  public static func identity(_ n: Int) -> Matrix {
    var result = Matrix(rows: n, columns: n)
    for i in 0..<result.rows { result.storage[i + i * result.rows] = 1 }
    return result
  }

  /// The element in row `row` and column `column` (both zero-based).
  ///
  /// Indices are checked by the underlying array (out-of-range traps, as for `Array`).
  public subscript(row: Int, column: Int) -> Double {
    get { storage[row + column * rows] }
    set { storage[row + column * rows] = newValue }
  }

  /// The transpose, `Aᵀ`, as a new matrix.
  ///
  /// - Complexity: O(rows × columns).
  public func transposed() -> Matrix {
    var result = Matrix(rows: columns, columns: rows)
    storage.withUnsafeBufferPointer { source in
      result.storage.withUnsafeMutableBufferPointer { target in
        for j in 0..<columns {
          for i in 0..<rows { target[j + i * columns] = source[i + j * rows] }
        }
      }
    }
    return result
  }

  /// Column `j` as an array.
  public func column(_ j: Int) -> [Double] {
    Array(storage[(j * rows)..<((j + 1) * rows)])
  }

  /// Row `i` as an array.
  public func row(_ i: Int) -> [Double] {
    (0..<columns).map { storage[i + $0 * rows] }
  }

  /// The matrix as an array of rows (the inverse of `init(rows:)`).
  public var rowArrays: [[Double]] { (0..<rows).map { row($0) } }
}
