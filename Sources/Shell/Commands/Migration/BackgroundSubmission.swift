import Migration
import Synchronization

/// A `submit --background` run: the engine (re-throttled by a later `submit --concurrency/--wait`), the
/// task running it, and whether it ended.
final class BackgroundSubmission: Sendable {
  let engine: SubmissionEngine
  private let ended = OnceFlag()
  private let task: Task<Void, Never>

  /// Starts `engine`; `finished` gets the outcome (to print it) when the run ends.
  init(_ engine: SubmissionEngine, finished: @escaping @Sendable (SubmissionOutcome) -> Void) {
    self.engine = engine
    let ended = self.ended
    task = Task.detached {
      let result = await engine.run()
      ended.set()
      finished(result)
    }
  }

  var isRunning: Bool { !ended.isSet }

  /// Stops taking rows and waits until in-flight requests are recorded.
  func stop() async {
    engine.control.stop()
    await task.value
  }

  /// One line for `status`.
  var summary: String {
    let progress = engine.control.progress
    let throttle = engine.control.throttle
    let state = isRunning ? (progress.paused ? "paused" : "running") : "finished"
    return "background submission \(state): \(progress.handled)/\(progress.total) handled, "
      + "\(progress.inFlight) in flight, concurrency \(throttle.concurrency), wait \(throttle.wait) s"
  }
}

enum BackgroundSubmissionKey: SessionKey {
  static var defaultValue: BackgroundSubmission? { nil }
}

extension Session {
  var backgroundSubmission: BackgroundSubmission? {
    get { self[BackgroundSubmissionKey.self] }
    set { self[BackgroundSubmissionKey.self] = newValue }
  }

  /// On exit: a background submission stops cleanly (in-flight requests recorded) before the journal closes.
  public func stopBackgroundSubmission() async {
    guard let job = backgroundSubmission, job.isRunning else { return }
    note("submit: stopping the background submission; in-flight requests are recorded first…")
    await job.stop()
    note("submit: stopped; `submit` resumes it without duplicates")
  }
}
