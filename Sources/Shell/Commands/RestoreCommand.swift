/// `restore`: undo the org changes of this migration.
public enum RestoreCommand: ShellCommand {
  public static let spec = CommandSpec(
    "restore",
    summary: "Undo the org changes (temporary condition off, originals back), verify; safe to repeat",
    flags: [FlagSpec("dry-run", summary: "show what would be undone, change nothing")],
    example: "restore --dry-run"
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    throw notAvailableYet
  }
}
