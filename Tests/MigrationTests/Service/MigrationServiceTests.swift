import Foundation
import OktaAPI
import TestSupport
import Testing

@testable import Migration

@Suite struct MigrationServiceTests {
  static let entry = "cen1234567890abcdefg"
  static let foreignEntry = "cenFOREIGN0000000001"

  struct Fixture {
    let dir: TemporaryDirectory
    let journal: Journal
    let clock = TestClock()
    let org: FakeOrg
    let service: MigrationService

    init() throws {
      dir = try TemporaryDirectory()
      let clock = self.clock
      journal = try Journal(path: dir.path("j.db"), now: { clock.now })
      org = FakeOrg(clock: clock)
      service = try MigrationService(
        journal: journal, org: org, orgURL: "https://acme.okta.com", resourceID: org.resourceID, clock: clock)
    }

    func cleanup() {
      journal.close()
      dir.cleanup()
    }

    func load(_ text: String) async throws -> LoadReport {
      try await service.load(try RosterReader.parse(Array(text.utf8), file: "r.csv"))
    }
  }

  static func userID(_ n: Int) -> String { "00u" + String(format: "%017d", n) }

  @Test func cloneThenRestoreReturnsTheOrgToItsStateBefore() async throws {
    let fixture = try Fixture()
    defer { fixture.cleanup() }
    let before = fixture.org.conditionsNow
    let (plan, temporaryID) = try await fixture.service.clone(CloneRequest(source: "Standard"))
    #expect(plan.steps.count == 5)
    let during = fixture.org.conditionsNow
    #expect(during.first?.id == temporaryID && during.first?.status == .active && during.first?.priority == 0)
    #expect(during.filter { $0.status == .active }.count == 1)
    #expect(fixture.org.onBehalfNow?.allowed == true)
    #expect(try fixture.journal.changes().count == 5)

    // Cloning again changes nothing.
    let mutations = fixture.org.mutations
    _ = try await fixture.service.clone(CloneRequest(source: "Standard"))
    #expect(fixture.org.mutations == mutations)

    let report = try await fixture.service.restore()
    #expect(report.differences.isEmpty && !report.changedNothing)
    // The originals are back exactly; the temporary condition stays, INACTIVE, below them.
    let after = fixture.org.conditionsNow
    #expect(Array(after.prefix(before.count)) == before)
    #expect(
      after.last?.id == temporaryID && after.last?.status == .inactive && after.count == before.count + 1)
    #expect(fixture.org.onBehalfNow == nil)
    #expect(try fixture.journal.changes().allSatisfy(\.undone))

