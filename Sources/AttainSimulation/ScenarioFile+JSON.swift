import AttainData

extension ScenarioFile {
  /// Reads a scenario file (`{"scenarios": [{"name": …, …}, …]}`) and checks every field, so a
  /// bad file fails with `FILE:LINE:COLUMN: what is wrong` at the offending value.
  ///
  /// Strict: unknown keys (typos such as `grwoth`) are errors, as are wrong types, non-integral
  /// periods, duplicate names, a `baseline` entry that changes anything (one that does not is
  /// left out: the baseline is always simulated), and values outside the ranges of
  /// `Scenario.validate(horizon:)`; with `horizon`, periods must lie in 1…horizon. `null` means
  /// an absent optional field.
  /// - Complexity: O(bytes.count + scenarios · fields).
  /// - Throws: `DataError` (`.invalidJSON` with the location of the value, or `.emptyFile`).
  public static func read(bytes: [UInt8], file: String, horizon: Int? = nil) throws(DataError) -> ScenarioFile {
    let root = try JSONValue.parse(bytes: bytes, file: file)
    var reader = ScenarioJSONReader(file: file, horizon: horizon)
    return try reader.file(root)
  }

  /// `read(bytes:file:horizon:)` on the file at `path` (`-` = standard input).
  public static func read(path: String, horizon: Int? = nil) throws(DataError) -> ScenarioFile {
    try read(bytes: FileBytes.read(path: path), file: FileBytes.displayName(path), horizon: horizon)
  }
}

/// Maps located JSON values to `Scenario`s, checking types and ranges.
private struct ScenarioJSONReader {
  let file: String
  let horizon: Int?

  func error(_ value: JSONValue, _ message: String) -> DataError {
    DataError(file: file, line: value.line, column: value.column, reason: .invalidJSON(message))
  }

  func members(_ value: JSONValue, _ path: String, allowed: [String]) throws(DataError) -> [String: JSONValue] {
    guard case .object(let members) = value.kind else {
      throw error(value, "\(path) must be an object, got \(value.typeName)")
    }
    var result: [String: JSONValue] = [:]
    for member in members {
      guard allowed.contains(member.key) else {
        throw DataError(
          file: file, line: member.line, column: member.column,
          reason: .invalidJSON(
            "unknown key '\(shownKey(member.key))' in \(path) (expected \(allowed.joined(separator: ", ")))"))
      }
      if case .null = member.value.kind { continue }
      result[member.key] = member.value
    }
    return result
  }

  func elements(_ value: JSONValue, _ path: String) throws(DataError) -> [JSONValue] {
    guard case .array(let elements) = value.kind else {
      throw error(value, "\(path) must be an array, got \(value.typeName)")
    }
    return elements
  }

  func number(_ value: JSONValue, _ path: String) throws(DataError) -> Double {
    guard case .number(let x) = value.kind else { throw error(value, "\(path) must be a number, got \(value.typeName)") }
    return x
  }

  /// A number that must exceed `bound`.
  func number(_ value: JSONValue, _ path: String, above bound: Double, _ why: String) throws(DataError) -> Double {
    let x = try number(value, path)
    if !(x > bound) { throw error(value, "\(path) must exceed \(why), got \(format(x))") }
    return x
  }

  func integer(_ value: JSONValue, _ path: String) throws(DataError) -> Int {
    let x = try number(value, path)
    guard x == x.rounded(), abs(x) <= 9_007_199_254_740_992 else {
      throw error(value, "\(path) must be an integer, got \(format(x))")
    }
    return Int(x)
  }

  /// A 1-based period, within 1…horizon when the horizon is known.
  func period(_ value: JSONValue, _ path: String) throws(DataError) -> Int {
    let h = try integer(value, path)
    if h < 1 { throw error(value, "\(path) must be at least 1 (periods are 1-based), got \(h)") }
    if let horizon, h > horizon {
      throw error(value, "\(path) \(h) is beyond the horizon of \(horizon) periods")
    }
    return h
  }

  func string(_ value: JSONValue, _ path: String) throws(DataError) -> String {
    guard case .string(let s) = value.kind else { throw error(value, "\(path) must be a string, got \(value.typeName)") }
    return s
  }

