import Migration

/// `load <file>`: read the roster, validate it and resolve logins to user ids.
public enum LoadCommand: ShellCommand {
  public static let spec = CommandSpec(
    "load",
    summary: "Read the roster (CSV/TSV with a header), validate it, resolve logins to ids",
    arguments: [ArgumentSpec("file", .path(placeholder: "FILE"), summary: "the roster file")],
    flags: [
      FlagSpec(
        "user-column", .text(placeholder: "COLUMN"), summary: "column with the login, email or user id"),
      FlagSpec("entry-column", .text(placeholder: "COLUMN"), summary: "column with the catalog entry id"),
      FlagSpec("entry", .text(placeholder: "ID"), summary: "one catalog entry (cen…) for every row"),
    ],
    example: "load users.csv --user-column email --entry cen1a2b3c4d5e6f7g8h9"
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    let service = try session.requireService(for: "load")
    let path = FileAccess.expandingTilde(invocation.arguments[0])
    let options = RosterOptions(
      userColumn: invocation.text("user-column"), entryColumn: invocation.text("entry-column"),
      entry: invocation.text("entry"))
    let report: LoadReport
    do {
      let roster = try RosterReader.read(path: path, options: options)
      session.note(
        "load: \(roster.rows.count) rows pass the file checks; checking users and entries with the org…")
      report = try await service.load(roster)
    } catch {
      throw session.fail("load", error)
    }
    // Every rejected line, in file order, so nothing is dropped silently.
    for issue in report.issues { session.note(issue.description) }
    session.say(report.summary)
    session.context.step = "loaded"
  }

}
