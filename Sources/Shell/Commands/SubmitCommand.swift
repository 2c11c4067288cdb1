import Migration

/// `submit`: one access request per roster row, throttled, journaled, resumable.
public enum SubmitCommand: ShellCommand {
  public static let spec = CommandSpec(
    "submit",
    summary: "Submit one access request per roster row, throttled, journaled, resumable",
    flags: [
      FlagSpec(
        "concurrency", .integer(placeholder: "N", range: 1...75), summary: "requests in flight at once",
        default: "5"),
      FlagSpec(
        "wait", .decimal(placeholder: "SECONDS", minimum: 0, maximum: nil),
        summary: "pause after each request, per worker", default: "10"),
      FlagSpec("dry-run", summary: "show what would be submitted, submit nothing"),
      FlagSpec("limit", .integer(placeholder: "N", range: 1...Int.max), summary: "submit at most N rows"),
      FlagSpec("background", summary: "run as a job and give the prompt back"),
    ],
    example: "submit --concurrency 5 --wait 10 --limit 100",
    discussion:
      "Bursts leave requests stuck; concurrency 5 with a 10 second wait is the field-proven default."
  )

  public static func run(_ invocation: Invocation, in session: Session) async throws {
    let service = try session.requireService(for: "submit")
    if let job = session.backgroundSubmission, job.isRunning {
      // While one runs, `submit --concurrency N --wait S` re-throttles it.
      let names = Set(invocation.given.map(\.name))
      guard names.contains("concurrency") || names.contains("wait") else {
        throw ShellError.failed(
          command: "submit",
          reason: "a submission is running in the background (`status` shows it); "
            + "`submit --concurrency N --wait S` re-throttles it")
      }
      job.engine.control.rethrottle(
        concurrency: names.contains("concurrency") ? invocation.integer("concurrency") : nil,
        wait: names.contains("wait") ? invocation.decimal("wait") : nil)
      session.say("submit: re-throttled; \(job.summary)")
      return
    }
    let problems: [PreflightProblem]
    do { problems = try await service.preflight() } catch { throw session.fail("submit", error) }
    guard problems.isEmpty else {
      for problem in problems { session.note("submit: \(problem.problem); fix: \(problem.fix)") }
      throw ShellError.failed(
        command: "submit", reason: "\(problems.count) preflight checks failed (listed above)")
    }
    let limit = invocation.integer("limit")
    if invocation.isSet("dry-run") {
      let rows = try service.journal.rows(in: [.resolved, .intent], limit: limit)
      let doubt = rows.filter { $0.state == .intent }.count
      session.say(
        "submit --dry-run: \(rows.count) rows would be submitted"
          + (doubt > 0 ? " (\(doubt) in doubt: checked for an existing request first)" : ""))
      session.emit(
        Table(
          columns: ["line", "user", "userId", "entry", "state"],
          rows: rows.prefix(20).map {
            [
              .integer($0.line), .text($0.userInput), $0.userID.map(Cell.text) ?? .empty, .text($0.entryID),
              .text($0.state.rawValue),
            ]
          }))
      return
    }
    let pending = try service.journal.rows(in: [.resolved, .intent]).count
    if pending == 0 {
      session.say("submit: nothing left to submit; every loaded row already has its request (see `status`)")
    }
    let engine = service.submission(
      concurrency: invocation.integer("concurrency") ?? 5, wait: invocation.decimal("wait") ?? 10,
      limit: limit, onEvent: SubmissionDriver.eventPrinter(label: "submit", in: session))
    session.context.step = "submitting"
    if invocation.isSet("background") {
      let output = session.output
      session.backgroundSubmission = BackgroundSubmission(engine) { outcome in
        output.write(
          "\nsubmit (background): \(outcome.submitted) submitted, \(outcome.adopted) adopted, "
            + "\(outcome.failed) failed, \(outcome.remaining) left; `status --refresh` follows the grants\n",
          to: .standardError)
      }
      session.say(
        "submit: running in the background; `status` shows it, `submit --concurrency N --wait S` re-throttles it, "
          + "`exit` stops it after in-flight requests are recorded")
      return
    }
    let outcome = try await SubmissionDriver.drive(engine, label: "submit", in: session)
    session.context.step = "submitted"
    try SubmissionDriver.conclude(outcome, label: "submit", in: session)
    try await SubmissionDriver.watch(service, label: "submit", in: session)
    try StatusCommand.emitCounts(service.journal, in: session)
  }

}
