import Foundation
import Testing

/// The real binary at a real (tmux) terminal: completion, history across restarts, Ctrl-C, Ctrl-D.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux (scripts/bootstrap installs it)"))
struct TerminalTests {
  /// Starts `command` (default: the shell) in `directory`, with HOME and the history file there,
  /// and waits for the first prompt.
  func start(
    in directory: TemporaryDirectory, command: [String] = [BuiltProducts.oktabulk],
    term: String = "xterm-256color"
  ) throws -> TmuxSession {
    let shell = try TmuxSession(
      command, directory: directory.path,
      environment: [
        "HOME": directory.path, "OKTABULK_HISTORY": directory.path + "/history", "LANG": "C.UTF-8",
      ], term: term)
    try shell.waitForPrompt(1)
    return shell
  }

  /// A shell in a fresh directory holding `roster-users.csv`; `body` drives it.
  func withShell(term: String = "xterm-256color", _ body: (TmuxSession) throws -> Void) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write("user,entry\n", to: "roster-users.csv")
    let shell = try start(in: directory, term: term)
    defer { shell.kill() }
    try body(shell)
  }

  @Test func tabCompletesCommandsSubcommandsAndFiles() throws {
    try withShell { shell in
      // After a command the prompt runs on a dispatch thread: completion must work there too.
      try shell.enter("set a 1", thenPrompt: 2)
      try shell.type("hel")
      try shell.send("Tab")
      try shell.expect("oktabulk> help ")
      try shell.send("C-u")
      try shell.type("show c")
      try shell.send("Tab")
      try shell.expect("oktabulk> show conditions ")
      try shell.send("C-u")
      try shell.type("load ros")
      try shell.send("Tab")
      try shell.expect("oktabulk> load roster-users.csv ")
    }
  }

  @Test func upRecallsALineTypedBeforeARestart() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    do {
      let first = try start(in: directory)
      defer { first.kill() }
      try first.enter("set marker before-restart", thenPrompt: 2)
      try first.send("C-d")
      try #require(try first.expect("[exit 0]") != nil)
    }
    let attributes = try FileManager.default.attributesOfItem(atPath: directory.path + "/history")
    #expect((attributes[.posixPermissions] as? Int) == 0o600)

    let second = try start(in: directory)
    defer { second.kill() }
    try second.send("Up")
    try second.expect("oktabulk> set marker before-restart")
  }

  @Test func historyIsCappedAndNeverHoldsSecrets() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let old = (1...2100).map { "set old \($0)" }.joined(separator: "\n")
    try directory.write(
      "_HiStOrY_V2_\n" + old.replacingOccurrences(of: " ", with: "\\040") + "\n", to: "history")
    let shell = try start(in: directory)
    defer { shell.kill() }
    try shell.enter("set api_token 00secretvalue", thenPrompt: 2)
    try shell.enter("set region emea", thenPrompt: 3)
    try shell.send("C-d")
    try #require(try shell.expect("[exit 0]") != nil)
    let saved = try String(contentsOfFile: directory.path + "/history", encoding: .utf8)
    let lines = saved.split(separator: "\n")
    #expect(lines.count == 2001)  // the format's header line and 2,000 entries
    #expect(lines.last == "set\\040region\\040emea")
    #expect(!saved.contains("00secretvalue"))
  }

  @Test func ctrlCAtThePromptClearsTheLineAndKeepsTheShell() throws {
    try withShell { shell in
      // A command first: afterwards the prompt runs on another thread than the one SIGINT goes to.
      try shell.enter("set before 1", thenPrompt: 2)
      try shell.type("set half typed")
      try #require(try shell.expect("set half typed") != nil)
      try shell.send("C-c")
      try shell.waitForPrompt(3)
      try shell.enter("set alive yes", thenPrompt: 4)
      try shell.type("set alive")
      try shell.send("Enter")
      let screen = try shell.expect("\nyes\n")
      #expect(screen?.contains("[exit") == false)
      #expect(screen?.contains("set half typedset alive") == false)
    }
  }

  @Test func ctrlDExitsZero() throws {
    try withShell { shell in
      try shell.send("C-d")
      try shell.expect("[exit 0]")
    }
  }

  @Test func nonASCIIInputSurvives() throws {
    try withShell { shell in
      try shell.enter("set name Zoë-Łukasz", thenPrompt: 2)
      try shell.type("set name")
      try shell.send("Enter")
      try shell.expect("\nZoë-Łukasz\n")
    }
  }

  @Test func dumbTerminalStillReadsLines() throws {
    try withShell(term: "dumb") { shell in
      try shell.enter("set x 41", thenPrompt: 2)
      try shell.type("set x")
      try shell.send("Enter")
      try shell.expect("\n41\n")
    }
  }

  @Test func editingWorksWithStdoutRedirected() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let output = directory.path + "/out.txt"
    let shell = try start(
      in: directory, command: ["sh", "-c", "exec \"$0\" > \"$1\"", BuiltProducts.oktabulk, output])
    defer { shell.kill() }
    try shell.type("hel")
    try shell.send("Tab")
    try #require(try shell.expect("oktabulk> help ") != nil)
    try shell.send("Enter")
    try shell.waitForPrompt(2)
    try shell.send("C-d")
    try #require(try shell.expect("[exit 0]") != nil)
    #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("Commands:"))
  }

  @Test func demoStartsASimulatedOrgAndShowsTheWalkThrough() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let shell = try start(in: directory, command: [BuiltProducts.oktabulk, "--demo"])
    defer { shell.kill() }
    try shell.expect("Demo org (simulated) at http://127.0.0.1:")
    try shell.enter("set roster", thenPrompt: 2)
    try shell.expect("/roster.csv\n")
    // Ctrl-C still reaches the prompt with the simulator's threads running.
    try shell.type("set half typed")
    try shell.send("C-c")
    try shell.waitForPrompt(3)
    try shell.enter("set alive yes", thenPrompt: 4)
    try shell.type("set alive")
    try shell.send("Enter")
    let screen = try shell.expect("\nyes\n")
    #expect(screen?.contains("set half typedset alive") == false)
  }

  @Test func editrcIsHonoured() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    // A user key binding: Ctrl-T types "status --stuck".
    try directory.write("bind -s ^T \"status --stuck\"\n", to: ".editrc")
    let shell = try start(in: directory)
    defer { shell.kill() }
    try shell.send("C-t")
    try shell.expect("oktabulk> status --stuck")
  }
}