  mutating func file(_ root: JSONValue) throws(DataError) -> ScenarioFile {
    let fields = try members(root, "the scenario file", allowed: ["scenarios"])
    guard let list = fields["scenarios"] else {
      throw error(root, "missing key 'scenarios' (the file is {\"scenarios\": [ … ]})")
    }
    var scenarios: [Scenario] = []
    var names: Set<String> = []
    for (i, item) in try elements(list, "scenarios").enumerated() {
      let scenario = try self.scenario(item, "scenarios[\(i)]")
      if !names.insert(scenario.name).inserted {
        throw error(item, "scenario name '\(shownKey(scenario.name))' is used twice")
      }
      // `baseline` is the unchanged future, always simulated first: an entry of that name may
      // only restate it (and is then left out), not change it.
      if scenario.name == Scenario.baseline.name {
        if scenario.isIdentity && scenario.groups == nil { continue }
        throw error(item, "scenario name 'baseline' is reserved for the unchanged future (rename this scenario)")
      }
      scenarios.append(scenario)
    }
    return ScenarioFile(scenarios: scenarios)
  }

  func scenario(_ value: JSONValue, _ path: String) throws(DataError) -> Scenario {
    let f = try members(
      value, path,
      allowed: ["name", "growth", "priceChange", "priceElasticity", "promotions", "headcountRamp", "shocks", "groups"])
    guard let nameValue = f["name"] else { throw error(value, "\(path) has no 'name'") }
    let name = try string(nameValue, "\(path).name")
    if name.isEmpty { throw error(nameValue, "\(path).name must not be empty") }
    var s = Scenario(name: name)
    if let v = f["growth"] { s.growth = try number(v, "\(path).growth", above: -1, "-1") }
    if let v = f["priceChange"] { s.priceChange = try number(v, "\(path).priceChange", above: -1, "-1") }
    if let v = f["priceElasticity"] { s.priceElasticity = try number(v, "\(path).priceElasticity") }
    if let v = f["promotions"] {
      s.promotions = []
      for (k, item) in try elements(v, "\(path).promotions").enumerated() {
        let p = "\(path).promotions[\(k)]"
        let g = try members(item, p, allowed: ["periods", "uplift"])
        guard let periods = g["periods"], let uplift = g["uplift"] else {
          throw error(item, "\(p) needs 'periods' and 'uplift'")
        }
        var list: [Int] = []
        for (j, h) in try elements(periods, "\(p).periods").enumerated() {
          list.append(try period(h, "\(p).periods[\(j)]"))
        }
        s.promotions?.append(
          Scenario.Promotion(periods: list, uplift: try number(uplift, "\(p).uplift", above: -1, "-1")))
      }
    }
    if let v = f["headcountRamp"] {
      let p = "\(path).headcountRamp"
      let g = try members(v, p, allowed: ["currentHeadcount", "addedHeadcount", "startPeriod", "rampPeriods"])
      guard let current = g["currentHeadcount"], let added = g["addedHeadcount"], let start = g["startPeriod"],
        let ramp = g["rampPeriods"]
      else { throw error(v, "\(p) needs currentHeadcount, addedHeadcount, startPeriod and rampPeriods") }
      let c = try number(current, "\(p).currentHeadcount", above: 0, "0")
      let a = try number(added, "\(p).addedHeadcount", above: -c, "-currentHeadcount (\(format(-c)))")
      let startPeriod = try integer(start, "\(p).startPeriod")
      if startPeriod < 1 { throw error(start, "\(p).startPeriod must be at least 1, got \(startPeriod)") }
      let rampPeriods = try integer(ramp, "\(p).rampPeriods")
      if rampPeriods < 1 { throw error(ramp, "\(p).rampPeriods must be at least 1, got \(rampPeriods)") }
      s.headcountRamp = Scenario.HeadcountRamp(
        currentHeadcount: c, addedHeadcount: a, startPeriod: startPeriod, rampPeriods: rampPeriods)
    }
    if let v = f["shocks"] {
      s.shocks = []
      for (k, item) in try elements(v, "\(path).shocks").enumerated() {
        let p = "\(path).shocks[\(k)]"
        let g = try members(item, p, allowed: ["period", "factor", "amount"])
        guard let h = g["period"] else { throw error(item, "\(p) has no 'period'") }
        s.shocks?.append(
          Scenario.OneOffShock(
            period: try period(h, "\(p).period"),
            factor: try g["factor"].map { v throws(DataError) in try number(v, "\(p).factor") },
            amount: try g["amount"].map { v throws(DataError) in try number(v, "\(p).amount") }))
      }
    }
    if let v = f["groups"] {
      s.groups = []
      for (k, item) in try elements(v, "\(path).groups").enumerated() {
        s.groups?.append(try string(item, "\(path).groups[\(k)]"))
      }
    }
    return s
  }
}

/// A number for messages: integers without a fraction, others as Swift prints them.
private func format(_ x: Double) -> String {
  x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
}

/// A key or name cut to 60 characters for messages.
private func shownKey(_ text: String) -> String {
  text.count > 60 ? "\(text.prefix(60))…(\(text.count) characters)" : text
}
