/// `export <file>`: the roster (or the audit trail) for reporting.
public enum ExportCommand: ShellCommand {
  public static let spec = CommandSpec(
    "export",
    summary: "Write the roster with request ids and states (CSV or JSON), or the audit trail",
    arguments: [ArgumentSpec("file", .path(placeholder: "FILE"), summary: "where to write (.csv or .json)")],
    flags: [
      FlagSpec(
        "format", .choice(["csv", "json"]), summary: "file format (default: from the file's extension)"),
      FlagSpec("audit", summary: "export the audit trail of API calls as JSON lines instead"),
    ],
    example: "export results.csv"
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    throw notAvailableYet
  }
}
