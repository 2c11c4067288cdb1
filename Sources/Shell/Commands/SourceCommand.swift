/// `source <file>`: run a script file's lines in this session.
public enum SourceCommand: ShellCommand {
  /// Deep enough for real scripts, shallow enough to stop a script that sources itself.
  public static let depthLimit = 16

  public static let spec = CommandSpec(
    "source",
    summary: "Run the lines of a script file (# comments, shell quoting, $VARIABLES)",
    arguments: [ArgumentSpec("file", .path(placeholder: "FILE"), summary: "the script")],
    example: "source migrate-sales.oktabulk"
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    let path = invocation.arguments[0]
    guard session.sourceDepth < depthLimit else {
      throw ShellError.sourceTooDeep(path: path, limit: depthLimit)
    }
    let text = try session.readFile(FileAccess.expandingTilde(path))
    session.sourceDepth += 1
    defer { session.sourceDepth -= 1 }
    var lines = scriptLines(text)[...]
    let status = await ScriptRunner(session: session).run(source: path) { lines.popFirst() }
    if status != .success { throw ScriptFailure(status: status) }
  }
}
