import Foundation

/// Runs one line: lex it with the session's variables, find the command, check its arguments,
/// and run it in its own Task, which Ctrl-C (the session's interrupt flag) cancels.
@MainActor
public struct LineExecutor {
  public var session: Session
  /// How often a running command's interrupt flag is checked.
  public var pollInterval: Duration = .milliseconds(20)

  public init(session: Session) {
    self.session = session
  }

  /// Throws the lexer's, the parser's or the command's error; the caller presents it.
  public func execute(_ line: String) async throws {
    let words = try Lexer(variables: session.variables).words(in: line)
    guard let first = words.first else { return }
    guard let command = session.registry.command(named: first.text) else {
      throw UsageError(command: first.text, problem: "unknown command (type 'help' for the list)")
    }
    let arguments = words.dropFirst()
    // As in POSIX tools, quoting does not hide a flag; `--` does.
    if arguments.prefix(while: { $0.text != "--" }).contains(where: { $0.text == "--help" || $0.text == "-h" }
    ) {
      session.output.write(HelpText.command(command.spec), to: .standardOutput)
      return
    }
    let invocation = try ArgumentParser(command.spec).parse(arguments.map(\.text))
    let started = ContinuousClock.now
    defer {
      if session.settings.timing {
        session.note("time: \(Self.milliseconds(ContinuousClock.now - started)) ms")
      }
    }
    try await runCancellable(command, invocation)
  }

  private func runCancellable(_ command: any ShellCommand.Type, _ invocation: Invocation) async throws {
    let session = session
    let task = Task { @MainActor in try await command.run(invocation, in: session) }
    let interrupt = session.interrupt
    let interval = pollInterval
    // The watcher only looks at the flag; this function consumes it, so an interrupt that lands as the
    // command finishes is never lost between the two.
    let watcher = Task.detached {
      while !Task.isCancelled {
        if interrupt.isRaised {
          task.cancel()
          return
        }
        try? await Task.sleep(for: interval)
      }
    }
    defer { watcher.cancel() }
    do {
      try await task.value
    } catch {
      _ = interrupt.consume()
      throw error
    }
    // Ctrl-C came while the command was finishing: still stop here (a script must not go on).
    if interrupt.consume() { throw CancellationError() }
  }

  static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
  }
}
