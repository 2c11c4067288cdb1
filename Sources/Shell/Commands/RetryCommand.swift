import Migration

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
    let service = try session.requireService(for: "retry")
    var states: Set<RosterState> = []
    if invocation.isSet("failed") { states.insert(.failed) }
    if invocation.isSet("stuck") { states.insert(.stuck) }
    if states.isEmpty { states = [.failed, .stuck] }
    let problems: [PreflightProblem]
    do { problems = try await service.preflight() } catch {
      throw session.fail("retry", error)
    }
    guard problems.isEmpty else {
      for problem in problems { session.note("retry: \(problem.problem); fix: \(problem.fix)") }
      throw ShellError.failed(
        command: "retry", reason: "\(problems.count) preflight checks failed (listed above)")
    }
    let candidates = try service.journal.rows(in: states).count
    session.note("retry: \(candidates) rows; each is checked for an existing request before anything is sent")
    let engine = service.submission(
      retry: states, onEvent: SubmissionDriver.eventPrinter(label: "retry", in: session))
    let outcome = try await SubmissionDriver.drive(engine, label: "retry", in: session)
    try SubmissionDriver.conclude(outcome, label: "retry", in: session)
    try await SubmissionDriver.watch(service, label: "retry", in: session)
    try StatusCommand.emitCounts(service.journal, in: session)
  }

}