    // A second restore finds nothing to do.
    let again = try await fixture.service.restore()
    #expect(again.changedNothing && again.differences.isEmpty)
    #expect(try await fixture.service.restore(deleteTemporary: true).changedNothing)
    let actions = try fixture.journal.auditTrail().map(\.action)
    #expect(actions.contains("condition.create") && actions.contains("restore.deactivate"))
    #expect(!actions.contains("restore.delete"))
  }

  @Test func restoreWithDeleteTemporaryReturnsTheExactConditionList() async throws {
    let fixture = try Fixture()
    defer { fixture.cleanup() }
    let before = fixture.org.conditionsNow
    try await fixture.service.clone(CloneRequest(source: "Standard"))
    let report = try await fixture.service.restore(deleteTemporary: true)
    #expect(
      report.differences.isEmpty && report.steps.contains { if case .delete = $0 { true } else { false } })
    #expect(fixture.org.conditionsNow == before && fixture.org.onBehalfNow == nil)
    #expect(try await fixture.service.restore(deleteTemporary: true).changedNothing)
    #expect(try fixture.journal.auditTrail().map(\.action).contains("restore.delete"))
  }

  @Test func restoreAfterKeepOriginalsLowersTheTemporaryConditionSoOriginalsRegainTheirPriorities()
    async throws
  {
    let fixture = try Fixture()
    defer { fixture.cleanup() }
    let before = fixture.org.conditionsNow
    let (_, temporaryID) = try await fixture.service.clone(
      CloneRequest(source: "Standard", keepOriginals: true))
    #expect(fixture.org.conditionsNow.first?.id == temporaryID)
    let report = try await fixture.service.restore()
    #expect(report.differences.isEmpty && report.steps.contains(where: \.keepsTemporary))
    let after = fixture.org.conditionsNow
    #expect(Array(after.dropLast()) == before)
    #expect(after.last?.id == temporaryID && after.last?.status == .inactive)
  }

  @Test func aSecondMigrationReusesTheKeptTemporaryConditionAndRestoresAgain() async throws {
    let fixture = try Fixture()
    defer { fixture.cleanup() }
    let before = fixture.org.conditionsNow
    let (_, temporaryID) = try await fixture.service.clone(CloneRequest(source: "Standard"))
    _ = try await fixture.service.restore()
    let restored = fixture.org.conditionsNow

    let (plan, reusedID) = try await fixture.service.clone(CloneRequest(source: "Standard"))
    #expect(reusedID == temporaryID && plan.existingTemporary?.id == temporaryID)
    let during = fixture.org.conditionsNow
    #expect(during.first?.id == temporaryID && during.first?.status == .active && during.first?.priority == 0)
    #expect(during.filter { $0.status == .active }.map(\.id) == [temporaryID])
    #expect(during.count == before.count + 1)
    #expect(try await fixture.service.preflight().allSatisfy { !$0.fix.contains("clone-condition") })

    let report = try await fixture.service.restore()
    #expect(report.differences.isEmpty)
    #expect(fixture.org.conditionsNow == restored)
    #expect(try await fixture.service.restore().changedNothing)
    // And a third clone with deletion at the end leaves exactly the original list.
    try await fixture.service.clone(CloneRequest(source: "Standard"))
    _ = try await fixture.service.restore(deleteTemporary: true)
    #expect(fixture.org.conditionsNow == before)
  }

  @Test func restoreDryRunChangesNothing() async throws {
    let fixture = try Fixture()
    defer { fixture.cleanup() }
    try await fixture.service.clone(CloneRequest(source: "Standard"))
    let mutations = fixture.org.mutations
    let report = try await fixture.service.restore(dryRun: true)
    #expect(report.steps.count >= 4 && fixture.org.mutations == mutations)
  }

  @Test func lingeringTemporaryConditionIsFoundUntilRestored() async throws {
    let fixture = try Fixture()
    defer { fixture.cleanup() }
    #expect(await fixture.service.lingeringTemporaryCondition() == nil)
    try await fixture.service.clone(CloneRequest(source: "Standard"))
    #expect(await fixture.service.lingeringTemporaryCondition() != nil)
    _ = try await fixture.service.restore()
    #expect(await fixture.service.lingeringTemporaryCondition() == nil)
  }

  @Test func loadResolvesLoginsAndRejectsWhatTheOrgDoesNotKnow() async throws {
    let fixture = try Fixture()
    defer { fixture.cleanup() }
    fixture.org.addUser(Self.userID(1), login: "ann@example.com")
    fixture.org.addUser(Self.userID(2), login: "bob@example.com")
    fixture.org.addUser(Self.userID(3), login: "sue@example.com", status: "SUSPENDED")
    fixture.org.addEntry(Self.entry)
    fixture.org.addEntry(Self.foreignEntry, resource: "0oaOTHER000000000001")
    let text = """
      user,entryId
      ann@example.com,\(Self.entry)
      \(Self.userID(2)),\(Self.entry)
      nobody@example.com,\(Self.entry)
      sue@example.com,\(Self.entry)
      \(Self.userID(1)),\(Self.entry)
      bob@example.com,\(Self.foreignEntry)
      bob@example.com,cenUNKNOWN0000000001
      00uBAD,\(Self.entry)

      """
    let report = try await fixture.load(text)
    #expect(report.accepted == 2)
    #expect(report.issues.map(\.line) == [4, 5, 6, 7, 8, 9])
    #expect(report.issues.map(\.description)[0] == "r.csv:4: no user with login nobody@example.com")
    #expect(report.issues[1].reason.contains("SUSPENDED"))
    #expect(report.issues[2].reason.hasPrefix("duplicate of line 2"))
    #expect(report.issues[3].reason.contains("0oaOTHER000000000001"))
    #expect(report.issues[4].reason == "no catalog entry cenUNKNOWN0000000001")
    #expect(try fixture.journal.stateCounts() == [.resolved: 2, .invalid: 6])
    // Loading the same file again adds nothing.
    #expect(try await fixture.load(text).added == 0)
  }

  @Test func preflightNamesEachFixUntilReady() async throws {
    let fixture = try Fixture()
    defer { fixture.cleanup() }
    let problems = try await fixture.service.preflight()
    #expect(problems.map(\.fix).contains { $0.contains("clone-condition") })
    #expect(problems.map(\.fix).contains("load <file>"))
    try await fixture.service.clone(CloneRequest(source: "Standard"))
    fixture.org.addUser(Self.userID(1), login: "ann@example.com")
    fixture.org.addEntry(Self.entry)
    _ = try await fixture.load("user,entry\nann@example.com,\(Self.entry)\n")
    #expect(try await fixture.service.preflight().isEmpty)
  }

  @Test func submitWithCanaryThenRefreshGrantsEveryRowWithOneListCall() async throws {
    let fixture = try Fixture()
    defer { fixture.cleanup() }
    let (_, temporaryID) = try await fixture.service.clone(CloneRequest(source: "Standard"))
    fixture.org.requestsFake.state.withLock { $0.approvalConditionID = temporaryID }
    fixture.org.addEntry(Self.entry)
    var lines = ["user,entry"]
    for n in 1...12 {
      fixture.org.addUser(Self.userID(n), login: "u\(n)@example.com")
      lines.append("u\(n)@example.com,\(Self.entry)")
    }
    _ = try await fixture.load(lines.joined(separator: "\n"))
    let outcome = await fixture.service.submission(wait: 1).run()
    #expect(outcome.ending == .completed && outcome.submitted == 12)
    let listsBefore = fixture.org.requestsFake.state.withLock { $0.listCalls }
    let report = try await fixture.service.refresh()
    #expect(fixture.org.requestsFake.state.withLock { $0.listCalls } == listsBefore + 1)
    #expect(report.rowsChanged == 11)  // the canary row was already granted
    #expect(try fixture.journal.stateCounts() == [.granted: 12])
  }

  @Test func rowsNotFinalAfterTheThresholdAreStuckWithTheirAge() async throws {
    let fixture = try Fixture()
    defer { fixture.cleanup() }
    fixture.org.requestsFake.state.withLock { $0.autoApprove = false }
    fixture.org.addUser(Self.userID(1), login: "ann@example.com")
    fixture.org.addEntry(Self.entry)
    _ = try await fixture.load("user,entry\nann@example.com,\(Self.entry)\n")
    _ = await fixture.service.submission(wait: 0, canary: false).run()
    let submitted = try #require(try fixture.journal.rows(in: [.submitted]).first?.submittedAt)
    fixture.clock.set(submitted.addingTimeInterval(300))
    #expect(try await fixture.service.refresh(stuckAfter: 600).stuck == 0)
    fixture.clock.set(submitted.addingTimeInterval(900))
    let report = try await fixture.service.refresh(stuckAfter: 600)
    #expect(report.stuck == 1)
    let row = try #require(try fixture.journal.rows(in: [.stuck]).first)
    #expect(row.lastError?.contains("PENDING after 9") == true)
  }

  @Test func exportWritesCSVAndJSONAndTheAuditAsJSONLines() async throws {
    let fixture = try Fixture()
    defer { fixture.cleanup() }
    try fixture.journal.addRoster([
      RosterDraft(source: "r.csv", line: 2, userInput: "=cmd,x", userID: Self.userID(1), entryID: Self.entry),
      RosterDraft(
        source: "r.csv", line: 3, userInput: "bad", entryID: "", invalidReason: "missing \"entry\""),
    ])
    try await fixture.service.clone(CloneRequest(source: "Standard"))
    let csv = fixture.dir.path("out.csv")
    #expect(try fixture.journal.exportRoster(to: csv) == 2)
    let csvText = try String(contentsOfFile: csv, encoding: .utf8)
    let parsed = try DelimitedTextParser(bytes: Array(csvText.utf8), delimiter: UInt8(ascii: ",")).records()
    #expect(parsed[0].fields == Journal.exportColumns)
    #expect(parsed[1].fields[1] == "'=cmd,x" && parsed[1].fields[4] == "resolved")
    #expect(parsed[2].fields[9] == "missing \"entry\"")
    let json = fixture.dir.path("out.json")
    try fixture.journal.exportRoster(to: json)
    let objects =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [[String: Any]]
    #expect(objects?.count == 2 && objects?[1]["state"] as? String == "invalid")
    let audit = fixture.dir.path("audit.jsonl")
    #expect(try fixture.journal.exportAudit(to: audit) == 5)
  }
}
