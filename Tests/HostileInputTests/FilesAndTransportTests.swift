import Foundation
import Migration
import OktaAPI
import TestSupport
import Testing

@testable import Shell

/// Private files, warnings about readable ones, org URLs that could leak or mislead, formula-safe exports.
@MainActor @Suite struct FilesAndTransportTests {
  static func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o777
  }

  static func chmod(_ path: String, _ mode: Int) throws {
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
  }

  @Test func theJournalAndItsSideFilesAreCreatedPrivate() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.path("j.db")
    let journal = try Journal(path: path)
    try journal.addRoster([
      RosterDraft(source: "r.csv", line: 2, userInput: "a@example.com", entryID: "cen1a2b3c4d5e6f7g8h9")
    ])
    for file in [path, path + "-wal", path + "-shm", path + ".lock"]
    where FileManager.default.fileExists(atPath: file) {
      #expect(try Self.mode(file) == 0o600, "\(file)")
    }
    #expect(journal.permissionWarning == nil)
    journal.close()
  }

  @Test func aJournalOthersCanReadIsNamedWhenTheShellOpensIt() async throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.path("j.db")
    try Journal(path: path).close()
    try Self.chmod(path, 0o644)
    let output = CapturedOutput()
    var settings = SessionSettings()
    settings.journalPath = path
    let session = Session(settings: settings, output: output)
    _ = try session.openJournal()
    session.closeMigration()
    #expect(output.standardError.contains("warning: \(path): readable by group or others (mode 644)"))
  }

  @Test func theHistoryFileIsPrivateEvenWhenItExistedOpen() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let fresh = dir.path("fresh_history")
    let reader = EditLineReader(historyPath: fresh) { _ in Completion() }
    reader.remember("status")
    #expect(try Self.mode(fresh) == 0o600)

    let open = try dir.write("open_history", "")
    try Self.chmod(open, 0o644)
    let second = EditLineReader(historyPath: open) { _ in Completion() }
    second.remember("status --refresh")
    #expect(try Self.mode(open) == 0o600)
  }

  @Test func aConfigFileOthersCanReadGetsAWarningWithoutItsToken() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let token = "00SecretInAReadableConfigFile-1234567890"
    let path = try dir.write(
      "okta.yaml", "okta:\n  client:\n    orgUrl: https://acme.okta.com\n    token: \(token)\n")
    try Self.chmod(path, 0o640)
    let loader = ConfigLoader(
      homeDirectory: dir.path("home"), workingDirectory: dir.path("work"), environment: [:],
      flags: .init(org: nil, configFile: path))
    let warnings = try loader.load().warnings
    #expect(
      warnings == [
        "\(path): readable by group or others (mode 640); it may hold the API token: chmod 600 \(path)"
      ])
    try Self.chmod(path, 0o600)
    #expect(try loader.load().warnings.isEmpty)
  }

  @Test(arguments: [
    ("https://admin:hunter2@acme.okta.com", "must not carry a user name or password"),
    ("https://00Tok3nAsUser@acme.okta.com", "must not carry a user name or password"),
    ("https://acme.okta.com/oauth2/default", "has a path, query or fragment"),
    ("https://acme.okta.com?x=1", "has a path, query or fragment"),
    ("https://acme.okta.com/#x", "has a path, query or fragment"),
    ("http://acme.okta.com", "plain http is allowed only for loopback"),
    ("http://127.0.0.1.evil.example", "plain http is allowed only for loopback"),
    ("http://192.168.1.10:8080", "plain http is allowed only for loopback"),
    ("ftp://acme.okta.com", "is not https"),
    ("acme.okta.com", "is not a URL"),
    ("https://admin:hunter 2@acme.okta.com", "must not carry a user name or password"),
    ("https://admin:hunter%@acme.okta.com", "hunter-never-shown"),
  ])
  func orgURLsThatCouldLeakOrMisleadAreRefused(_ url: String, _ reason: String) {
    do {
      let accepted = try OrgURLPolicy.validate(url)
      Issue.record("accepted \(url) as \(accepted)")
    } catch {
      // Whatever the reason, the message must not show what came before the @.
      #expect(reason == "hunter-never-shown" || error.description.contains(reason), "\(error.description)")
      #expect(!error.description.contains("hunter"), "the password is in: \(error.description)")
      #expect(!error.description.contains("00Tok3n"), "the user info is in: \(error.description)")
    }
  }

  @Test(arguments: [
    "https://acme.okta.com", "https://acme.okta.com/", "http://127.0.0.1:8080", "http://[::1]:9",
    "http://localhost:1",
  ])
  func orgURLsThatAreOnlyAnOrgAreKept(_ url: String) throws {
    let kept = try OrgURLPolicy.validate(url)
    #expect(kept.path.isEmpty && kept.query == nil && kept.user == nil)
  }

  @Test func exportedCSVCellsNeverStartAFormula() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let journal = try Journal(path: dir.path("j.db"))
    defer { journal.close() }
    // Values as they could come from an old journal or an org's error text.
    let hostile = ["=HYPERLINK(\"http://evil/\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "=1,2"]
    try journal.addRoster(
      hostile.enumerated().map { index, text in
        RosterDraft(
          source: "r.csv", line: index + 2, userInput: text, entryID: "cen1a2b3c4d5e6f7g8h\(index)",
          invalidReason: text)
      })
    let path = dir.path("out.csv")
    try journal.exportRoster(to: path)
    let records = try DelimitedTextParser(
      bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), delimiter: 44
    )
    .records()
    #expect(records.count == hostile.count + 1)
    let cells = records.flatMap(\.fields)
    #expect(!cells.contains { $0.first.map { "=+-@".contains($0) } ?? false }, "\(cells)")
    for text in hostile { #expect(cells.contains("'" + text)) }
  }

  @Test func aJournalPathThatIsARosterIsRefusedAndLeftUntouched() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let roster = "user,entryId\n00u1a2b3c4d5e6f7g8h9,cen1a2b3c4d5e6f7g8h9\n"
    let path = try dir.write("roster.csv", roster)
    #expect(throws: JournalError.self) { try Journal(path: path) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == roster)
    let directory = dir.path("sub")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    #expect(throws: JournalError.self) { try Journal(path: directory) }
  }

  @Test func aDamagedJournalIsRefusedWithItsCauseAndKeptAsItIs() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = dir.path("j.db")
    let journal = try Journal(path: path)
    try journal.addRoster(
      (0..<300).map {
        RosterDraft(
          source: "r.csv", line: $0 + 2, userInput: "user\($0)@example.com", entryID: "cen1a2b3c4d5e6f7g8h9")
      })
    journal.close()
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(bytes.count > 12_288)
    for offset in 8_192..<12_288 { bytes[offset] = UInt8(truncatingIfNeeded: offset &* 31) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    do {
      _ = try Journal(path: path)
      Issue.record("a damaged journal was opened")
    } catch {
      #expect("\(error)".contains(path))
    }
    #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
  }
}

