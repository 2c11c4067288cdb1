import Foundation
import Synchronization

/// A clock for tests: `sleep` returns at once and is recorded, and time moves only by those sleeps.
public final class RecordingClock: OktaClock {
  private struct State {
    var now: Date
    var offset: Duration = .zero
    var sleeps: [Duration] = []
  }

  private let state: Mutex<State>
  private let origin = ContinuousClock.now

  public init(now: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
    state = Mutex(State(now: now))
  }

  public var now: Date { state.withLock { $0.now } }
  public var uptime: ContinuousClock.Instant { origin + state.withLock { $0.offset } }

  public func sleep(for duration: Duration) async throws {
    try Task.checkCancellation()
    state.withLock {
      $0.sleeps.append(duration)
      $0.offset += duration
      $0.now +=
        TimeInterval(duration.components.seconds) + TimeInterval(duration.components.attoseconds) / 1e18
    }
  }

  /// Every sleep requested so far, in order.
  public var sleeps: [Duration] { state.withLock { $0.sleeps } }
}
