import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A detached tmux session running one command, driven with keystrokes and read back by screen captures.
struct Tmux {
  struct Timeout: Error, CustomStringConvertible {
    var waitingFor: String
    var screen: String
    var description: String { "timed out waiting for \(waitingFor); screen:\n\(screen)" }
  }

  let name = "oktabulk-test"
  /// A tmux server of this test's own (`-L`), so it never touches anyone else's sessions.
  static let socket = "oktabulk-migration-\(UUID().uuidString.prefix(8))"
  var socket: String { Self.socket }

  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

  init(command: [String], directory: URL, environment: [String: String]) throws {
    let exports = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }
    let line =
      "cd \(Self.quoted(directory.path)) && env \(exports.joined(separator: " ")) "
      + command.map(Self.quoted).joined(separator: " ")
    // The tmux server outlives this call: give it no pipe to hold open.
    try Self.run(["new-session", "-d", "-s", name, "-x", "200", "-y", "60", line], capture: false)
  }

  /// Types `line` and Enter.
  func type(_ line: String) throws {
    try Self.run(["send-keys", "-t", name, "-l", line])
    try Self.run(["send-keys", "-t", name, "Enter"])
  }

  /// The visible screen plus scroll-back.
  func screen() throws -> String { try Self.run(["capture-pane", "-p", "-t", name, "-S", "-500"]) }

  /// Polls the screen until `text` shows (the shell answers at its own pace). Captures drop trailing
  /// spaces, so a prompt's final space is not required.
  func waitFor(_ text: String, timeout: Double = 30) throws {
    var wanted = Substring(text)
    while wanted.last == " " { wanted.removeLast() }
    try waitUntil(text, timeout: timeout) { $0.contains(wanted) }
  }

  func waitFor(_ pattern: Regex<Substring>, timeout: Double = 30) throws {
    try waitUntil("\(pattern)", timeout: timeout) { $0.contains(pattern) }
  }

  /// Waits for the command to end (its session closes with it).
  func waitForExit(timeout: Double = 30) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while (try? Self.run(["has-session", "-t", name], capture: false)) == true {
      if Date() > deadline { throw Timeout(waitingFor: "the shell to exit", screen: (try? screen()) ?? "") }
      Thread.sleep(forTimeInterval: 0.05)
    }
  }

  func kill() { _ = try? Self.run(["kill-server"], capture: false) }

  private func waitUntil(_ what: String, timeout: Double, _ done: (String) -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let text = try screen()
      if done(text) { return }
      if Date() > deadline { throw Timeout(waitingFor: what, screen: text) }
      Thread.sleep(forTimeInterval: 0.05)
    }
  }

  @discardableResult
  private static func run(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
    process.arguments = ["-L", socket] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// Runs tmux without reading its output; true when it succeeded. Spawned directly rather than with
  /// `Process`, whose exit monitor would be inherited (and held open) by a tmux server this call starts.
  @discardableResult
  private static func run(_ arguments: [String], capture: Bool) throws -> Bool {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor: Int32 in [0, 1, 2] {
      posix_spawn_file_actions_addopen(
        &actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, argv, environ) == 0 else { return false }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return status == 0
  }

  private static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
