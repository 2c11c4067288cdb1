import Foundation
import TestSupport
import Testing

@testable import Migration

@Suite struct JournalTests {
  static let user = "00u1234567890abcdefg"
  static let entry = "cen1234567890abcdefg"

  func draft(_ line: Int, user: String = Self.user, userID: String? = Self.user, entry: String = Self.entry)
    -> RosterDraft
  {
    RosterDraft(source: "roster.csv", line: line, userInput: user, userID: userID, entryID: entry)
  }

  @Test func createsPrivateFileInWALModeWithSchemaVersion() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let journal = try Journal(path: dir.path("j.db"))
    defer { journal.close() }
    let attributes = try FileManager.default.attributesOfItem(atPath: journal.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let mode = try journal.withDatabase { try $0.query("PRAGMA journal_mode").first?.string(0) }
    #expect(mode == "wal")
    let version = try journal.withDatabase { try $0.query("PRAGMA user_version").first?.int(0) }
    #expect(version == Journal.schemaVersion)
  }

  @Test func secondOpenIsRefusedWithHolderPID() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let first = try Journal(path: dir.path("j.db"))
    #expect(throws: JournalError.locked(path: dir.path("j.db"), holderPID: getpid())) {
      _ = try Journal(path: dir.path("j.db"))
    }
    first.close()
    let again = try Journal(path: dir.path("j.db"))
    again.close()
  }

  @Test func lockedMessageNamesPIDAndFix() {
    let text = JournalError.locked(path: "/x/j.db", holderPID: 4242).description
    #expect(text.contains("4242") && text.contains("/x/j.db") && text.contains("--journal"))
  }

  @Test func refusesAFileThatIsNotAJournal() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let garbage = try dir.write("notes.db", String(repeating: "not sqlite at all\n", count: 300))
    #expect(throws: JournalError.notAJournal(path: garbage)) { _ = try Journal(path: garbage) }
    // An SQLite file of another application is refused too.
    let other = dir.path("other.db")
    let database = try SQLiteDatabase(path: other)
    try database.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
    database.close()
    #expect(throws: JournalError.notAJournal(path: other)) { _ = try Journal(path: other) }
  }

  @Test func refusesANewerSchema() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.path("j.db")
    try Journal(path: path).close()
    let database = try SQLiteDatabase(path: path)
    try database.execute("PRAGMA user_version = 99")
    database.close()
    #expect(throws: JournalError.newerSchema(path: path, found: 99, supported: Journal.schemaVersion)) {
      _ = try Journal(path: path)
    }
  }

  @Test func refusesACorruptFile() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.path("j.db")
    let journal = try Journal(path: path)
    try journal.addRoster((1...400).map { draft($0, user: "user\($0)@example.com", userID: nil) })
    try journal.withDatabase { try $0.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
    journal.close()
    // Scribble over the middle of the file, where table pages live.
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    try handle.seek(toOffset: 4096 * 2 + 100)
    try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096 * 3))
    try handle.close()
    #expect {
      _ = try Journal(path: path)
    } throws: { error in
      guard let error = error as? JournalError else { return false }
      if case .corrupt = error { return error.description.contains(path) }
      if case .notAJournal = error { return true }
      return false
    }
  }

  @Test func bindsToOneOrgAndResourceAndRefusesOthers() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.path("j.db")
    do {
      let journal = try Journal(path: path)
      defer { journal.close() }
      try journal.bind(orgURL: "https://Acme.okta.com/")
      try journal.bind(resourceID: "0oa1234567890abcdefg")
    }
    let journal = try Journal(path: path)
    defer { journal.close() }
    try journal.bind(orgURL: "https://acme.okta.com")
    #expect(throws: JournalError.self) { try journal.bind(orgURL: "https://other.okta.com") }
    #expect(throws: JournalError.self) { try journal.bind(resourceID: "0oaZZZZZZZZZZZZZZZZZ") }
    let message = JournalError.boundToOtherOrg(
      path: path, journalOrg: "https://acme.okta.com", requestedOrg: "https://other.okta.com"
    ).description
    #expect(message.contains("acme") && message.contains("other") && message.contains(path))
    #expect(
      try journal.binding()
        == JournalBinding(orgURL: "https://acme.okta.com", resourceID: "0oa1234567890abcdefg"))
  }

  @Test func reloadingTheSameRosterAddsNothing() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let journal = try Journal(path: dir.path("j.db"))
    defer { journal.close() }
    let drafts = [
      draft(2), draft(3, user: "a@example.com", userID: nil),
      RosterDraft(source: "roster.csv", line: 4, userInput: "x", entryID: "", invalidReason: "bad"),
    ]
    #expect(try journal.addRoster(drafts) == 3)
    #expect(try journal.addRoster(drafts) == 0)
    #expect(try journal.stateCounts() == [.resolved: 1, .loaded: 1, .invalid: 1])
  }

  @Test func rowWalksTheHappyPathAndRecordsTimes() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let journal = try Journal(path: dir.path("j.db"))
    defer { journal.close() }
    try journal.addRoster([draft(2, user: "a@example.com", userID: nil)])
    let id = try #require(try journal.rows().first).id
    try journal.resolve(id, userID: Self.user)
    try journal.recordIntent(id)
    var row = try #require(try journal.row(id))
    #expect(row.state == .intent && row.attempts == 1 && row.intentAt != nil)
    try journal.recordSubmitted(id, requestID: "req1", status: "SUBMITTED")
    try journal.recordProgress(id, to: .approved, requestStatus: "APPROVED")
    try journal.recordProgress(id, to: .granted, grantStatus: "GRANTED")
    row = try #require(try journal.row(id))
    #expect(row.state == .granted && row.requestID == "req1" && row.finishedAt != nil)
    #expect(try journal.row(requestID: "req1")?.id == id)
    #expect(try journal.rows(forUser: "A@example.com").count == 1)
  }

  @Test func illegalTransitionsAreRefusedAndLeaveTheRowAlone() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let journal = try Journal(path: dir.path("j.db"))
    defer { journal.close() }
    try journal.addRoster([draft(2)])
    let id = try #require(try journal.rows().first).id
    // A resolved row cannot be marked submitted without an intent first: that would break exactly-once.
    #expect(throws: JournalError.illegalTransition(rowID: id, from: .resolved, to: .submitted)) {
      try journal.recordSubmitted(id, requestID: "r", status: nil)
    }
    #expect(try journal.row(id)?.state == .resolved)
    #expect(throws: JournalError.self) { try journal.recordProgress(999, to: .granted) }
  }

  @Test func auditIsAtomicWithTheStateChangeAndExportsJSONLinesWithoutSecrets() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let fixed = Date(timeIntervalSince1970: 1_800_000_000)
    let journal = try Journal(path: dir.path("j.db"), now: { fixed })
    defer { journal.close() }
    try journal.addRoster([draft(2)])
    let id = try #require(try journal.rows().first).id
    try journal.recordIntent(id)
    let audit = AuditEntry(
      at: fixed, action: "request.create", target: "\(Self.user)/\(Self.entry)",
      result: "202 sent with Authorization: SSWS 00abcSECRETtoken", oktaRequestID: "XoktaReq")
    try journal.recordSubmitted(id, requestID: "req1", status: "SUBMITTED", audit: audit)
    // A refused transition must not leave its audit entry behind.
    #expect(throws: JournalError.self) {
      try journal.recordSubmitted(id, requestID: "req2", status: nil, audit: audit)
    }
    let lines = try journal.auditJSONLines().split(separator: "\n")
    #expect(lines.count == 1)
    let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
    #expect(object?["action"] as? String == "request.create")
    #expect(object?["oktaRequestID"] as? String == "XoktaReq")
    #expect(object?["at"] as? String == "2027-01-15T08:00:00Z")
    #expect(!lines[0].contains("SECRET"))
  }

  @Test func changesKeepBeforeAndAfterAndTheUndoneFlag() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let journal = try Journal(path: dir.path("j.db"))
    defer { journal.close() }
    let first = try journal.recordChange(
      .conditionDeactivated, target: "rco1", before: #"{"status":"ACTIVE"}"#, after: #"{"status":"INACTIVE"}"#
    )
    try journal.recordChange(.conditionCreated, target: "rco2", before: nil, after: #"{"id":"rco2"}"#)
    try journal.markUndone(first)
    let changes = try journal.changes()
    #expect(changes.map(\.kind) == [.conditionDeactivated, .conditionCreated])
    #expect(changes.map(\.undone) == [true, false])
    #expect(changes[0].beforeJSON == #"{"status":"ACTIVE"}"#)
  }

  @Test func stateSurvivesReopening() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.path("j.db")
    do {
      let journal = try Journal(path: path)
      defer { journal.close() }
      try journal.addRoster([draft(2)])
      try journal.recordIntent(try #require(try journal.rows().first).id)
    }
    let journal = try Journal(path: path)
    defer { journal.close() }
    #expect(try journal.rows(in: [.intent]).count == 1)
  }
}
