/// `exit` / `quit`: leave the shell (status 0 interactively; a script keeps the status it had).
public enum ExitCommand: ShellCommand {
  public static let spec = CommandSpec(
    "exit", aliases: ["quit"],
    summary: "Leave the shell (Ctrl-D does the same)",
    example: "exit"
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    session.requestExit()
  }
}
