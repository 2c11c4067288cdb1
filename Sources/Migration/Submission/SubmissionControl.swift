import Foundation
import Synchronization

/// The knobs of a running submission, safe to turn from any thread: pause, resume, re-throttle, stop.
/// Also carries live counts for progress displays.
public final class SubmissionControl: Sendable {
  public struct Throttle: Equatable, Sendable {
    public var concurrency: Int
    public var wait: Double
  }

  /// Live counts for a progress bar: rows to do, done, failed, in flight.
  public struct Progress: Equatable, Sendable {
    public var total = 0
    public var submitted = 0
    public var adopted = 0
    public var failed = 0
    public var inFlight = 0
    public var startedAt: Date?
    public var paused = false
    /// Rows handled (submitted, adopted or failed) so far.
    public var handled: Int { submitted + adopted + failed }
  }

  private struct State {
    var throttle: Throttle
    var paused = false
    var stopRequested = false
    var progress = Progress()
  }

  private let state: Mutex<State>
  /// The most workers a run will use, whatever the re-throttle asks.
  public static let maxConcurrency = 50

  public init(concurrency: Int, wait: Double) {
    state = Mutex(
      State(throttle: Throttle(concurrency: SubmissionControl.clamp(concurrency), wait: max(0, wait))))
  }

  public var throttle: Throttle { state.withLock { $0.throttle } }
  public var isPaused: Bool { state.withLock { $0.paused } }
  public var isStopRequested: Bool { state.withLock { $0.stopRequested } }
  public var progress: Progress { state.withLock { $0.progress } }

  /// Stops taking new rows; in-flight requests finish and are recorded.
  public func pause() {
    state.withLock {
      $0.paused = true
      $0.progress.paused = true
    }
  }
  /// Takes new rows again after ``pause()``.
  public func resume() {
    state.withLock {
      $0.paused = false
      $0.progress.paused = false
    }
  }
  /// Changes the pace of a running submission; takes effect at each worker's next row.
  public func rethrottle(concurrency: Int? = nil, wait: Double? = nil) {
    state.withLock {
      if let concurrency { $0.throttle.concurrency = SubmissionControl.clamp(concurrency) }
      if let wait { $0.throttle.wait = max(0, wait) }
    }
  }
  /// Ends the run cleanly: no new rows, in-flight requests are recorded first.
  public func stop() { state.withLock { $0.stopRequested = true } }

  func updateProgress(_ change: (inout Progress) -> Void) { state.withLock { change(&$0.progress) } }

  private static func clamp(_ value: Int) -> Int { min(max(1, value), maxConcurrency) }
}
