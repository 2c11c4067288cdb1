/// `status`: where the migration stands.
public enum StatusCommand: ShellCommand {
  public static let spec = CommandSpec(
    "status",
    summary: "Counts by state, stuck and failed rows, one user's request",
    flags: [
      FlagSpec("refresh", summary: "read the requests' current state from the org first"),
      FlagSpec("stuck", summary: "list the rows whose requests are stuck"),
      FlagSpec("user", .text(placeholder: "USER"), summary: "one user's row and request (login or id)"),
    ],
    example: "status --refresh --stuck"
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    throw notAvailableYet
  }
}
