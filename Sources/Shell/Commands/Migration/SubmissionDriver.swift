import Foundation
import Migration
import Synchronization

/// Runs a submission from a command: progress on stderr (a rewritten line on a terminal, periodic plain
/// lines otherwise), Ctrl-C stops it cleanly once in-flight requests are recorded, then the outcome.
@MainActor
enum SubmissionDriver {
  /// Runs `engine` to its end; throws `CancellationError` when interrupted (after the engine stopped).
  static func drive(_ engine: SubmissionEngine, label: String, in session: Session) async throws
    -> SubmissionOutcome
  {
    let finished = OnceFlag()
    let run = Task.detached {
      let outcome = await engine.run()
      finished.set()
      return outcome
    }
    let started = ContinuousClock.now
    var lastPrinted = -1
    var interrupted = false
    while !finished.isSet {
      do {
        try await Task.sleep(for: .milliseconds(200))
      } catch {
        // Ctrl-C: stop taking rows; the engine records what is in flight before it returns.
        interrupted = true
        engine.control.stop()
        session.note("\(label): stopping after in-flight requests are recorded…")
        break
      }
      if session.interrupt.consume() {
        interrupted = true
        engine.control.stop()
        session.note("\(label): stopping after in-flight requests are recorded…")
        break
      }
      lastPrinted = report(
        engine.control.progress, label: label, since: started, last: lastPrinted, in: session)
    }
    let outcome = await run.value
    _ = report(
      engine.control.progress, label: label, since: started, last: lastPrinted, in: session, final: true)
    if interrupted || outcome.ending == .stopped {
      session.note("\(label): stopped; every sent request is recorded; `submit` resumes without duplicates")
      throw CancellationError()
    }
    return outcome
  }

  /// Prints progress when due; returns the count printed last.
  private static func report(
    _ progress: SubmissionControl.Progress, label: String, since start: ContinuousClock.Instant, last: Int,
    in session: Session, final: Bool = false
  ) -> Int {
    let done = progress.handled
    guard progress.total > 0 else { return last }
    var line = ProgressLine(label: label, total: progress.total)
    line.done = done
    line.failed = progress.failed
    let elapsed = (ContinuousClock.now - start)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    var text = line.text(elapsed: seconds)
    if seconds > 0 && done > 0 { text += String(format: ", %.1f/min", Double(done) / seconds * 60) }
    if progress.paused { text += " (paused)" }
    if session.isInteractive {
      let filled = progress.total > 0 ? done * 20 / progress.total : 20
      let bar =
        "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled) + "] "
      session.output.write("\r\u{1B}[K" + bar + text + (final ? "\n" : ""), to: .standardError)
      return done
    }
    let interval = max(progress.total / 10, 1)
    guard done != last, final || line.isDue(every: interval) else { return last }
    session.note(text)
    return done
  }

  /// Prints what a user should know as it happens: the canary's verdict, slow-downs, outages and recovery.
  static func eventPrinter(label: String, in session: Session) -> @Sendable (SubmissionEvent) -> Void {
    let output = session.output
    return { event in
      let line: String? =
        switch event {
        case .canarySent(_, let id): "\(label): canary request \(id) sent; waiting for its approval"
        case .canaryPassed(let id):
          "\(label): canary \(id) approved by the temporary condition; submitting the rest"
        case .pressure(.slowingDown(let seconds, let reason)):
          "\(label): \(reason); all workers pause \(ProgressLine.duration(seconds))"
        case .pressure(.outage(_, let reason)):
          "\(label): the org keeps failing (\(reason)); paused, resuming by itself when it answers again"
        case .pressure(.recovered(let after)):
          "\(label): the org answers again after \(ProgressLine.duration(after)); resumed"
        case .rowFailed(let id, let reason): "\(label): row \(id): \(reason)"
        default: nil
        }
      if let line { output.write("\r\u{1B}[K" + line + "\n", to: .standardError) }
    }
  }

  /// Says how the run ended, or throws when it must stop the script.
  static func conclude(_ outcome: SubmissionOutcome, label: String, in session: Session) throws {
    switch outcome.ending {
    case .completed, .stopped:
      var text = "\(label): \(outcome.submitted) submitted"
      if outcome.adopted > 0 { text += ", \(outcome.adopted) found already submitted (not sent again)" }
      if outcome.failed > 0 { text += ", \(outcome.failed) failed (see `status`)" }
      if outcome.remaining > 0 { text += ", \(outcome.remaining) left for `retry`" }
      session.say(text)
    case .canaryRefused(let reason):
      throw ShellError.failed(command: label, reason: "canary: " + reason)
    case .halted(let reason):
      throw ShellError.failed(command: label, reason: reason)
    }
  }

  /// Refreshes until no row waits on the org (or `limit` seconds of the session clock), saying so.
  static func watch(_ service: MigrationService, label: String, limit: Double = 900, in session: Session)
    async throws
  {
    let clock = service.clock
    let deadline = clock.now.addingTimeInterval(limit)
    while true {
      _ = try await service.refresh()
      let counts = try service.journal.stateCounts()
      let waiting = (counts[.submitted] ?? 0) + (counts[.approved] ?? 0)
      if waiting == 0 { return }
      guard clock.now < deadline else {
        session.note("\(label): \(waiting) requests still on their way; `status --refresh` follows them")
        return
      }
      session.note(
        "\(label): waiting for grants: \(counts[.granted] ?? 0) granted, \(counts[.approved] ?? 0) approved, "
          + "\(counts[.submitted] ?? 0) submitted")
      do { try await clock.sleep(for: .seconds(30)) } catch {
        session.note("\(label): stopped watching; `status --refresh` follows the requests")
        return
      }
    }
  }
}
