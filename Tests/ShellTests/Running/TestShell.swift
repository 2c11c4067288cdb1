@testable import Shell

/// A session with captured output, its own interrupt flag, and script files held in memory.
@MainActor
struct TestShell {
  let output = CapturedOutput()
  let session: Session

  init(
    files: [String: String] = [:], registry: CommandRegistry = .standard,
    settings: SessionSettings = SessionSettings()
  ) {
    session = Session(settings: settings, output: output, registry: registry)
    session.interrupt = InterruptFlag()
    session.readFile = { path in
      guard let text = files[path] else {
        throw ShellError.unreadableFile(path: path, reason: "no such file")
      }
      return text
    }
  }

  /// Runs `text` as the script `name` and answers its exit status.
  func runScript(_ text: String, name: String = "s.oktabulk") async -> ExitStatus {
    var lines = scriptLines(text)[...]
    return await ScriptRunner(session: session).run(source: name) { lines.popFirst() }
  }

  var stdout: String { output.standardOutput }
  var stderr: String { output.standardError }
}
