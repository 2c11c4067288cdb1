import Foundation
import Testing

@testable import Migration

/// A 429 closes the rate-limit window for the whole pool until its reset; a request that was already in
/// flight and succeeds does not reopen it early (that would send the next burst into the same 429s).
@Suite struct RateLimitWindowTests {
  let start = Date(timeIntervalSince1970: 1_000)

  @Test func aSuccessInFlightDuringA429KeepsThePoolWaitingForTheReset() {
    var pressure = BackPressure()
    _ = pressure.recordRateLimit(retryAfter: 30, at: start)
    #expect(pressure.recordSuccess(at: start.addingTimeInterval(1)) == nil)
    #expect(pressure.delay(at: start.addingTimeInterval(1)) == 29)
    #expect(pressure.delay(at: start.addingTimeInterval(30)) == 0)
  }

  @Test func aSuccessAfterTheResetLeavesNoPause() {
    var pressure = BackPressure()
    _ = pressure.recordRateLimit(retryAfter: 5, at: start)
    _ = pressure.recordSuccess(at: start.addingTimeInterval(6))
    #expect(pressure.delay(at: start.addingTimeInterval(6)) == 0)
    // A later 5xx backs off from scratch, not from the old window.
    _ = pressure.recordServerTrouble("503", at: start.addingTimeInterval(7))
    #expect(pressure.delay(at: start.addingTimeInterval(7)) == 1)
  }

  @Test func aSuccessStillEndsAServerErrorBackOffAtOnce() {
    var pressure = BackPressure()
    _ = pressure.recordServerTrouble("503", at: start)
    _ = pressure.recordServerTrouble("503", at: start)
    _ = pressure.recordSuccess(at: start)
    #expect(pressure.delay(at: start) == 0)
  }
}
