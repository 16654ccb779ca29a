import Foundation
import Testing

/// Ctrl-C during a long `forecast --output F` leaves neither F nor a temporary file.
@Suite struct BadInputInterruptTests {
  @Test func interruptedForecastLeavesNoFile() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // 4000 monthly series of 48 points: AutoETS takes seconds in any build.
    var text = "unique_id,ds,y\n"
    for s in 0..<4000 {
      for t in 1...48 { text += "s\(s),\(t),\(100 + (s * 7 + t * 13) % 37 + t)\n" }
    }
    let input = dir.appendingPathComponent("in.csv")
    try Data(text.utf8).write(to: input)
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let arguments = [
      try CLI.binary().path, "forecast", input.path, "--model", "ets", "--season-length", "12",
      "--output", out.appendingPathComponent("f.csv").path,
    ]
    let pid = try spawnWithDefaultSignals(arguments)
    Thread.sleep(forTimeInterval: 1.5)
    var status: Int32 = 0
    let stillRunning = waitpid(pid, &status, WNOHANG) == 0
    kill(pid, SIGINT)  // the child we started, by its pid
    if stillRunning {
      // Up to 30 s for the interrupt to take effect; then SIGKILL so a failure cannot hang the suite.
      var waited = 0
      while waitpid(pid, &status, WNOHANG) == 0 {
        if waited == 300 { kill(pid, SIGKILL) }
        Thread.sleep(forTimeInterval: 0.1)
        waited += 1
      }
    }
    #expect(stillRunning, "forecast finished before the interrupt; make the input larger")
    // Killed by SIGINT (WIFSIGNALED, WTERMSIG == SIGINT).
    #expect(status & 0x7f == SIGINT, "wait status \(status)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [])
  }
}

/// Starts `arguments[0]` with `arguments` as a terminal would: every signal at its default
/// action and none blocked (the test runner's threads block SIGINT, and a child inherits that).
private func spawnWithDefaultSignals(_ arguments: [String]) throws -> pid_t {
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var none = sigset_t()
  sigemptyset(&none)
  var all = sigset_t()
  sigfillset(&all)
  posix_spawnattr_setsigmask(&attributes, &none)
  posix_spawnattr_setsigdefault(&attributes, &all)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  var files = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&files)
  defer { posix_spawn_file_actions_destroy(&files) }
  posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0)
  var argv = arguments.map { strdup($0) } + [nil]
  defer { for p in argv { free(p) } }
  var pid: pid_t = 0
  let rc = posix_spawn(&pid, arguments[0], &files, &attributes, &argv, environ)
  try #require(rc == 0, "posix_spawn failed: \(rc)")
  return pid
}
