import Foundation
import TestSupport
import Testing

@testable import Migration

@Suite struct SubmissionEngineTests {
  static let entry = "cen1234567890abcdefg"
  static let temporary = "rcoTEMPORARY00000001"

  static func userID(_ n: Int) -> String { "00u" + String(format: "%017d", n) }

  /// A journal with `count` resolved rows in a fresh directory.
  struct Fixture {
    let dir: TemporaryDirectory
    let journal: Journal
    let clock = TestClock()
    let org: FakeRequestGateway

    init(rows count: Int) throws {
      dir = try TemporaryDirectory()
      journal = try Journal(path: dir.path("j.db"), now: { Date() })
      org = FakeRequestGateway(clock: clock)
      try journal.addRoster(
        (1...count).map {
          RosterDraft(
            source: "r.csv", line: $0 + 1, userInput: userID($0), userID: userID($0), entryID: entry)
        })
    }

    func engine(_ settings: SubmissionSettings? = nil, events: EventLog? = nil) -> SubmissionEngine {
      SubmissionEngine(
        journal: journal, gateway: org, clock: clock,
        settings: settings ?? SubmissionSettings(resourceID: org.resourceID, concurrency: 5, wait: 10),
        onEvent: { event in events?.append(event) })
    }

    func cleanup() {
      journal.close()
      dir.cleanup()
    }
  }

