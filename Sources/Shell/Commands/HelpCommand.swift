/// `help [COMMAND]`: the list of commands, or one command's usage, flags and example.
public enum HelpCommand: ShellCommand {
  public static let spec = CommandSpec(
    "help",
    summary: "List the commands, or show one command's usage, flags and an example",
    arguments: [
      ArgumentSpec(
        "command", .text(placeholder: "COMMAND"), summary: "the command to explain", optional: true)
    ],
    example: "help submit"
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    guard let name = invocation.argument(0) else {
      session.output.write(HelpText.overview(session.registry), to: .standardOutput)
      return
    }
    guard let command = session.registry.command(named: name) else {
      throw UsageError(command: "help", problem: "unknown command '\(name)'", usage: spec.usage)
    }
    session.output.write(HelpText.command(command.spec), to: .standardOutput)
  }
}
