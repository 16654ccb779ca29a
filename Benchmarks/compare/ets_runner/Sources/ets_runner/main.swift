// Usage: ets_runner ROOT OUT [COUNT] [THREADS]
// Fits AutoETS (season length 12) to the first COUNT M3 monthly series of ROOT/datasets/m3,
// forecasts h = 18 with 80/95 % intervals, and writes OUT/attain.csv (same columns as
// ets_statsforecast.py) and OUT/attain.json (wall and CPU seconds of the fit+forecast loop).
import Attain
import Dispatch
import Foundation

let args = CommandLine.arguments
let root = args.count > 1 ? args[1] : "."
let out = args.count > 2 ? args[2] : "."
let count = args.count > 3 ? Int(args[3]) ?? 400 : 400
let threads = args.count > 4 ? max(Int(args[4]) ?? 1, 1) : 1

func lines(_ path: String) throws -> [Substring] {
  try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
    .map { $0 }
}
var ids: [String] = []
for line in try lines("\(root)/datasets/m3/m3-meta.csv") {
  let parts = line.split(separator: ",", omittingEmptySubsequences: false)
  if parts.count > 1 && parts[1] == "monthly" && ids.count < count { ids.append(String(parts[0])) }
}
let wanted = Set(ids)
var values: [String: [Double]] = [:]
for line in try lines("\(root)/datasets/m3/m3-train.csv") {
  let parts = line.split(separator: ",")
  guard parts.count == 3, wanted.contains(String(parts[0])), let v = Double(parts[2]) else {
    continue
  }
  values[String(parts[0]), default: []].append(v)
}
let series = ids.map { values[$0] ?? [] }

struct Result: Sendable {
  var forecast = Forecast(mean: [], levels: [], lower: [], upper: [])
  var model = ""
}
/// One slot per series, written by exactly one worker (disjoint indices), read after the join.
final class Results: @unchecked Sendable {
  let items: UnsafeMutableBufferPointer<Result>
  init(_ n: Int) {
    items = .allocate(capacity: n)
    items.initialize(repeating: Result())
  }
}
let results = Results(series.count)

// Optional overrides for experiments: ETS_MAXIT, ETS_STEP, ETS_TOL.
let environment = ProcessInfo.processInfo.environment
var optimizer = ETS.defaultOptimizer
if let v = environment["ETS_MAXIT"].flatMap(Int.init) { optimizer.maxIterations = v }
if let v = environment["ETS_STEP"].flatMap(Double.init) { optimizer.initialStep = v }
if let v = environment["ETS_TOL"].flatMap(Double.init) { optimizer.tolerance = v }
let tunedOptimizer = optimizer

func run(_ i: Int) {
  var method = AutoETS()
  method.optimizer = tunedOptimizer
  if let fit = try? method.fitETS(series[i], seasonLength: 12) {
    results.items[i] = Result(
      forecast: fit.forecast(horizon: 18, levels: [80, 95]), model: fit.form.code)
  }
}
// Warm-up.
for i in 0..<min(3, series.count) { run(i) }
let cpuStart = clock()
let wallStart = DispatchTime.now().uptimeNanoseconds
if threads == 1 {
  for i in 0..<series.count { run(i) }
} else {
  DispatchQueue.concurrentPerform(iterations: threads) { worker in
    var i = worker
    while i < series.count {
      run(i)
      i += threads
    }
  }
}
let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)

var csv = "unique_id,step,mean,lo80,hi80,lo95,hi95,model\n"
for (i, id) in ids.enumerated() {
  let r = results.items[i]
  guard r.forecast.mean.count == 18 else { continue }
  for t in 0..<18 {
    csv +=
      "\(id),\(t + 1),\(r.forecast.mean[t]),\(r.forecast.lower[0][t]),\(r.forecast.upper[0][t]),"
    csv += "\(r.forecast.lower[1][t]),\(r.forecast.upper[1][t]),\(r.model)\n"
  }
}
try csv.write(toFile: "\(out)/attain.csv", atomically: true, encoding: .utf8)
let json =
  "{\"seconds\": \(wall), \"cpu_seconds\": \(cpu), \"series\": \(series.count), \"threads\": \(threads)}\n"
try json.write(toFile: "\(out)/attain.json", atomically: true, encoding: .utf8)
FileHandle.standardError.write(
  "attain AutoETS: \(series.count) series in \(String(format: "%.3f", wall)) s wall, \(String(format: "%.3f", cpu)) s CPU (\(threads) threads)\n"
    .data(using: .utf8)!)
