import AttainData
import AttainParallel
import AttainForecast
import AttainRandom

/// The Monte Carlo attainment engine: P sample paths of H periods for each of N units,
/// reduced on the fly to per-unit and per-group total distributions.
///
/// For unit u and path p the engine draws H standard normals eᵤₚₕ from the unit's stream
/// (seed, stableHash(u.id)) of the four-lane generator `Xoshiro256PlusPlusX4`; with a market correlation ρ it mixes in the path's market
/// shocks mₚₕ (from the stream (seed′, p), shared by all units):
/// zᵤₚₕ = √ρ·mₚₕ + √(1−ρ)·eᵤₚₕ, so corr(zᵤ, zᵥ) = ρ for u ≠ v. The unit's fitted model maps z
/// to a path (`PathSampler`), the scenario rescales it (yₕ·mₕ + aₕ) and the path's total
/// Σₕ yₕ is kept (a `BatchPathSampler` writes the weighted totals Σₕ mₕ·yₕ of a batch of
/// paths directly, `samplePathTotals`): P doubles per unit in flight, never an N×P×H array.
/// Group totals per path are exact fixed-point sums (`ExactSum`).
///
/// Determinism: every random number depends only on (seed, unit id, path, period), and group
/// sums are exact, so results are bit-identical for any thread count, unit order and split
/// of the units into shards (combine shards with `GroupPathTotals.merged(with:)`).
/// - Complexity: O(N·P·H) time; memory O(threads·(P + B·H + G·P) + P·H + N·levels) doubles
///   (B = `batchPaths`, G = groups; the P·H market shocks only when ρ > 0), independent of N·P·H.
/// - Reference: the one-factor (Vasicek 1987) correlation model; Glasserman (2003), *Monte
///   Carlo Methods in Financial Engineering*, §2 and §9.
public struct SimulationEngine: Sendable {
  /// The plan: paths, horizon, seed, market correlation, summary levels.
  public let plan: SimulationPlan
  /// Units simulated per work chunk (parallel grain).
  public var chunkSize = 8
  /// Paths whose shocks are drawn in one bulk call (per worker buffer of B·H doubles).
  public var batchPaths = 64
  /// Whether results keep every unit's P path totals (`SimulationResult.unitTotals`, N·P
  /// doubles); off by default, when only the summaries are kept.
  public var keepsUnitTotals = false

  /// An engine for a validated `plan`.
  public init(plan: SimulationPlan) throws(SimulationError) {
    try plan.validate()
    self.plan = plan
  }

  /// The seed of the market-factor streams, distinct from the unit streams' seed.
  var marketSeed: UInt64 { SplitMix64.mix(plan.seed ^ 0x4D41_524B_4554_0001) }

  /// Simulates `units` under `scenario` on `threads` workers (default: all processors).
  /// Group totals get targets from `groupTargets`.
  /// - Throws: `SimulationError` for an invalid scenario, duplicate ids, or a model producing
  ///   non-finite or out-of-range totals.
  public func run(
    units: [SimulationUnit], scenario: Scenario = .baseline, groupTargets: [String: Double] = [:],
    threads: Int? = nil
  ) throws(SimulationError) -> SimulationResult {
    try scenario.validate(horizon: plan.horizon)
    var seen = Set<String>()
    for unit in units where !seen.insert(unit.id).inserted { throw .duplicateUnit(id: unit.id) }
    let groupNames = Array(Set(units.compactMap(\.group))).sorted()
    let groupIndex = Dictionary(uniqueKeysWithValues: groupNames.enumerated().map { ($1, $0) })
    let unitGroups = units.map { $0.group.flatMap { groupIndex[$0] } ?? -1 }
    let threadCount = max(1, threads ?? defaultSimulationThreads)
    let market = marketShocks(threads: threadCount)

    let chunkCount = (units.count + chunkSize - 1) / chunkSize
    let workers = max(1, min(threadCount, chunkCount))
    var workspaces = (0..<workers).map { _ in
      Workspace(plan: plan, batchPaths: batchPaths, groups: groupNames.count, units: units)
    }
    var summaries = [TotalSummary?](repeating: nil, count: units.count)
    var failures = [SimulationError?](repeating: nil, count: units.count)
    var kept = [[Double]](repeating: [], count: keepsUnitTotals ? units.count : 0)
    let keep = keepsUnitTotals
    let size = chunkSize
    workspaces.withParallelAccess { spaces in
      summaries.withParallelAccess { out in
        failures.withParallelAccess { fail in
          kept.withParallelAccess { keptTotals in
            ParallelChunks.run(chunks: chunkCount, threads: workers) { chunk, worker in
              for u in (chunk * size)..<min(units.count, (chunk + 1) * size) {
                do throws(SimulationError) {
                  out[u] = try spaces[worker].simulate(
                    unit: units[u], group: unitGroups[u], scenario: scenario, market: market,
                    plan: plan)
                  if keep { keptTotals[u] = spaces[worker].totals }
                } catch {
                  fail[u] = error
                }
              }
            }
          }
        }
      }
    }
    if let first = failures.lazy.compactMap({ $0 }).first { throw first }

    var counts = [Int](repeating: 0, count: groupNames.count)
    for g in unitGroups where g >= 0 { counts[g] += 1 }
    var groupTotals = GroupPathTotals(groups: groupNames, unitCounts: counts, paths: plan.paths)
    if !groupNames.isEmpty {
      for space in workspaces {
        for k in 0..<groupTotals.sums.count { groupTotals.sums[k].add(space.groupSums[k]) }
      }
    }
    let unitSummaries = zip(units, summaries).map { unit, summary in
      SimulationResult.UnitSummary(
        id: unit.id, group: unit.group,
        total: summary
          ?? TotalSummary(totals: [], target: nil, quantileLevels: [], attainmentProbabilities: []))
    }
    return SimulationResult(
      scenario: scenario, units: unitSummaries,
      groups: groupTotals.summaries(plan: plan, targets: groupTargets),
      groupPathTotals: groupTotals,
      unitTotals: keepsUnitTotals ? kept : nil)
  }

