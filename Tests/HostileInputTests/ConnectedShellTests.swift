import Foundation
import Migration
import OktaSim
import Testing

@testable import Shell

/// Hostile input reaching the back ends of a connected shell: every malformed roster through `load`.
@MainActor @Suite(.serialized) struct ConnectedShellTests {
  @Test func everyMalformedRosterFailsItsLoadWithLocatedMessages() async throws {
    let shell = try ConnectedShell()
    defer { shell.stop() }
    #expect(await shell.run(["connect", "use Salesforce"]) == .success, "\(shell.output.standardError)")
    let journal = try shell.session.openJournal()
    let before = try journal.rows()

    for item in try Corpus.rosters() {
      let errorsBefore = shell.output.standardError.count
      let status = await shell.run(["load '\(item.path)'"], name: "corpus.oktabulk")
      let stderr = String(shell.output.standardError.dropFirst(errorsBefore))
      #expect(status == .failure, "\(item.file): load did not fail")
      #expect(stderr.contains("corpus.oktabulk:1: "), "\(item.file): not located: \(stderr)")
      if item.line >= 0 {
        #expect(
          stderr.split(separator: "\n").contains {
            $0.contains("\(item.path):\(item.line):") && $0.localizedCaseInsensitiveContains(item.expect)
          }, "\(item.file): expected line \(item.line) and '\(item.expect)' in \(stderr)")
      }
    }
    // Rejected lines are journaled as `invalid` (nothing dropped silently); nothing else changed.
    let after = try journal.rows()
    #expect(after.filter { row in !before.contains { $0.id == row.id } }.allSatisfy { $0.state == .invalid })
    #expect(try journal.stateCounts().keys.allSatisfy { $0 == .invalid })
    shell.session.closeMigration()
    let reopened = try Journal(path: shell.session.settings.journalPath)
    defer { reopened.close() }
    #expect(try reopened.rows().count == after.count)
  }

  @Test func exportNamesPathsItCannotWrite() async throws {
    let shell = try ConnectedShell()
    defer { shell.stop() }
    #expect(await shell.run(["connect", "use Salesforce"]) == .success)
    let nowhere = shell.dir.path("no/such/dir/out.csv")
    #expect(await shell.run(["export \(nowhere)"]) == .failure)
    #expect(await shell.run(["export \(shell.dir.url.path)"], name: "t.oktabulk") == .failure)
    #expect(
      await shell.run(["export \(shell.dir.path("x.csv")) --audit --format json"], name: "u.oktabulk")
        == .success)
    let stderr = shell.output.standardError
    #expect(
      stderr.contains("s.oktabulk:1: export: \(nowhere): no such directory \(shell.dir.path("no/such/dir"))"))
    #expect(stderr.contains("t.oktabulk:1: export: \(shell.dir.url.path): is a directory; name a file"))
    #expect(!stderr.contains("NSCocoaErrorDomain"))
  }

  @Test func loadNamesMissingFilesAndDirectories() async throws {
    let shell = try ConnectedShell()
    defer { shell.stop() }
    #expect(await shell.run(["connect", "use Salesforce"]) == .success)
    let missing = shell.dir.path("missing.csv")
    #expect(await shell.run(["load \(missing)"]) == .failure)
    #expect(shell.output.standardError.contains("s.oktabulk:1: load: \(missing): no such file"))
    #expect(await shell.run(["load \(shell.dir.url.path)"]) == .failure)
    #expect(shell.output.standardError.contains("\(shell.dir.url.path): is a directory, not a roster file"))
  }
}
