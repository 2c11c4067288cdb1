import Foundation
import OktaAPI
import Synchronization

@testable import Migration

/// A clock whose sleeps return at once and advance virtual time, recording each requested duration.
final class TestClock: OktaClock {
  private let state = Mutex<(now: Date, sleeps: [Double])>((Date(timeIntervalSince1970: 1_800_000_000), []))

  var now: Date { state.withLock { $0.now } }
  var sleeps: [Double] { state.withLock { $0.sleeps } }

  func advance(_ seconds: Double) { state.withLock { $0.now.addTimeInterval(seconds) } }

  /// Sets virtual time outright. Engines tick on this clock while they run, so a test that needs an exact age
  /// sets the time from a recorded instant rather than adding to whatever the run left.
  func set(_ date: Date) { state.withLock { $0.now = date } }

  var uptime: ContinuousClock.Instant { .now }

  func sleep(for duration: Duration) async throws {
    try Task.checkCancellation()
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    state.withLock {
      $0.sleeps.append(seconds)
      $0.now.addTimeInterval(max(0, seconds))
    }
    await Task.yield()
  }
}
