import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A started process whose stdin is a pipe and whose output goes to files.
/// posix_spawn + waitpid rather than Foundation's Process, whose exit detection proved unreliable
/// for a client that daemonizes a server (tmux) while tests run in parallel.
final class ChildProcess {
  let pid: pid_t
  private let scratch: TemporaryDirectory
  private var input: Int32

  init(
    _ executable: String, _ arguments: [String], directory: URL? = nil, environment: [String: String] = [:]
  ) throws {
    // Files, not pipes, for output: nothing can block on a full pipe buffer.
    scratch = try TemporaryDirectory()
    var merged = ProcessInfo.processInfo.environment
    merged["OKTA_CLIENT_TOKEN"] = nil
    merged["OKTA_CLIENT_ORGURL"] = nil
    merged.merge(environment) { $1 }

    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { throw TestSupportError(message: "pipe failed") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
    posix_spawn_file_actions_addclose(&actions, ends[1])
    posix_spawn_file_actions_addopen(&actions, 1, scratch.path + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, scratch.path + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    // The test process blocks signals on its threads; a child must not inherit that, or tmux's
    // panes would ignore SIGHUP and Ctrl-C would not reach the shell.
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

    // posix_spawn_file_actions_addchdir_np is not visible through Glibc: let sh change directory.
    let command =
      directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0.path, executable] } ?? [executable]
    let argv = (command + arguments).map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
    close(ends[0])
    guard spawned == 0 else {
      close(ends[1])
      throw TestSupportError(message: "cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    self.pid = pid
    input = ends[1]
  }

  deinit {
    if input >= 0 { close(input) }
    scratch.remove()
  }

  /// Writes to the child's stdin.
  func send(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
      guard written > 0 else { return }
      bytes = bytes.dropFirst(written)
    }
  }

  var standardOutput: String { (try? String(contentsOfFile: scratch.path + "/out", encoding: .utf8)) ?? "" }
  var standardError: String { (try? String(contentsOfFile: scratch.path + "/err", encoding: .utf8)) ?? "" }

  /// Polls stdout until it contains `text` (10 s at most).
  func waitForOutput(_ text: String) -> Bool {
    let end = ContinuousClock.now + .seconds(10)
    while ContinuousClock.now < end {
      if standardOutput.contains(text) { return true }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return false
  }

  /// Closes stdin, waits for the exit, and collects the output.
  func finish() -> ProcessRun {
    if input >= 0 { close(input) }
    input = -1
    var wait: Int32 = 0
    while waitpid(pid, &wait, 0) == -1 && errno == EINTR {}
    let exited = wait & 0x7f == 0
    return ProcessRun(
      status: exited ? (wait >> 8) & 0xff : 128 + (wait & 0x7f), standardOutput: standardOutput,
      standardError: standardError)
  }
}
