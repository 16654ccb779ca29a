#if canImport(Glibc)
  import Glibc
#else
  import Foundation
#endif

/// xʸ (C `pow`), exposed once so model files need no platform imports.
@_disfavoredOverload @inline(__always) func pow(_ x: Double, _ y: Double) -> Double {
  #if canImport(Glibc)
    Glibc.pow(x, y)
  #else
    Foundation.pow(x, y)
  #endif
}

/// Natural logarithm (C `log`).
@_disfavoredOverload @inline(__always) func log(_ x: Double) -> Double {
  #if canImport(Glibc)
    Glibc.log(x)
  #else
    Foundation.log(x)
  #endif
}

/// Exponential (C `exp`).
@_disfavoredOverload @inline(__always) func exp(_ x: Double) -> Double {
  #if canImport(Glibc)
    Glibc.exp(x)
  #else
    Foundation.exp(x)
  #endif
}
