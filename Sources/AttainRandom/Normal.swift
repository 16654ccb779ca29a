#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

extension Xoshiro256PlusPlus {
  /// A standard normal draw N(0, 1) by the Marsaglia polar method.
  ///
  /// Placeholder for the ziggurat; exact in distribution.
  @inlinable
  public mutating func nextNormal() -> Double {
    while true {
      let u = 2 * nextUniform() - 1
      let v = 2 * nextUniform() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        return u * (-2 * _log(s) / s).squareRoot()
      }
    }
  }
}

@usableFromInline func _log(_ x: Double) -> Double {
  #if canImport(Glibc)
    return Glibc.log(x)
  #else
    return Foundation.log(x)
  #endif
}
