import Migration

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
    let service = try session.requireService(for: "clone-condition")
    let request = CloneRequest(
      source: invocation.arguments[0], sequence: invocation.text("sequence"), name: invocation.text("name"),
      keepOriginals: invocation.isSet("keep-originals"))
    do {
      if invocation.isSet("dry-run") {
        let plan = try await service.planClone(request)
        if plan.isEmpty {
          session.say("clone-condition: nothing to do; \"\(plan.temporaryName)\" is in place")
        }
        for step in plan.steps { session.say("would \(step)") }
        return
      }
      let (plan, temporaryID) = try await service.clone(request)
      session.context.step = "cloned"
      for step in plan.steps { session.say("done: \(step)") }
      session.say(
        "temporary condition \"\(plan.temporaryName)\" (\(temporaryID)) is ACTIVE at priority 0 with sequence "
          + "\"\(plan.sequence.name)\"; `restore` undoes all of this")
    } catch {
      throw session.fail("clone-condition", error)
    }
  }

}