  /// Simulates every scenario of the plan in order (the baseline alone if it lists none),
  /// each with the same random numbers, so differences between scenarios are the adjustments'
  /// effects and not Monte Carlo noise (common random numbers).
  public func runScenarios(
    units: [SimulationUnit], groupTargets: [String: Double] = [:], threads: Int? = nil
  ) throws(SimulationError) -> [SimulationResult] {
    var results: [SimulationResult] = []
    for scenario in plan.scenarios ?? [.baseline] {
      results.append(
        try run(units: units, scenario: scenario, groupTargets: groupTargets, threads: threads))
    }
    return results
  }

  /// The market shocks mₚₕ, P×H row-major, each path from its own stream; empty when ρ = 0.
  func marketShocks(threads: Int) -> [Double] {
    guard let rho = plan.marketCorrelation, rho > 0 else { return [] }
    let (paths, horizon, seed) = (plan.paths, plan.horizon, marketSeed)
    var shocks = [Double](repeating: 0, count: paths * horizon)
    let grain = 256
    shocks.withParallelAccess { buffer in
      ParallelChunks.run(chunks: (paths + grain - 1) / grain, threads: threads) { chunk, _ in
        for p in (chunk * grain)..<min(paths, (chunk + 1) * grain) {
          var rng = Xoshiro256PlusPlus(seed: seed, stream: UInt64(p))
          buffer.withUnsafeMutableBufferPointer((p * horizon)..<((p + 1) * horizon)) { rng.fillNormals($0) }
        }
      }
    }
    return shocks
  }
}

/// Draws the standard normal shocks of a batch. Kept out of line so the ziggurat loop gets
/// the registers to itself (inlined into the engine's loop nest, its state spilled).
@inline(never)
func fillShocks(_ rng: inout Xoshiro256PlusPlusX4, _ buffer: UnsafeMutableBufferPointer<Double>) {
  rng.fillNormals(buffer)
}

/// One worker's buffers, allocated once per run and reused for every unit it simulates.
struct Workspace {
  var shocks: [Double]
  var path: [Double]
  var scratch: [Double]
  var totals: [Double]
  var multipliers: [Double]
  var amounts: [Double]
  var groupSums: [ExactSum]
  var selectionScratch: [Double]
  let batchPaths: Int

  init(plan: SimulationPlan, batchPaths: Int, groups: Int, units: [SimulationUnit]) {
    let batch = max(1, min(batchPaths, plan.paths))
    self.batchPaths = batch
    shocks = [Double](repeating: 0, count: batch * plan.horizon)
    path = [Double](repeating: 0, count: batch * plan.horizon)
    scratch = [Double](
      repeating: 0, count: max(1, units.map { $0.sampler.scratchCount }.max() ?? 0))
    totals = [Double](repeating: 0, count: plan.paths)
    multipliers = [Double](repeating: 1, count: plan.horizon)
    amounts = [Double](repeating: 0, count: plan.horizon)
    groupSums = [ExactSum](repeating: ExactSum(), count: groups * plan.paths)
    selectionScratch = [Double](repeating: 0, count: plan.paths + 512)
  }

