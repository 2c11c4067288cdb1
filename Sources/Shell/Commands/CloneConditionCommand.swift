/// `clone-condition <id|name> --auto-approve`: mirror a condition as a temporary auto-approved one.
public enum CloneConditionCommand: ShellCommand {
  public static let spec = CommandSpec(
    "clone-condition",
    summary:
      "Mirror a condition as a temporary auto-approved one at top priority and set the originals aside",
    arguments: [
      ArgumentSpec(
        "condition", .text(placeholder: "ID|NAME"), summary: "the condition to mirror (rco… or name)")
    ],
    flags: [
      FlagSpec("auto-approve", summary: "approve requests automatically", required: true),
      FlagSpec(
        "sequence", .text(placeholder: "ID|NAME"),
        summary: "approval sequence to use instead of auto-approve's"),
      FlagSpec("name", .text(placeholder: "NAME"), summary: "name of the new condition"),
      FlagSpec("keep-originals", summary: "leave the standard conditions active"),
      FlagSpec("dry-run", summary: "show what would change, change nothing"),
    ],
    example: "clone-condition \"Standard access\" --auto-approve --name \"Migration (temporary)\"",
    discussion: "Every change is recorded in the journal so that 'restore' can undo exactly it."
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    throw notAvailableYet
  }
}
