/// `show <what>`: inspect the org, the roster, the changes made, or the shell's configuration.
public enum ShowCommand: ShellCommand {
  public static let spec = CommandSpec(
    "show",
    summary: "Inspect conditions, sequences, settings, entries, the roster, changes or config",
    subcommands: [
      SubcommandSpec("conditions", summary: "the resource's request conditions, by priority"),
      SubcommandSpec("sequences", summary: "the approval sequences the conditions can use"),
      SubcommandSpec("settings", summary: "the resource's request settings (on-behalf requests)"),
      SubcommandSpec("entries", summary: "the resource's catalog entries"),
      SubcommandSpec("roster", summary: "the loaded roster with states and request ids"),
      SubcommandSpec("changes", summary: "the org changes this migration made (what restore undoes)"),
      SubcommandSpec("config", summary: "the shell's configuration and where each value came from"),
    ],
    example: "show conditions"
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    switch invocation.subcommand {
    case "config": session.emit(configuration(of: session))
    case "roster": session.emit(try roster(session))
    case "changes": session.emit(try changes(session))
    case let what?: try await showOrg(what, in: session)
    // The parser demands a known sub-command; this guards a spec and a switch that drift apart.
    case nil: throw UsageError(command: "show", problem: "expects what to show", usage: spec.usage)
    }
  }

  /// Never includes the token: only whether one is configured.
  @MainActor static func configuration(of session: Session) -> Record {
    let settings = session.settings
    let environment = session.environment
    let org = settings.orgURL ?? environment["OKTA_CLIENT_ORGURL"]
    return Record([
      ("org", org.map(Cell.text) ?? .empty),
      ("config", settings.configFile.map(Cell.text) ?? .empty),
      ("token", environment["OKTA_CLIENT_TOKEN"].map { _ in "set (OKTA_CLIENT_TOKEN)" } ?? .empty),
      ("journal", .text(settings.journalPath)),
      ("output", .text(settings.output.rawValue)),
      ("on-error", .text(settings.onError.rawValue)),
      ("echo", .flag(settings.echo)),
      ("verbose", .flag(settings.verbose)),
      ("timing", .flag(settings.timing)),
      ("history", HistoryPolicy.path(environment: environment).map(Cell.text) ?? .empty),
    ])
  }
}
