import Migration

/// `restore`: undo the org changes of this migration.
public enum RestoreCommand: ShellCommand {
  public static let spec = CommandSpec(
    "restore",
    summary: "Undo the org changes (temporary condition off, originals back), verify; safe to repeat",
    flags: [
      FlagSpec("dry-run", summary: "show what would be undone, change nothing"),
      FlagSpec("delete-temporary", summary: "delete the temporary condition instead of keeping it inactive"),
    ],
    example: "restore --dry-run",
    discussion:
      "The temporary condition is deactivated and kept below the re-activated originals, because every "
      + "request of the migration names it as its approval condition; an INACTIVE condition decides no "
      + "request. --delete-temporary deletes it instead. A later clone-condition reuses a kept one."
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    let service = try session.requireService(for: "restore")
    let dryRun = invocation.isSet("dry-run")
    let report: RestoreReport
    do {
      report = try await service.restore(
        dryRun: dryRun, deleteTemporary: invocation.isSet("delete-temporary"))
    } catch { throw session.fail("restore", error) }
    if report.steps.isEmpty && report.differences.isEmpty {
      session.say("restore: nothing to undo; the org matches its state before the migration")
      return
    }
    for step in report.steps { session.say((dryRun ? "would " : "done: ") + step.description) }
    guard report.differences.isEmpty else {
      for difference in report.differences { session.note("restore: \(difference)") }
      throw ShellError.failed(
        command: "restore", reason: "\(report.differences.count) differences remain (listed above)")
    }
    guard !dryRun else { return }
    session.context.step = "restored"
    session.say("restore: verified; conditions and settings are back to their state before the migration")
    if report.steps.contains(where: \.keepsTemporary) {
      session.say(
        "restore: the temporary condition stays INACTIVE below the others, because the migration's requests "
          + "name it as their approval condition")
    }
  }

}
