/// A forecasting hierarchy (total → regions → reps, or total → categories → SKUs) given by a
/// parent map, with its summing matrix `S`.
///
/// Nodes keep the caller's order; the bottom level is every node without children (in node
/// order). `S` is the n × m 0/1 matrix with `S[i][j] = 1` when bottom node `j` lies under (or is)
/// node `i`, so that all-node values are `y = S · b` for bottom values `b`
/// (Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §11.1).
public struct Hierarchy: Sendable, Hashable {
  /// Node ids in the caller's order.
  public let ids: [String]
  /// Parent index of each node (nil for the root).
  public let parents: [Int?]
  /// Index of the root node.
  public let root: Int
  /// Node indices of the bottom level (nodes without children), in node order.
  public let bottom: [Int]
  /// CSR rows of `S`: the bottom positions (0..<m) under node `i` are
  /// `leafIndices[leafOffsets[i]..<leafOffsets[i+1]]`.
  let leafOffsets: [Int]
  let leafIndices: [Int]

  /// Builds a hierarchy from `(id, parent)` pairs; exactly one node has no parent (the root).
  ///
  /// - Throws: `.invalidHierarchy` for duplicate ids, unknown parents, no or several roots, or
  ///   a cycle.
  /// - Complexity: O(n · depth).
  public init(nodes: [(id: String, parent: String?)]) throws(PlanningError) {
    let n = nodes.count
    guard n > 0 else { throw .invalidHierarchy(reason: "no nodes") }
    var index: [String: Int] = [:]
    for (i, node) in nodes.enumerated() {
      guard index.updateValue(i, forKey: node.id) == nil else {
        throw .invalidHierarchy(reason: "duplicate id \(node.id)")
      }
    }
    var parents = [Int?](repeating: nil, count: n)
    var roots: [Int] = []
    var hasChild = [Bool](repeating: false, count: n)
    for (i, node) in nodes.enumerated() {
      if let p = node.parent {
        guard let pi = index[p] else { throw .invalidHierarchy(reason: "unknown parent \(p) of \(node.id)") }
        parents[i] = pi
        hasChild[pi] = true
      } else {
        roots.append(i)
      }
    }
    guard roots.count == 1 else {
      throw .invalidHierarchy(reason: "need exactly one root, found \(roots.count)")
    }
    let bottom = (0..<n).filter { !hasChild[$0] }
    var position = [Int](repeating: -1, count: n)
    for (j, b) in bottom.enumerated() { position[b] = j }
    var rows = [[Int]](repeating: [], count: n)
    for (j, b) in bottom.enumerated() {
      var k: Int? = b
      var steps = 0
      while let node = k {
        rows[node].append(j)
        k = parents[node]
        steps += 1
        guard steps <= n else { throw .invalidHierarchy(reason: "cycle through \(nodes[b].id)") }
      }
    }
    // A cycle not reaching any leaf leaves nodes without leaves.
    for i in 0..<n where rows[i].isEmpty { throw .invalidHierarchy(reason: "cycle through \(nodes[i].id)") }
    var offsets = [0]
    var flat: [Int] = []
    for r in rows {
      flat.append(contentsOf: r)
      offsets.append(flat.count)
    }
    self.ids = nodes.map(\.id)
    self.parents = parents
    self.root = roots[0]
    self.bottom = bottom
    self.leafOffsets = offsets
    self.leafIndices = flat
  }

  /// Number of nodes n.
  public var count: Int { ids.count }

  /// The summing matrix `S` (n × m, row-major).
  public var summingMatrix: [Double] {
    let m = bottom.count
    var s = [Double](repeating: 0, count: ids.count * m)
    for i in 0..<ids.count {
      for k in leafOffsets[i]..<leafOffsets[i + 1] { s[i * m + leafIndices[k]] = 1 }
    }
    return s
  }

  /// `S · b` for bottom-level values `b` (m × h, bottom-major: `b[j·h + t]`), giving all-node
  /// values (n × h, node-major).
  ///
  /// - Throws: `.lengthMismatch` when `b.count != m·h`.
  /// - Complexity: O(Σ_i leaves(i) · h) = O(m · depth · h).
  public func aggregate(bottom b: [Double], horizon h: Int) throws(PlanningError) -> [Double] {
    let m = bottom.count
    try requireCount("bottom values", b.count, rows: m, columns: h)
    var y = [Double](repeating: 0, count: ids.count * h)
    for i in 0..<ids.count {
      for k in leafOffsets[i]..<leafOffsets[i + 1] {
        let j = leafIndices[k]
        for t in 0..<h { y[i * h + t] += b[j * h + t] }
      }
    }
    return y
  }
}