  @Test func submitsEveryRowOnceAndWaitsAfterEachRequest() async throws {
    let fixture = try Fixture(rows: 23)
    defer { fixture.cleanup() }
    let outcome = await fixture.engine().run()
    #expect(
      outcome == SubmissionOutcome(ending: .completed, submitted: 23, adopted: 0, failed: 0, remaining: 0))
    #expect(fixture.org.requestsPerPair.count == 23)
    #expect(fixture.org.requestsPerPair.values.allSatisfy { $0 == 1 })
    #expect(try fixture.journal.stateCounts() == [.submitted: 23])
    #expect(fixture.clock.sleeps.filter { $0 == 10 }.count == 23)
    let audit = try fixture.journal.auditTrail()
    #expect(
      audit.count == 23 && audit.allSatisfy { $0.action == "request.create" && $0.oktaRequestID != nil })
  }

  @Test func limitTakesOnlyThatManyRowsAndTheNextRunContinues() async throws {
    let fixture = try Fixture(rows: 10)
    defer { fixture.cleanup() }
    let first = await fixture.engine(
      SubmissionSettings(resourceID: fixture.org.resourceID, wait: 0, limit: 4)
    ).run()
    #expect(first.submitted == 4)
    let second = await fixture.engine().run()
    #expect(second.submitted == 6)
    #expect(fixture.org.requestsPerPair.values.allSatisfy { $0 == 1 } && fixture.org.requests.count == 10)
  }

  @Test func acceptedThenDroppedIsAdoptedNotResent() async throws {
    let fixture = try Fixture(rows: 8)
    defer { fixture.cleanup() }
    fixture.org.inject([2: .acceptedThenDropped, 5: .acceptedThenDropped])
    let outcome = await fixture.engine().run()
    #expect(outcome.ending == .completed && outcome.submitted == 6 && outcome.adopted == 2)
    #expect(fixture.org.requests.count == 8 && fixture.org.requestsPerPair.values.allSatisfy { $0 == 1 })
    let adopted = try fixture.journal.rows().filter { $0.reconciliation == .adopted }
    #expect(adopted.count == 2 && adopted.allSatisfy { $0.state == .submitted && $0.requestID != nil })
  }

  @Test func serverErrorBeforeAcceptanceIsReconciledThenResent() async throws {
    let fixture = try Fixture(rows: 4)
    defer { fixture.cleanup() }
    fixture.org.inject([1: .unavailable])
    let events = EventLog()
    let outcome = await fixture.engine(events: events).run()
    #expect(outcome.submitted == 4 && outcome.adopted == 0)
    #expect(fixture.org.requestsPerPair.values.allSatisfy { $0 == 1 } && fixture.org.requests.count == 4)
    #expect(try fixture.journal.rows().contains { $0.reconciliation == .resent })
    #expect(events.events.contains { if case .pressure(.slowingDown) = $0 { true } else { false } })
  }

  @Test func rateLimitPausesThePoolAndNothingIsLost() async throws {
    let fixture = try Fixture(rows: 12)
    defer { fixture.cleanup() }
    fixture.org.inject(Dictionary(uniqueKeysWithValues: (1...6).map { ($0, .rateLimited) }))
    let events = EventLog()
    let outcome = await fixture.engine(events: events).run()
    #expect(outcome.ending == .completed && outcome.submitted == 12)
    #expect(fixture.org.requestsPerPair.values.allSatisfy { $0 == 1 } && fixture.org.requests.count == 12)
    #expect(events.events.contains { if case .pressure(.outage) = $0 { true } else { false } })
    #expect(events.events.contains { if case .pressure(.recovered) = $0 { true } else { false } })
    // The pool was told to wait out the window the 429 announced.
    #expect(events.events.contains(.pressure(.slowingDown(seconds: 3, reason: "rate limited (429)"))))
  }

  @Test func unauthorizedStopsCleanlyWithTheFixAndResumeFinishes() async throws {
    let fixture = try Fixture(rows: 10)
    defer { fixture.cleanup() }
    fixture.org.inject([4: .unauthorized])
    let outcome = await fixture.engine(
      SubmissionSettings(resourceID: fixture.org.resourceID, concurrency: 1, wait: 1)
    ).run()
    guard case .halted(let message) = outcome.ending else {
      Issue.record("expected a halt, got \(outcome.ending)")
      return
    }
    #expect(message.contains("401") && message.contains("OKTA_CLIENT_TOKEN"))
    #expect(try fixture.journal.rows(in: [.intent]).isEmpty)
    fixture.org.inject([:])
    let resumed = await fixture.engine().run()
    #expect(resumed.ending == .completed)
    #expect(fixture.org.requests.count == 10 && fixture.org.requestsPerPair.values.allSatisfy { $0 == 1 })
  }

  @Test func rejectedRowFailsAndOthersContinue() async throws {
    let fixture = try Fixture(rows: 5)
    defer { fixture.cleanup() }
    fixture.org.inject([3: .rejected])
    let outcome = await fixture.engine().run()
    #expect(outcome.submitted == 4 && outcome.failed == 1)
    let failed = try fixture.journal.rows(in: [.failed])
    #expect(failed.count == 1 && failed[0].lastError?.contains("E0000001") == true)
  }

  @Test func stopRecordsInFlightRowsAndResumeNeverResends() async throws {
    let fixture = try Fixture(rows: 30)
    defer { fixture.cleanup() }
    let events = EventLog()
    let engine = fixture.engine(events: events)
    events.onSubmitted(count: 7) { engine.control.stop() }
    let outcome = await engine.run()
    #expect(outcome.ending == .stopped)
    #expect(try fixture.journal.rows(in: [.intent]).isEmpty)
    let submittedBefore = try fixture.journal.rows(in: [.submitted]).count
    #expect(submittedBefore == fixture.org.requests.count && submittedBefore < 30)
    _ = await fixture.engine().run()
    #expect(fixture.org.requests.count == 30 && fixture.org.requestsPerPair.values.allSatisfy { $0 == 1 })
  }

  @Test func taskCancellationStopsCleanly() async throws {
    let fixture = try Fixture(rows: 40)
    defer { fixture.cleanup() }
    let engine = fixture.engine()
    let task = Task { await engine.run() }
    while engine.control.progress.submitted < 3 { await Task.yield() }
    task.cancel()
    let outcome = await task.value
    #expect(outcome.ending == .stopped)
    #expect(try fixture.journal.rows(in: [.intent]).isEmpty)
    #expect(try fixture.journal.rows(in: [.submitted]).count == fixture.org.requests.count)
  }

  @Test func rowsLeftInDoubtByACrashAreReconciledFirst() async throws {
    let fixture = try Fixture(rows: 3)
    defer { fixture.cleanup() }
    let rows = try fixture.journal.rows()
    // Row 1: its POST reached the org before the crash. Row 2: it did not.
    try fixture.journal.recordIntent(rows[0].id)
    try fixture.journal.recordIntent(rows[1].id)
    fixture.org.seed(
      ObservedRequest(
        id: "reqBEFORECRASH", userID: Self.userID(1), entryID: Self.entry, resourceID: fixture.org.resourceID,
        status: "PENDING", created: fixture.clock.now))
    let outcome = await fixture.engine().run()
    #expect(outcome.adopted == 1 && outcome.submitted == 2)
    #expect(try fixture.journal.row(rows[0].id)?.requestID == "reqBEFORECRASH")
    #expect(try fixture.journal.row(rows[1].id)?.reconciliation == .resent)
    #expect(fixture.org.requestsPerPair.values.allSatisfy { $0 == 1 })
  }

  @Test func canaryPassesUnderTheTemporaryConditionThenTheRestGoes() async throws {
    let fixture = try Fixture(rows: 6)
    defer { fixture.cleanup() }
    let settings = SubmissionSettings(
      resourceID: fixture.org.resourceID, canary: CanaryPolicy(conditionID: Self.temporary))
    let events = EventLog()
    let outcome = await fixture.engine(settings, events: events).run()
    #expect(outcome.ending == .completed && fixture.org.requests.count == 6)
    #expect(events.events.contains(.canaryPassed(requestID: fixture.org.requests[0].id)))
    #expect(try fixture.journal.row(try fixture.journal.rows()[0].id)?.state == .granted)
    #expect(try fixture.journal.fact("canary") == Self.temporary)
  }

  @Test func canaryRefusesWhenAManualApprovalConditionApplies() async throws {
    let fixture = try Fixture(rows: 6)
    defer { fixture.cleanup() }
    fixture.org.state.withLock {
      $0.autoApprove = false
      $0.approvalConditionID = "rcoMANAGER0000000001"
    }
    let settings = SubmissionSettings(
      resourceID: fixture.org.resourceID, canary: CanaryPolicy(conditionID: Self.temporary, timeout: 60))
    let outcome = await fixture.engine(settings).run()
    guard case .canaryRefused(let reason) = outcome.ending else {
      Issue.record("expected the canary to refuse, got \(outcome.ending)")
      return
    }
    #expect(reason.contains("PENDING") && reason.contains("clone-condition"))
    #expect(fixture.org.createCalls == 1)
  }

  @Test func canaryRefusesWhenAnotherConditionApproved() async throws {
    let fixture = try Fixture(rows: 3)
    defer { fixture.cleanup() }
    fixture.org.state.withLock { $0.approvalConditionID = "rcoOTHER000000000001" }
    let settings = SubmissionSettings(
      resourceID: fixture.org.resourceID, canary: CanaryPolicy(conditionID: Self.temporary))
    let outcome = await fixture.engine(settings).run()
    guard case .canaryRefused(let reason) = outcome.ending else {
      Issue.record("expected the canary to refuse, got \(outcome.ending)")
      return
    }
    #expect(reason.contains("rcoOTHER000000000001"))
    #expect(fixture.org.createCalls == 1)
  }

  @Test func retryAdoptsALiveRequestAndResendsARefusedOne() async throws {
    let fixture = try Fixture(rows: 2)
    defer { fixture.cleanup() }
    let rows = try fixture.journal.rows()
    for row in rows {
      try fixture.journal.recordIntent(row.id)
      try fixture.journal.recordProgress(row.id, to: .failed, error: "earlier trouble")
    }
    fixture.org.seed(
      ObservedRequest(
        id: "reqLIVE", userID: Self.userID(1), entryID: Self.entry, resourceID: fixture.org.resourceID,
        status: "PENDING", created: fixture.clock.now))
    fixture.org.seed(
      ObservedRequest(
        id: "reqDENIED", userID: Self.userID(2), entryID: Self.entry, resourceID: fixture.org.resourceID,
        status: "DENIED", created: fixture.clock.now))
    let settings = SubmissionSettings(resourceID: fixture.org.resourceID, wait: 0, retry: [.failed])
    let outcome = await fixture.engine(settings).run()
    #expect(outcome.adopted == 1 && outcome.submitted == 1)
    #expect(try fixture.journal.row(rows[0].id)?.requestID == "reqLIVE")
    #expect(fixture.org.createCalls == 1)
  }

  @Test func pauseHoldsNewRowsUntilResumeAndRethrottleChangesTheWait() async throws {
    let fixture = try Fixture(rows: 6)
    defer { fixture.cleanup() }
    let engine = fixture.engine()
    engine.control.pause()
    engine.control.rethrottle(concurrency: 2, wait: 7)
    let task = Task { await engine.run() }
    for _ in 0..<200 { await Task.yield() }
    #expect(fixture.org.createCalls == 0)
    engine.control.resume()
    let outcome = await task.value
    #expect(outcome.submitted == 6)
    #expect(fixture.clock.sleeps.filter { $0 == 7 }.count == 6)
    #expect(!fixture.clock.sleeps.contains(10))
  }
}

extension SubmissionEngineTests {
  @Test func canarySurvivesATransientFailure() async throws {
    let fixture = try Fixture(rows: 3)
    defer { fixture.cleanup() }
    fixture.org.inject([1: .acceptedThenDropped])
    let settings = SubmissionSettings(
      resourceID: fixture.org.resourceID, canary: CanaryPolicy(conditionID: Self.temporary))
    let outcome = await fixture.engine(settings).run()
    #expect(outcome.ending == .completed && outcome.adopted == 1 && outcome.submitted == 2)
    #expect(fixture.org.requestsPerPair.values.allSatisfy { $0 == 1 })
  }
}
