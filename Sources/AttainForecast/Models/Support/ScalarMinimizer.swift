/// Minimisation of a function of one variable on an interval: a uniform grid to find the best
/// bracket (guarding against multiple local minima), then golden-section search inside it.
///
/// Deterministic and derivative-free. Reference: Press et al., *Numerical Recipes* (3rd ed.), §10.2.
enum ScalarMinimizer {
  /// Returns the minimiser x in [lower, upper] and f(x).
  /// - Complexity: `gridPoints` + ~45 evaluations of `f` (to a bracket width of 1e-8·(upper−lower)).
  static func minimize(
    lower: Double, upper: Double, gridPoints: Int = 25, tolerance: Double = 1e-8,
    _ f: (Double) -> Double
  ) -> (x: Double, value: Double) {
    let count = max(gridPoints, 3)
    let step = (upper - lower) / Double(count - 1)
    var bestIndex = 0
    var bestValue = Double.infinity
    for k in 0..<count {
      let v = f(lower + Double(k) * step)
      if v < bestValue {
        bestValue = v
        bestIndex = k
      }
    }
    var a = lower + Double(max(bestIndex - 1, 0)) * step
    var b = lower + Double(min(bestIndex + 1, count - 1)) * step
    let ratio = 0.618_033_988_749_894_8
    var c = b - ratio * (b - a)
    var d = a + ratio * (b - a)
    var fc = f(c)
    var fd = f(d)
    let width = tolerance * (upper - lower)
    while b - a > width {
      if fc < fd {
        b = d
        d = c
        fd = fc
        c = b - ratio * (b - a)
        fc = f(c)
      } else {
        a = c
        c = d
        fc = fd
        d = a + ratio * (b - a)
        fd = f(d)
      }
    }
    let x = 0.5 * (a + b)
    let fx = f(x)
    let bestGrid = lower + Double(bestIndex) * step
    // Keep the grid point if the refinement did not improve on it (f non-finite or flat).
    if !(fx <= bestValue) { return (bestGrid, bestValue) }
    return (x, fx)
  }
}
