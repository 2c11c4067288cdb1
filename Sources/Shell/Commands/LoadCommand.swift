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
    throw notAvailableYet
  }
}
