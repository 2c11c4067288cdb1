import Foundation
import Testing

@testable import Migration

@Suite struct BackPressureTests {
  let start = Date(timeIntervalSince1970: 1_000)

  @Test func rateLimitPausesEveryoneUntilTheWindowResets() {
    var pressure = BackPressure()
    #expect(
      pressure.recordRateLimit(retryAfter: 7, at: start)
        == .slowingDown(seconds: 7, reason: "rate limited (429)"))
    #expect(pressure.delay(at: start) == 7)
    #expect(pressure.delay(at: start.addingTimeInterval(5)) == 2)
    #expect(pressure.delay(at: start.addingTimeInterval(8)) == 0)
  }

  @Test func aShorterLaterPauseNeverShortensTheCurrentOne() {
    var pressure = BackPressure()
    _ = pressure.recordRateLimit(retryAfter: 30, at: start)
    _ = pressure.recordRateLimit(retryAfter: 1, at: start.addingTimeInterval(1))
    #expect(pressure.delay(at: start.addingTimeInterval(1)) == 29)
  }

  @Test func serverErrorsBackOffExponentiallyUpToTheCap() {
    var pressure = BackPressure()
    var pauses: [Double] = []
    for step in 0..<8 {
      let now = start.addingTimeInterval(Double(step) * 100)
      _ = pressure.recordServerTrouble("503", at: now)
      pauses.append(pressure.delay(at: now))
    }
    #expect(pauses == [1, 2, 4, 8, 16, 32, 60, 60])
  }

  @Test func manyFailuresAreAnOutageThatEndsOnTheFirstSuccess() {
    var pressure = BackPressure()
    var notices: [BackPressure.Notice?] = []
    for step in 0..<6 {
      notices.append(pressure.recordServerTrouble("503", at: start.addingTimeInterval(Double(step))))
    }
    #expect(notices[4] == .outage(since: start, reason: "503"))
    #expect(notices[5] == nil)  // announced once
    #expect(pressure.isInOutage)
    #expect(pressure.recordSuccess(at: start.addingTimeInterval(90)) == .recovered(after: 90))
    #expect(!pressure.isInOutage && pressure.delay(at: start.addingTimeInterval(90)) == 0)
    #expect(pressure.recordSuccess(at: start.addingTimeInterval(91)) == nil)
  }

  @Test func rateLimitWithoutResetUsesTheDefault() {
    var pressure = BackPressure()
    _ = pressure.recordRateLimit(retryAfter: nil, at: start)
    #expect(pressure.delay(at: start) == BackPressure.Policy().defaultRateLimitDelay)
  }
}
