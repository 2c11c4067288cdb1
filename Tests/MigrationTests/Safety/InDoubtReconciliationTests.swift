import Foundation
import Testing

@testable import Migration

/// A row left in `intent` is settled before anything is re-sent: the request is looked up for that user and
/// resource, adopted when it exists (created after the intent), sent again when it does not; the journal
/// records which. One test per way a row ends up in doubt.
@Suite struct InDoubtReconciliationTests {
  /// How a POST's outcome gets lost mid-run.
  enum LostAnswer: String, CaseIterable, CustomTestStringConvertible {
    case timeout, reset, acceptedThenDropped, serverError

    var failure: OrgFailure {
      switch self {
      case .timeout: .noAnswer("operation timed out after 30000 ms")
      case .reset: .noAnswer("connection reset by peer")
      case .acceptedThenDropped: .noAnswer("empty reply from server")
      case .serverError: .serverError(status: 502, summary: "Bad Gateway")
      }
    }

    var testDescription: String { rawValue }
  }

  @Test(arguments: LostAnswer.allCases)
  func aLostAnswerWhoseRequestExistsIsAdoptedNotResent(_ cause: LostAnswer) async throws {
    let fixture = try SafetyFixture(rows: 4)
    defer { fixture.cleanup() }
    fixture.gateway.script([2: .failAfter(cause.failure)])
    let outcome = await fixture.engine().run()
    #expect(outcome.ending == .completed && outcome.adopted == 1 && outcome.submitted == 3)
    // Four create calls for four rows: the lost one was found, not sent again.
    #expect(fixture.gateway.createTimes.count == 4)
    #expect(try fixture.everyRowHasExactlyOneRequest())
    let adopted = try #require(try fixture.journal.rows().first { $0.reconciliation != nil })
    #expect(adopted.reconciliation == .adopted && adopted.state == .submitted)
    #expect(try fixture.journal.auditTrail().contains { $0.action == "request.adopt" })
  }

  @Test(arguments: LostAnswer.allCases)
  func aLostAnswerWithoutARequestIsResentOnce(_ cause: LostAnswer) async throws {
    let fixture = try SafetyFixture(rows: 4)
    defer { fixture.cleanup() }
    fixture.gateway.script([2: .failBefore(cause.failure)])
    let outcome = await fixture.engine().run()
    #expect(outcome.ending == .completed && outcome.submitted == 4 && outcome.adopted == 0)
    #expect(fixture.gateway.createTimes.count == 5)
    #expect(try fixture.everyRowHasExactlyOneRequest())
    let resent = try #require(try fixture.journal.rows().first { $0.reconciliation != nil })
    #expect(resent.reconciliation == .resent && resent.attempts == 2)
  }

  @Test func aCrashAfterTheIntentWhoseRequestWasMadeIsAdopted() async throws {
    let fixture = try SafetyFixture(rows: 3)
    defer { fixture.cleanup() }
    // The shell died between the 202 and recording it: the row is in intent, the org has the request.
    let row = try fixture.firstRow()
    try fixture.journal.recordIntent(row.id)
    fixture.clock.advance(1)
    fixture.org.seed(
      ObservedRequest(
        id: "reqMADEBEFORETHECRASH", userID: try #require(row.userID), entryID: row.entryID,
        resourceID: fixture.org.resourceID, status: "SUBMITTED", created: fixture.clock.now))
    #expect(try fixture.journal.stateCounts()[.intent] == 1)

    let outcome = await fixture.engine().run()
    #expect(outcome.ending == .completed && outcome.adopted == 1 && outcome.submitted == 2)
    let settled = try #require(try fixture.journal.row(row.id))
    #expect(settled.requestID == "reqMADEBEFORETHECRASH" && settled.reconciliation == .adopted)
    #expect(fixture.gateway.createTimes.count == 2)
    #expect(try fixture.everyRowHasExactlyOneRequest())
  }

  @Test func aCrashAfterTheIntentBeforeThePOSTIsResent() async throws {
    let fixture = try SafetyFixture(rows: 3)
    defer { fixture.cleanup() }
    let row = try fixture.firstRow()
    try fixture.journal.recordIntent(row.id)

    let outcome = await fixture.engine().run()
    #expect(outcome.ending == .completed && outcome.submitted == 3 && outcome.adopted == 0)
    let settled = try #require(try fixture.journal.row(row.id))
    #expect(settled.reconciliation == .resent && settled.state == .submitted)
    #expect(try fixture.everyRowHasExactlyOneRequest())
  }

  @Test func aRequestCreatedBeforeTheIntentIsNotAdopted() async throws {
    let fixture = try SafetyFixture(rows: 2)
    defer { fixture.cleanup() }
    let row = try fixture.firstRow()
    // A request for the same user and entry from long before this migration (an earlier, expired one).
    let old = ObservedRequest(
      id: "reqFROMLASTYEAR000001", userID: try #require(row.userID), entryID: row.entryID,
      resourceID: fixture.org.resourceID, status: "EXPIRED",
      created: fixture.clock.now.addingTimeInterval(-86_400))
    fixture.org.seed(old)
    try fixture.journal.recordIntent(row.id)

    let outcome = await fixture.engine().run()
    #expect(outcome.ending == .completed && outcome.adopted == 0 && outcome.submitted == 2)
    let settled = try #require(try fixture.journal.row(row.id))
    #expect(settled.reconciliation == .resent)
    #expect(settled.requestID != old.id && settled.requestID != nil)
    // The old request stays the org's history; this migration made exactly one new one per row.
    #expect(fixture.org.requests.filter { $0.id != old.id }.count == 2)
  }
}
