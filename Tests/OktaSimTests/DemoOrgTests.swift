import Foundation
import Testing

@testable import OktaSim

@Suite("Demo org and sample roster")
struct DemoOrgTests {
  @Test("the same seed builds the same org; another seed another")
  func deterministic() {
    let first = DemoOrg.build(seed: 1, now: 1_800_000_000)
    let again = DemoOrg.build(seed: 1, now: 1_800_000_000)
    let other = DemoOrg.build(seed: 2, now: 1_800_000_000)
    #expect(first.userOrder == again.userOrder)
    #expect(first.appOrder == again.appOrder && first.conditions == again.conditions)
    #expect(first.userOrder != other.userOrder)
  }

  @Test("the demo org has what the migration needs")
  func contents() {
    let org = DemoOrg.build(seed: 1, now: 1_800_000_000)
    #expect(org.apps.count == 4 && org.entries.count == 4)
    #expect(org.users.count == 301)
    #expect(org.users.values.filter { !$0.isActive }.count == 6)
    #expect(Set(org.users.values.map(\.login)).count == 301)
    #expect(org.sequences.values.filter(\.autoApprove).map(\.name) == ["Auto-approve"])
    for app in org.appOrder {
      let conditions = org.conditions(of: app)
      #expect(conditions.map(\.priority) == [0, 1, 2])
      #expect(conditions.map(\.status) == ["ACTIVE", "ACTIVE", "INACTIVE"])
      #expect(
        conditions.map { $0.requesterSettings["type"]?.stringValue } == ["GROUPS", "EVERYONE", "GROUPS"])
    }
  }

  @Test("the roster has 300 rows: 290 that resolve to active users and 10 bad ones")
  func roster() {
    let (csv, bad) = DemoRoster.make(seed: 1)
    let org = DemoOrg.build(seed: 1, now: 0)
    let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    #expect(lines.first == "user,entry")
    #expect(lines.count == 301)
    #expect(bad.count == 10)
    let badLines = Set(bad.map(\.line))
    for (index, line) in lines.enumerated().dropFirst() where !badLines.contains(index + 1) {
      let fields = line.split(separator: ",").map(String.init)
      #expect(org.user(idOrLogin: fields[0])?.isActive == true, "line \(index + 1): \(line)")
      #expect(fields[1] == org.entryOrder[0])
    }
    for row in bad where row.reason != "duplicate of line 2" && row.reason != "unknown catalog entry" {
      #expect(org.user(idOrLogin: row.user)?.isActive != true, "line \(row.line) should not resolve")
    }
  }

  @Test("examples/roster.csv is the generated roster for seed 1")
  func examplesUpToDate() throws {
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("examples")
    let stored = try String(contentsOf: examples.appendingPathComponent("roster.csv"), encoding: .utf8)
    #expect(stored == DemoRoster.make(seed: 1).csv)
  }
}
