/// `retry`: re-drive the rows that need it, never twice.
public enum RetryCommand: ShellCommand {
  public static let spec = CommandSpec(
    "retry",
    summary: "Re-drive failed or stuck rows, without duplicates",
    flags: [
      FlagSpec("failed", summary: "rows whose request failed"),
      FlagSpec("stuck", summary: "rows whose request is stuck"),
    ],
    example: "retry --stuck"
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    throw notAvailableYet
  }
}
