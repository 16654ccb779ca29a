import ArgumentParser
import Attain

/// `attain decompose`: split a target over time and/or over an organisation, exactly.
struct DecomposeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decompose",
    abstract: "Split a target over time (months, weeks, days, quarters) and/or over an organisation, summing exactly.",
    discussion: """
      Over time (--from and --to): the target follows a seasonal profile — month shares from \
      --history (a monthly series CSV; the sum of all its series, or the series --id; the most \
      recent whole years), optionally days weighted by working days (--holidays FILE with a `date` \
      column, or --working-days: weekends and holidays carry --non-working-weight) and event uplifts \
      (--event MM-DD:MULTIPLIER, e.g. 11-11:3). Splitting runs top-down whole → quarters → months → \
      days with largest-remainder rounding to --unit, so every level sums exactly; weeks are ISO \
      weeks (Monday–Sunday) clipped to the range.

      Over the organisation (--units FILE): a CSV with the columns unique_id (the unit's name), \
      parent (optional: the parent unit's id, empty for top-level units), history (last year's \
      actual: the base of the history share and of the growth bounds), forecast, potential and \
      capacity (optional indicators blended with --blend) and new (optional: 1 or true for a new \
      unit without history, which gets the mean share).

      Siblings split their parent's target by the blended shares (--blend \
      history=0.5,forecast=0.5; default: history alone, or half history half forecast when a \
      forecast column exists), held within --growth-floor/--growth-cap versus history. --buffer \
      over-assigns the top-level split (the top-level units sum to target × (1 + buffer), exactly \
      in units); lower levels sum exactly to their parent, or to parent × (1 + buffer) with \
      --buffer-every-level.

      Output CSV: unique_id, parent, period_start, period_end, target. Without --from/--to one row \
      per unit (period columns empty); without --units the id is --id or `total`. Every unit's \
      periods sum exactly to its target.

      Examples:
        attain decompose --target 1200000 --from 2017-01-01 --to 2017-12-31 \\
          --grain month --history sales.csv
        attain decompose --target 1200000 --units units.csv --buffer 0.05 \\
          --from 2017-01-01 --to 2017-12-31 --grain week --history sales.csv
      """)

  enum Grain: String, ExpressibleByArgument, CaseIterable {
    case quarter, month, week, day
    var kind: PlanPeriod.Kind {
      switch self {
      case .quarter: .quarter
      case .month: .month
      case .week: .isoWeek
      case .day: .day
      }
    }
  }

  @Option(help: "The whole target (currency or quantity).") var target: Double
  @Option(help: ArgumentHelp("First day of the range (YYYY-MM-DD).", valueName: "date")) var from: String?
  @Option(help: ArgumentHelp("Last day of the range (YYYY-MM-DD).", valueName: "date")) var to: String?
  @Option(help: "Output grain: quarter, month, week (ISO) or day.") var grain: Grain = .month
  @Option(help: ArgumentHelp("Monthly history series CSV for the month shares.", valueName: "file"))
  var history: String?
  @Option(help: ArgumentHelp("Series of --history to use (default: the sum of all).", valueName: "id"))
  var id: String?
  @Option(help: ArgumentHelp("CSV of holidays (column `date`, YYYY-MM-DD); implies --working-days.", valueName: "file"))
  var holidays: String?
  @Flag(help: "Weight days by working days (Saturday/Sunday and holidays are non-working).") var workingDays = false
  @Option(help: "Weight of a non-working day relative to a working day.") var nonWorkingWeight = 0.0
  @Option(name: .customLong("event"), help: ArgumentHelp("Uplift MM-DD:MULTIPLIER (repeatable).", valueName: "uplift"))
  var events: [String] = []
  @Option(help: "Rounding unit (1 = whole currency, 0.01 = cents).") var unit = 1.0
  @Option(help: ArgumentHelp("Organisation units CSV (see above).", valueName: "file")) var units: String?
  @Option(help: "Over-assignment of the top-level split (0.05 = 5 %).") var buffer = 0.0
  @Flag(help: "Apply --buffer at every level of the organisation, not only the top.") var bufferEveryLevel = false
  @Option(help: "Blend weights, e.g. history=0.5,forecast=0.5.") var blend: String?
  @Option(help: "Lowest growth versus history (e.g. -0.05).") var growthFloor: Double?
  @Option(help: "Highest growth versus history (e.g. 0.3).") var growthCap: Double?

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
    if from == nil && units == nil {
      throw ValidationError("give --from/--to (time split), --units (organisation), or both")
    }
    if !(target.isFinite && target >= 0) { throw ValidationError("--target must be finite and ≥ 0") }
  }

  func run() throws {
    // Organisation first: (id, parent, target units).
    var rows: [(id: String, parent: String?, units: Int64)] = []
    if let units {
      let tree = try Self.readTree(units)
      let splitter = OrganisationSplitter(
        blend: try parseBlend(hasForecast: tree.hasForecast), growth: growthBounds, unit: unit)
      let assigned = try splitter.decompose(target, tree: tree.nodes.map { withBuffer($0) }, buffer: buffer)
      rows = assigned.map { ($0.id, $0.parent, $0.units) }
    } else {
      rows = [(id ?? "total", nil, try LargestRemainder.units(of: target, unit: unit))]
    }
    var table = ResultTable(header: ["unique_id", "parent", "period_start", "period_end", "target"])
    guard let from, let to else {
      for r in rows {
        table.append([.text(r.id), .text(r.parent ?? ""), .text(""), .text(""), .number(amount(r.units))])
      }
      try output.write(table)
      return
    }
    let range = try DateRange(start: try isoDate(from, option: "--from"), end: try isoDate(to, option: "--to"))
    let splitter = try TimeSplitter(range: range, profile: try profile())
    for r in rows {
      let plan = try splitter.split(amount(r.units), unit: unit)
      for p in plan.periods(grain.kind) {
        table.append([
          .text(r.id), .text(r.parent ?? ""), .text(p.start.description), .text(p.end.description), .number(p.amount),
        ])
      }
    }
    try output.write(table)
  }

  /// Units × unit, printed without binary noise for decimal units (0.01 → cents).
  func amount(_ units: Int64) -> Double {
    let inverse = (1 / unit).rounded()
    if unit < 1, inverse > 1, abs(1 / inverse - unit) < 1e-15 { return Double(units) / inverse }
    return Double(units) * unit
  }

  var growthBounds: GrowthBounds? {
    guard growthFloor != nil || growthCap != nil else { return nil }
    return GrowthBounds(minimum: growthFloor ?? -.infinity, maximum: growthCap ?? .infinity)
  }

  func withBuffer(_ node: OrganisationNode) -> OrganisationNode {
    OrganisationNode(node.unit, buffer: bufferEveryLevel ? buffer : 0, children: node.children.map { withBuffer($0) })
  }

  func parseBlend(hasForecast: Bool) throws -> BlendWeights {
    guard let blend else { return hasForecast ? .historyAndForecast : BlendWeights(history: 1) }
    var w = BlendWeights()
    for part in blend.split(separator: ",") {
      let kv = part.split(separator: "=")
      guard kv.count == 2, let v = Double(kv[1]), v >= 0 else {
        throw ValidationError("--blend expects name=weight pairs, got '\(part)'")
      }
      switch kv[0] {
      case "history": w.history = v
      case "forecast": w.forecast = v
      case "potential": w.potential = v
      case "capacity": w.capacity = v
      default: throw ValidationError("--blend: unknown indicator '\(kv[0])' (history, forecast, potential, capacity)")
      }
    }
    return w
  }

  /// The seasonal profile from --history, --holidays/--working-days and --event.
  func profile() throws -> SeasonalProfile {
    var profile = SeasonalProfile()
    if let history {
      let panel = try input.readPanel(history)
      do {
        profile.monthShares = try PlanWorkflow.monthShares(history: panel, id: id, file: history)
      } catch let error as PlanInputError where error.isUsage {
        throw ValidationError(error.description)
      }
    }
    if workingDays || holidays != nil {
      let dates = try holidays.map { path throws(DataError) in try HolidayList.read(path: path) } ?? []
      profile.workingDays = WorkingCalendar(holidays: dates, nonWorkingDayWeight: nonWorkingWeight)
    }
    for e in events {
      let parts = e.split(separator: ":")
      let md = parts.first?.split(separator: "-") ?? []
      guard parts.count == 2, md.count == 2, let m = Int(md[0]), let d = Int(md[1]), (1...12).contains(m),
        (1...31).contains(d), let x = Double(parts[1]), x >= 0
      else { throw ValidationError("--event expects MM-DD:MULTIPLIER, got '\(e)'") }
      profile.events.append(.annual(month: m, day: d, multiplier: x))
    }
    return profile
  }

  /// The organisation tree of a units CSV (input order; children after a parent need not follow it).
  static func readTree(_ path: String) throws -> (nodes: [OrganisationNode], hasForecast: Bool) {
    let table = try UnitTable.read(path: path)
    do {
      return (try OrganisationTree.build(table), table.hasForecast)
    } catch where error.isUsage {
      throw ValidationError(error.description)
    }
  }
}
