import Testing

@testable import Shell

/// A command that raises Ctrl-C on itself and then waits far longer than any test may.
enum SlowCommand: ShellCommand {
  static let spec = CommandSpec("slow", summary: "waits", example: "slow")

  static func run(_ invocation: Invocation, in session: Session) async throws {
    session.interrupt.raise()
    try await Task.sleep(for: .seconds(600))
    session.say("finished")
  }
}

@MainActor @Suite struct LineExecutorTests {
  @Test func ctrlCDuringACommandCancelsItsTask() async {
    var registry = CommandRegistry.standard
    registry.register(SlowCommand.self)
    let shell = TestShell(registry: registry)
    let status = await shell.runScript("slow\nset a 1\n")
    #expect(status == .interrupted)
    #expect(shell.stdout == "")
    #expect(shell.stderr == "s.oktabulk:1: interrupted\n")
    #expect(shell.session.variables["a"] == nil)
  }

  @Test func helpFlagShowsHelpInsteadOfRunning() async throws {
    let shell = TestShell()
    try await LineExecutor(session: shell.session).execute("submit --concurrency 500 --help")
    #expect(
      shell.stdout.hasPrefix("usage: submit [--concurrency N] [--wait SECONDS] [--dry-run] [--limit N]"))
    #expect(shell.stdout.contains("--concurrency N  requests in flight at once (1…75, default 5)"))
    #expect(shell.stdout.contains("Example:\n  submit --concurrency 5"))
  }

  @Test func helpAfterDoubleDashIsAnArgument() async throws {
    let shell = TestShell()
    try await LineExecutor(session: shell.session).execute("set topic -- --help")
    #expect(shell.session.variables["topic"] == "--help")
  }

  @Test func unknownCommandIsAUsageError() async {
    let shell = TestShell()
    await #expect(throws: UsageError.self) {
      try await LineExecutor(session: shell.session).execute("sumbit")
    }
  }

  @Test func timingPrintsDuration() async throws {
    let shell = TestShell()
    try await LineExecutor(session: shell.session).execute("set timing on")
    try await LineExecutor(session: shell.session).execute("set x 1")
    #expect(shell.stderr.hasPrefix("time: ") && shell.stderr.hasSuffix(" ms\n"))
  }

  @Test func blankLinesAndCommentsDoNothing() async throws {
    let shell = TestShell()
    try await LineExecutor(session: shell.session).execute("   # nothing")
    #expect(shell.stdout.isEmpty && shell.stderr.isEmpty)
  }
}