/// Text from an org or a file is shown, never obeyed by the terminal.
@Suite struct TerminalSafetyTests {
  @Test func tableCellsShowControlCharactersEscaped() {
    let table = Table(
      columns: ["name"], rows: [["\u{1B}]0;owned\u{07}Sales\u{1B}[2J"], ["two\nlines\u{9B}31m"]])
    let text = Renderer(mode: .table).render(table)
    #expect(text.contains("\\u{1B}]0;owned\\u{7}Sales\\u{1B}[2J"))
    #expect(text.contains("two\\u{A}lines\\u{9B}31m"))
    #expect(
      !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
    let json = Renderer(mode: .json).render(table)
    #expect(json.contains("\\u001b]0;owned"))
  }
}

/// Configuration files are read with a bound as well.
@Suite struct ConfigFileBoundTests {
  @Test func aConfigThatNeverEndsIsRefused() {
    let loader = ConfigLoader(
      homeDirectory: "/nonexistent", workingDirectory: "/nonexistent", environment: [:],
      flags: .init(org: nil, configFile: "/dev/zero"))
    #expect(throws: OktaError.self) { try loader.load() }
    do {
      _ = try loader.load()
    } catch {
      #expect(error.description.contains("/dev/zero: larger than 1024 kB; is this an okta.yaml?"))
    }
  }
}