  /// Whether every value is finite and of magnitude below `ExactSum.limit` (NaN fails the
  /// comparison): one vector pass with no branch per value; the caller looks for the first
  /// failing path only when this is false.
  static func allBelowLimit(_ values: UnsafeBufferPointer<Double>) -> Bool {
    guard let v = values.baseAddress else { return true }
    let limit = SIMD4<Double>(repeating: ExactSum.limit)
    var below = SIMDMask<SIMD4<Int64>>(repeating: true)
    var i = 0
    while i + 4 <= values.count {
      let x = UnsafeRawPointer(v + i).loadUnaligned(as: SIMD4<Double>.self)
      below .&= (x .< limit) .& (x .> -limit)
      i += 4
    }
    var tail = true
    while i < values.count {
      tail = tail && values[i].magnitude < ExactSum.limit
      i += 1
    }
    return all(below) && tail
  }

  /// Simulates one unit's P paths, adds its totals to its group and summarises them.
  mutating func simulate(
    unit: SimulationUnit, group: Int, scenario: Scenario, market: [Double], plan: SimulationPlan
  ) throws(SimulationError) -> TotalSummary {
    let (paths, horizon) = (plan.paths, plan.horizon)
    let applies = !scenario.isIdentity && scenario.applies(toGroup: unit.group)
    if applies {
      multipliers.withUnsafeMutableBufferPointer { m in
        amounts.withUnsafeMutableBufferPointer { a in
          scenario.adjustments(multipliers: m, amounts: a)
        }
      }
    }
    let amountTotal = applies ? amounts.reduce(0, +) : 0
    let rho = market.isEmpty ? 0 : (plan.marketCorrelation ?? 0)
    let loading = rho.squareRoot()
    let idiosyncratic = (1 - rho).squareRoot()
    var rng = Xoshiro256PlusPlusX4(seed: plan.seed, stream: stableHash(unit.id))
    let sampler = unit.sampler
    let batchSampler = sampler as? any BatchPathSampler
    let batch = batchPaths

    shocks.withUnsafeMutableBufferPointer { z in
      path.withUnsafeMutableBufferPointer { y in
        scratch.withUnsafeMutableBufferPointer { work in
          totals.withUnsafeMutableBufferPointer { out in
            multipliers.withUnsafeBufferPointer { m in
              market.withUnsafeBufferPointer { mk in
                guard let outBase = out.baseAddress else { return }
                var start = 0
                while start < paths {
                  let count = min(batch, paths - start)
                  let filled = UnsafeMutableBufferPointer(rebasing: z[0..<(count * horizon)])
                  fillShocks(&rng, filled)
                  if rho > 0 {
                    let base = start * horizon
                    for k in 0..<(count * horizon) {
                      z[k] = loading * mk[base + k] + idiosyncratic * z[k]
                    }
                  }
                  let rows = UnsafeMutableBufferPointer(rebasing: y[0..<(count * horizon)])
                  let sums = UnsafeMutableBufferPointer(start: outBase + start, count: count)
                  let weights = applies ? m : nil
                  if let batchSampler {
                    // The sampler writes the weighted totals (a fused one never stores the
                    // paths).
                    batchSampler.samplePathTotals(
                      shocks: UnsafeBufferPointer(filled), weights: weights, into: sums,
                      horizon: horizon, paths: rows, scratch: work)
                  } else {
                    for j in 0..<count {
                      sampler.samplePath(
                        shocks: UnsafeBufferPointer(
                          rebasing: z[(j * horizon)..<((j + 1) * horizon)]),
                        into: UnsafeMutableBufferPointer(
                          rebasing: y[(j * horizon)..<((j + 1) * horizon)]),
                        scratch: work)
                    }
                    // Row totals, each added in period order (the row's values are contiguous).
                    addRowTotals(
                      UnsafeBufferPointer(rows), horizon: horizon, weights: weights, into: sums)
                  }
                  if applies { for j in 0..<count { sums[j] += amountTotal } }
                  start += count
                }
              }
            }
          }
        }
      }
    }
    if !totals.withUnsafeBufferPointer(Self.allBelowLimit) {
      for p in 0..<paths {
        let t = totals[p]
        if !t.isFinite { throw .nonFiniteTotal(unit: unit.id, path: p) }
        if !(t.magnitude < ExactSum.limit) { throw .totalOutOfRange(unit: unit.id, path: p) }
      }
    }
    if group >= 0 {
      let base = group * paths
      for p in 0..<paths { groupSums[base + p].add(totals[p]) }
    }
    return totals.withUnsafeMutableBufferPointer { values in
      selectionScratch.withUnsafeMutableBufferPointer { scratch in
        TotalSummary(
          totals: values, target: unit.target, quantileLevels: plan.quantileLevels,
          attainmentProbabilities: plan.attainmentProbabilities, scratch: scratch)
      }
    }
  }
}
