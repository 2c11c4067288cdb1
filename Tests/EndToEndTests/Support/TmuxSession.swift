import Foundation
import Testing

/// Drives a program in a detached tmux session on a private socket, like a person at a terminal.
struct TmuxSession {
  let socket = "oktabulk-test-" + UUID().uuidString.prefix(8)
  let name = "t"

  /// Starts `command` (argv) in a 100×30 pane. The wrapper prints `[exit N]` when it ends and keeps the
  /// pane open; `trap : INT` keeps the wrapper itself alive through Ctrl-C.
  init(
    _ command: [String], directory: String, environment: [String: String], term: String = "xterm-256color"
  ) throws {
    let quoted = command.map(Self.quote).joined(separator: " ")
    let script = "trap : INT; TERM=\(term) \(quoted); echo \"[exit $?]\"; exec sleep 600"
    var arguments = ["new-session", "-d", "-x", "100", "-y", "30", "-s", name, "-c", directory]
    for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
      arguments += ["-e", "\(key)=\(value)"]
    }
    arguments += ["sh", "-c", script]
    try tmux(arguments)
  }

  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

  /// Keys as tmux names them: literal text, or `Tab`, `Enter`, `Up`, `C-c`, `C-d`, `C-u`.
  func send(_ keys: String...) throws {
    try tmux(["send-keys", "-t", name] + keys)
  }

  /// Literal text (no key-name lookup).
  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", name, "-l", text])
  }

  func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-N", "-t", name])
  }

  /// Polls the screen until `condition` holds; the screen when it did, or nil after `deadline`.
  @discardableResult
  func waitFor(deadline: Duration = .seconds(10), _ condition: (String) -> Bool) throws -> String? {
    let clock = ContinuousClock()
    let end = clock.now + deadline
    while clock.now < end {
      let text = try screen()
      if condition(text) { return text }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return nil
  }

  /// Waits until the screen shows `text`; records a test issue with the screen if it never does.
  @discardableResult
  func expect(
    _ text: String, deadline: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String? {
    if let screen = try waitFor(deadline: deadline, { $0.contains(text) }) { return screen }
    Issue.record(
      "screen never showed \(text.debugDescription):\n\(try screen())", sourceLocation: sourceLocation)
    return nil
  }

  /// Types `line`, presses Enter, and waits for the `prompt`th prompt (the one after the line ran).
  func enter(_ line: String, thenPrompt prompt: Int, sourceLocation: SourceLocation = #_sourceLocation) throws
  {
    try type(line)
    try send("Enter")
    try waitForPrompt(prompt, sourceLocation: sourceLocation)
  }

  /// Waits for the `count`th prompt. Keys sent while a command runs may meet a terminal that is not in
  /// libedit's mode (a Ctrl-D there is lost), so tests wait for the prompt as a person would.
  func waitForPrompt(_ count: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let prompt = "oktabulk> "
    if try waitFor({ $0.components(separatedBy: prompt).count > count }) != nil { return }
    Issue.record("prompt \(count) never showed:\n\(try screen())", sourceLocation: sourceLocation)
  }

  func kill() {
    _ = try? tmux(["kill-server"])
  }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    let run = try ProcessRun.run(
      "/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments, environment: ["TERM": "xterm-256color"])
    guard run.status == 0 else {
      throw TestSupportError(message: "tmux \(arguments.first ?? ""): \(run.standardError)")
    }
    return run.standardOutput
  }

  private static func quote(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
