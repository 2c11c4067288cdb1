import Foundation
import Testing

@testable import Migration

/// The run as a whole under trouble: a 429 or an outage brakes every worker, an outage pauses and resumes by
/// itself (and says so), a revoked token or removed role stops cleanly with the fix named and nothing lost.
@Suite struct PoolSafetyTests {
  @Test func aRateLimitPausesEveryWorkerNotOnlyTheOneThatSawIt() async throws {
    let fixture = try SafetyFixture(rows: 12)
    defer { fixture.cleanup() }
    fixture.gateway.script([1: .failBefore(.rateLimited(retryAfter: 30))])
    let gateway = fixture.gateway
    // No wait between requests: a worker braking alone would send the other rows at once.
    let engine = SubmissionEngine(
      journal: fixture.journal, gateway: gateway, clock: fixture.clock,
      settings: SubmissionSettings(resourceID: fixture.org.resourceID, concurrency: 5, wait: 0),
      onEvent: { event in if case .pressure = event { gateway.mark("pressure") } })
    let outcome = await engine.run()
    #expect(outcome.ending == .completed && outcome.submitted == 12)
    let timeline = gateway.timeline
    let brake = try #require(timeline.firstIndex { $0.label == "pressure" })
    let resume = timeline[brake].at.addingTimeInterval(30)
    // After the 429 is known, only calls the other 4 workers had already started may go out before the window
    // ends; every later row waits it out.
    let early = timeline[brake...].filter { $0.label == "create" && $0.at < resume }
    #expect(early.count <= 4)
    #expect(timeline[brake...].filter { $0.label == "create" && $0.at >= resume }.count >= 12 - 5)
    #expect(try fixture.everyRowHasExactlyOneRequest())
  }

  @Test func serverErrorsBackOffThePoolExponentially() async throws {
    let fixture = try SafetyFixture(rows: 3)
    defer { fixture.cleanup() }
    let unavailable = OrgFailure.serverError(status: 503, summary: "Service Unavailable")
    fixture.gateway.script([
      1: .failBefore(unavailable), 2: .failBefore(unavailable), 3: .failBefore(unavailable),
    ])
    let events = EventLog()
    let outcome = await fixture.engine(concurrency: 1, wait: 0, events: events).run()
    #expect(outcome.ending == .completed && outcome.submitted == 3)
    let pauses = events.events.compactMap { event -> Double? in
      if case .pressure(.slowingDown(let seconds, _)) = event { seconds } else { nil }
    }
    #expect(pauses == [1, 2, 4])
    #expect(try fixture.everyRowHasExactlyOneRequest())
  }

  @Test func aLongOutagePausesTheRunAndItResumesByItself() async throws {
    let fixture = try SafetyFixture(rows: 4)
    defer { fixture.cleanup() }
    let down = OrgFailure.unreachable("connection refused")
    fixture.gateway.script(Dictionary(uniqueKeysWithValues: (1...7).map { ($0, .failBefore(down)) }))
    let events = EventLog()
    let outcome = await fixture.engine(concurrency: 2, wait: 1, events: events).run()
    #expect(outcome.ending == .completed && outcome.submitted == 4 && outcome.remaining == 0)
    let pressure = events.events.compactMap { event -> BackPressure.Notice? in
      if case .pressure(let notice) = event { notice } else { nil }
    }
    let outage = pressure.firstIndex { if case .outage = $0 { true } else { false } }
    let recovery = pressure.firstIndex { if case .recovered = $0 { true } else { false } }
    #expect(outage != nil && recovery != nil && outage! < recovery!)
    #expect(try fixture.everyRowHasExactlyOneRequest())
  }

  @Test(arguments: [401, 403])
  func aRevokedTokenOrRoleStopsCleanlyWithTheFixNamed(_ status: Int) async throws {
    let fixture = try SafetyFixture(rows: 6)
    defer { fixture.cleanup() }
    fixture.gateway.script([
      3: .failBefore(.unauthorized(status: status, summary: "You do not have permission"))
    ])
    let outcome = await fixture.engine(concurrency: 1, wait: 1).run()
    guard case .halted(let message) = outcome.ending else {
      Issue.record("expected the run to stop, got \(outcome.ending)")
      return
    }
    let fix = status == 401 ? "set a new one (okta.yaml or OKTA_CLIENT_TOKEN)" : "Access Requests Admin role"
    #expect(
      message.contains("(\(status))") && message.contains(fix) && message.contains("`submit` to resume"))
    // Nothing lost: no row in doubt, the refused row is back to be sent, the sent ones are recorded.
    #expect(try fixture.journal.stateCounts() == [.submitted: 2, .resolved: 4])
    #expect(fixture.org.requests.count == 2)
    #expect(fixture.gateway.createTimes.count == 3)

    fixture.gateway.script([:])
    let resumed = await fixture.engine(concurrency: 1, wait: 1).run()
    #expect(resumed.ending == .completed && resumed.submitted == 4)
    #expect(try fixture.everyRowHasExactlyOneRequest())
  }
}
