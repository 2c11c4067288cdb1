import Foundation
import OktaAPI
import OktaSim
import Testing

@testable import Migration

/// The migration over real HTTP against the in-process simulator.
@Suite(.serialized) struct MigrationAgainstSimulatorTests {
  @Test func wholeMigrationIsExactlyOnceAndRestoreReturnsTheOrg() async throws {
    let harness = try await SimulatorHarness()
    defer { harness.stop() }
    let before = try await harness.governanceSnapshot()

    let (plan, temporaryID) = try await harness.service.clone(
      CloneRequest(source: "Everyone - manager approval"))
    #expect(plan.sequence.name == "Auto-approve")
    #expect(try await harness.governanceSnapshot() != before)

    let demo = OktaSimulator.demoRoster(seed: 1)
    let path = try harness.dir.write("roster.csv", demo.csv)
    let report = try await harness.service.load(try RosterReader.read(path: path))
    #expect(report.issues.map(\.line) == demo.bad.map(\.line))
    #expect(report.accepted == 290)
    #expect(try await harness.service.preflight().isEmpty)

    let outcome = await harness.service.submission(concurrency: 5, wait: 10).run()
    #expect(outcome.ending == .completed && outcome.submitted == 290)
    try await harness.refreshUntilSettled()
    #expect(try harness.journal.stateCounts() == [.granted: 290, .invalid: 10])

    let counts = try await harness.control("request-counts")
    #expect(counts["requests"] as? Int == 290 && counts["pairs"] as? Int == 290)
    #expect(counts["duplicates"] as? Int == 0)
    let state = try await harness.control("state")
    let requests = state["requests"] as? [[String: Any]] ?? []
    let approvedByTemporary = requests.filter { request in
      let links = request["_links"] as? [String: Any]
      let condition = links?["approvalCondition"] as? [String: Any]
      return (condition?["href"] as? String)?.hasSuffix(temporaryID) == true
    }
    #expect(requests.count == 290 && approvedByTemporary.count == 290)

    let restored = try await harness.service.restore()
    #expect(restored.differences.isEmpty)
    // Every original is back (same id, status, priority); the temporary one is kept INACTIVE below them.
    let after = try await harness.governanceSnapshot()
    let temporaryLine = try #require(after.first { $0.hasPrefix(temporaryID) })
    #expect(after.filter { $0 != temporaryLine } == before)
    let originalCount = before.count - 1  // the last line is the on-behalf setting
    #expect(temporaryLine.contains(" INACTIVE \(originalCount) "))
    #expect(try await harness.service.restore().changedNothing)
  }

  @Test func secondMigrationOnTheSameResourceReusesTheKeptConditionAndRestoresAgain() async throws {
    let harness = try await SimulatorHarness()
    defer { harness.stop() }
    let before = try await harness.governanceSnapshot()
    let source = CloneRequest(source: "Everyone - manager approval")
    let (_, temporaryID) = try await harness.service.clone(source)
    _ = try await harness.service.restore()
    let restored = try await harness.governanceSnapshot()

    let (_, reusedID) = try await harness.service.clone(source)
    #expect(reusedID == temporaryID)
    let during = try await harness.governanceSnapshot()
    #expect(during.contains { $0.hasPrefix("\(temporaryID) ") && $0.contains(" ACTIVE 0 ") })
    #expect(try await harness.service.preflight().allSatisfy { !$0.problem.contains("condition") })

    #expect(try await harness.service.restore().differences.isEmpty)
    #expect(try await harness.governanceSnapshot() == restored)
    #expect(try await harness.service.restore().changedNothing)

    try await harness.service.clone(source)
    #expect(try await harness.service.restore(deleteTemporary: true).differences.isEmpty)
    #expect(try await harness.governanceSnapshot() == before)
  }

  @Test func canaryRefusesUnderTheManagerApprovalSequence() async throws {
    let harness = try await SimulatorHarness()
    defer { harness.stop() }
    try await harness.service.clone(
      CloneRequest(source: "Everyone - manager approval", sequence: "Manager approval", name: "Not automatic")
    )
    let demo = OktaSimulator.demoRoster(seed: 1)
    _ = try await harness.service.load(try RosterReader.read(path: try harness.dir.write("r.csv", demo.csv)))
    let outcome = await harness.service.submission(wait: 10, canaryTimeout: 300).run()
    guard case .canaryRefused(let reason) = outcome.ending else {
      Issue.record("expected the canary to refuse, got \(outcome.ending)")
      return
    }
    #expect(reason.contains("human approver"))
    let counts = try await harness.control("request-counts")
    #expect(counts["requests"] as? Int == 1)
  }

  @Test func statusRefreshOverManyRequestsUsesFewListCalls() async throws {
    let harness = try await SimulatorHarness()
    defer { harness.stop() }
    try await harness.service.clone(CloneRequest(source: "Everyone - manager approval"))
    let demo = OktaSimulator.demoRoster(seed: 1)
    _ = try await harness.service.load(try RosterReader.read(path: try harness.dir.write("r.csv", demo.csv)))
    _ = await harness.service.submission(concurrency: 10, wait: 1).run()
    _ = try await harness.control("calls", method: .delete)
    _ = try await harness.service.refresh()
    let calls = try await harness.control("calls")
    let byEndpoint = calls["calls"] as? [String: Int] ?? [:]
    #expect(byEndpoint["requests.list"] == 2)  // 290 requests, 200 per page
    #expect(byEndpoint["requests.get"] == nil)
  }

  @Test func faultsNeverCauseDuplicatesOrLoss() async throws {
    let harness = try await SimulatorHarness()
    defer { harness.stop() }
    try await harness.service.clone(CloneRequest(source: "Everyone - manager approval"))
    let demo = OktaSimulator.demoRoster(seed: 1)
    _ = try await harness.service.load(try RosterReader.read(path: try harness.dir.write("r.csv", demo.csv)))
    _ = try await harness.control(
      "faults", method: .post,
      body: """
        {"rules": [
          {"endpoint": "requests.create", "kind": "acceptThenDrop", "share": 0.05},
          {"endpoint": "requests.create", "kind": "error503", "share": 0.05},
          {"endpoint": "requests.create", "kind": "reset", "share": 0.02},
          {"endpoint": "requests.list", "kind": "error500", "share": 0.05}
        ]}
        """)
    var outcome = await harness.service.submission(concurrency: 5, wait: 2).run()
    // Rows past their attempts are left for another pass, as `retry` would do.
    for _ in 0..<3 where outcome.remaining > 0 {
      outcome = await harness.service.submission(concurrency: 5, wait: 2, canary: false).run()
    }
    #expect(outcome.ending == .completed)
    let counts = try await harness.control("request-counts")
    #expect(counts["duplicates"] as? Int == 0)
    #expect(counts["pairs"] as? Int == 290)
    let journalCounts = try harness.journal.stateCounts()
    #expect(journalCounts[.intent] == nil && journalCounts[.resolved] == nil)
    let adopted = try harness.journal.rows().filter { $0.reconciliation == .adopted }
    #expect(!adopted.isEmpty)
  }
}
