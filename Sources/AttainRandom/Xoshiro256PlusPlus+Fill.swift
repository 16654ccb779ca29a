extension Xoshiro256PlusPlus {
  /// Fills `buffer` with uniform doubles in [0, 1) (53 random bits each), in the same order
  /// as repeated `nextUniform()` calls.
  /// - Complexity: O(buffer.count), no allocation.
  @inlinable
  public mutating func fillUniforms(_ buffer: UnsafeMutableBufferPointer<Double>) {
    guard let base = buffer.baseAddress else { return }
    var g = self
    for k in 0..<buffer.count { base[k] = g.nextUniform() }
    self = g
  }

  /// Fills `buffer` with standard normal draws (the ziggurat of `nextNormal()`), in the same
  /// order as repeated `nextNormal()` calls.
  /// - Complexity: O(buffer.count), no allocation.
  @inlinable
  public mutating func fillNormals(_ buffer: UnsafeMutableBufferPointer<Double>) {
    guard let base = buffer.baseAddress else { return }
    let tables = ZigguratTables.shared
    var g = self
    for k in 0..<buffer.count { base[k] = g.nextNormal(tables: tables) }
    self = g
  }

  /// Fills `array` with uniform doubles in [0, 1). See `fillUniforms(_:)` for buffers.
  @inlinable
  public mutating func fillUniforms(_ array: inout [Double]) {
    array.withUnsafeMutableBufferPointer { fillUniforms($0) }
  }

  /// Fills `array` with standard normal draws. See `fillNormals(_:)` for buffers.
  @inlinable
  public mutating func fillNormals(_ array: inout [Double]) {
    array.withUnsafeMutableBufferPointer { fillNormals($0) }
  }
}
