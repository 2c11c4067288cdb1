import Foundation
import TestSupport
import Testing

@testable import Migration

@Suite struct RosterReaderTests {
  static let user1 = "00u1111111111aaaaaaa"
  static let user2 = "00u2222222222bbbbbbb"
  static let entry = "cen1234567890abcdefg"
  static let entry2 = "cenZZZZZZZZZZZZZZZZZ"

  func read(_ text: String, options: RosterOptions = RosterOptions()) throws -> RosterReadResult {
    try RosterReader.parse(Array(text.utf8), file: "r.csv", options: options)
  }

  @Test func readsIdsAndLoginsWithAliasHeaders() throws {
    let result = try read(
      "Login,Catalog Entry ID\n\(Self.user1),\(Self.entry)\nann@example.com,\(Self.entry)\n")
    #expect(result.rows.map(\.user) == [.id(Self.user1), .login("ann@example.com")])
    #expect(result.issues.isEmpty)
    #expect(result.userColumn == "Login" && result.entryColumn == "Catalog Entry ID")
    #expect(result.summary == "r.csv: 2 rows loaded, 0 rejected")
  }

  @Test func reportsEveryBadRowByPhysicalLine() throws {
    let text = """
      email,entryId,note
      \(Self.user1),\(Self.entry),"two
      lines"
      00uSHORT,\(Self.entry),x
      bob@example.com,cenBAD,x
      ,\(Self.entry),x
      \(Self.user1),\(Self.entry),dup

      carol@example.com,,x
      dan@example.com,\(Self.entry),x,extra

      """
    let result = try read(text)
    #expect(result.rows.count == 1)
    #expect(result.issues.map(\.line) == [4, 5, 6, 7, 9, 10])
    #expect(result.issues[0].description.hasPrefix("r.csv:4: \"00uSHORT\" is not an Okta user id"))
    #expect(result.issues[1].reason.contains("cenBAD"))
    #expect(result.issues[2].reason == "missing user")
    #expect(result.issues[3].reason.hasPrefix("duplicate of line 2"))
    #expect(result.issues[4].reason.hasPrefix("missing catalog entry"))
    #expect(result.issues[5].reason.contains("4 fields but the header has 3"))
    #expect(result.ignoredColumns == ["note"])
  }

  @Test func duplicatesIgnoreLoginCase() throws {
    let result = try read("user,entry\nAnn@Example.com,\(Self.entry)\nann@example.com,\(Self.entry)\n")
    #expect(result.issues.map(\.line) == [3])
  }

  @Test func tsvWithExplicitColumnsAndFieldValues() throws {
    let text =
      "who\twhat\tfield:justification\tfield.OKTA_ACCESS_DURATION\n\(Self.user1)\t\(Self.entry2)\tMigration\tP1D\n"
    let result = try read(text, options: RosterOptions(userColumn: "who", entryColumn: "WHAT"))
    #expect(result.rows.first?.fields == ["justification": "Migration", "OKTA_ACCESS_DURATION": "P1D"])
    #expect(result.rows.first?.entryID == Self.entry2)
  }

  @Test func usersOnlyRosterWithEntryOption() throws {
    let result = try read("user\n\(Self.user1)\n\(Self.user2)\n", options: RosterOptions(entry: Self.entry))
    #expect(result.rows.map(\.entryID) == [Self.entry, Self.entry])
  }

  @Test func fileLevelProblemsNameFileAndLine() {
    #expect(throws: RosterIssue.self) { _ = try read("") }
    #expect {
      _ = try read("name,entry\nx,y\n")
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix("r.csv:1: no user column") && text.contains("name, entry")
    }
    #expect {
      _ = try read("user\nx\n")
    } throws: { "\($0)".contains("--entry") }
    #expect {
      _ = try read("user,entry\n", options: RosterOptions(userColumn: "missing"))
    } throws: { "\($0)".contains("no column \"missing\"") }
    #expect {
      _ = try read("user\nx\n", options: RosterOptions(entry: "nope"))
    } throws: { "\($0)".contains("--entry nope") }
    #expect {
      _ = try read("user,entry\n\"x,\(Self.entry)\n")
    } throws: { "\($0)" == "r.csv:2:1: quoted field never closed (missing \" before end of file)" }
  }

  @Test func missingFileIsReported() {
    #expect {
      _ = try RosterReader.read(path: "/nonexistent/roster.csv")
    } throws: { "\($0)" == "/nonexistent/roster.csv: no such file" }
  }

  @Test func readsAFileFromDisk() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanup() }
    let path = try dir.write("r.csv", "\u{FEFF}user,entry\r\n\(Self.user1),\(Self.entry)\r\n")
    let result = try RosterReader.read(path: path)
    #expect(result.rows.count == 1 && result.file == path)
  }
}
