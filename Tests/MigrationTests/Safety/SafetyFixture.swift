import Foundation
import TestSupport
import Testing

@testable import Migration

/// A journal of resolved rows in a fresh directory, an in-memory org behind a scripted gateway, and a
/// test clock: what the safety tests drive a submission with.
struct SafetyFixture {
  static let entry = "cen1234567890abcdefg"
  static func userID(_ n: Int) -> String { "00u" + String(format: "%017d", n) }

  let dir: TemporaryDirectory
  let journal: Journal
  let clock = TestClock()
  let org: FakeRequestGateway
  let gateway: ScriptedGateway

  init(rows count: Int) throws {
    dir = try TemporaryDirectory()
    let clock = self.clock
    // Journal stamps on the test clock, as the shell stamps them on its session clock.
    journal = try Journal(path: dir.path("j.db"), now: { clock.now })
    org = FakeRequestGateway(clock: clock)
    gateway = ScriptedGateway(org: org)
    try journal.addRoster(
      (1...count).map {
        RosterDraft(
          source: "r.csv", line: $0 + 1, userInput: Self.userID($0), userID: Self.userID($0),
          entryID: Self.entry)
      })
  }

  func engine(concurrency: Int = 1, wait: Double = 10, events: EventLog? = nil) -> SubmissionEngine {
    SubmissionEngine(
      journal: journal, gateway: gateway, clock: clock,
      settings: SubmissionSettings(resourceID: org.resourceID, concurrency: concurrency, wait: wait),
      onEvent: { event in events?.append(event) })
  }

  /// The first row, as the journal holds it now.
  func firstRow() throws -> RosterRow {
    try #require(try journal.rows().first)
  }

  /// Exactly one request per roster row in the org, and the journal holding each of them.
  func everyRowHasExactlyOneRequest() throws -> Bool {
    let perPair = org.requestsPerPair
    let held = Set(try journal.rows().compactMap(\.requestID))
    return perPair.count == (try journal.rows().count) && perPair.values.allSatisfy { $0 == 1 }
      && held == Set(org.requests.map(\.id))
  }

  func cleanup() {
    journal.close()
    dir.cleanup()
  }
}
