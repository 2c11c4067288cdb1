import Foundation
import OktaSim
import Testing

/// `examples/migrate.oktabulk` run by the built binary against an `oktasim` process.
@Suite(.serialized) struct MigrationScriptTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// One condition as the simulator holds it: everything but the last-updated stamps, as canonical JSON.
  struct ConditionState: Equatable, CustomStringConvertible {
    var id: String
    var status: String
    var priority: Int
    var json: String
    var description: String { json }
  }

  /// The Salesforce app's conditions (by priority) and request settings as the simulator holds them.
  struct Governance: Equatable {
    var conditions: [ConditionState]
    var settings: String

    func condition(_ id: String) -> ConditionState? { conditions.first { $0.id == id } }
  }

  static func governance(_ sim: SimulatorProcess) async throws -> Governance {
    let state = try await sim.control("state")
    let apps = state["apps"] as? [[String: Any]] ?? []
    let app = apps.first { ($0["label"] as? String) == "Salesforce" }?["id"] as? String ?? ""
    let conditions = try (state["conditions"] as? [[String: Any]] ?? []).filter {
      ($0["resourceId"] as? String) == app
    }
    .map { condition in
      var kept = condition
      kept["lastUpdated"] = nil
      kept["lastUpdatedBy"] = nil
      let json = try JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys])
      return ConditionState(
        id: condition["id"] as? String ?? "", status: condition["status"] as? String ?? "",
        priority: condition["priority"] as? Int ?? -1, json: String(decoding: json, as: UTF8.self))
    }
    .sorted { $0.priority < $1.priority }
    let settings = (state["settings"] as? [String: Any])?[app] ?? [:]
    let json = try JSONSerialization.data(withJSONObject: settings, options: [.sortedKeys])
    return Governance(conditions: conditions, settings: String(decoding: json, as: UTF8.self))
  }

  /// Every original condition and the settings as before; the temporary one kept INACTIVE below them.
  static func expectRestoredKeepingTemporary(
    _ after: Governance, before: Governance, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let originalIDs = Set(before.conditions.map(\.id))
    #expect(
      after.conditions.filter { originalIDs.contains($0.id) } == before.conditions,
      "before: \(before.conditions)\nafter: \(after.conditions)", sourceLocation: sourceLocation)
    let added = after.conditions.filter { !originalIDs.contains($0.id) }
    #expect(added.count == 1, "added: \(added)", sourceLocation: sourceLocation)
    #expect(
      added.first?.status == "INACTIVE" && added.first?.priority == before.conditions.count,
      "temporary: \(added)", sourceLocation: sourceLocation)
    #expect(after.settings == before.settings, sourceLocation: sourceLocation)
  }

  @Test func theExampleScriptMigratesExactlyOnceAndRestores() async throws {
    let sim = try SimulatorProcess(timeScale: 100)
    defer { sim.stop() }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "oktabulk-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("examples"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let roster = OktaSimulator.demoRoster(seed: 1)
    try Data(roster.csv.utf8).write(to: directory.appendingPathComponent("examples/roster.csv"))
    let before = try await Self.governance(sim)

    let environment = [
      "HOME": directory.path, "OKTA_CLIENT_ORGURL": sim.url, "OKTA_CLIENT_TOKEN": sim.token,
      "OKTABULK_TIME_SCALE": "100",
    ]
    let script = BuiltProducts.packageRoot.appendingPathComponent("examples/migrate.oktabulk").path
    let run = try ProcessRun.run(
      BuiltProducts.oktabulk, ["--journal", "migration.db", "-f", script], directory: directory,
      environment: environment)

    #expect(run.status == 0, "stderr: \(run.standardError)")
    // The 10 bad rows, each reported by its line.
    #expect(roster.bad.count == 10)
    for bad in roster.bad {
      #expect(run.standardError.contains("examples/roster.csv:\(bad.line): "), "line \(bad.line)")
    }
    #expect(run.standardOutput.contains("290 rows ready, 10 rejected"))
    // 290 requests, each (user, entry) exactly once, all approved and granted.
    let counts = try await sim.control("request-counts")
    #expect(counts["requests"] as? Int == 290 && counts["pairs"] as? Int == 290)
    #expect(counts["duplicates"] as? Int == 0)
    let requests = try await sim.control("state")["requests"] as? [[String: Any]] ?? []
    #expect(requests.count == 290)
    #expect(
      requests.allSatisfy {
        $0["status"] as? String == "APPROVED" && $0["grantStatus"] as? String == "GRANTED"
      })
    // Restore put every original condition and the settings back as they were before clone-condition;
    // the temporary condition, named by every request as its approval condition, stays INACTIVE below them.
    let after = try await Self.governance(sim)
    Self.expectRestoredKeepingTemporary(after, before: before)
    let temporaryID = try #require(after.conditions.last?.id)
    #expect(
      requests.allSatisfy {
        let condition = ($0["_links"] as? [String: Any])?["approvalCondition"] as? [String: Any]
        return (condition?["href"] as? String)?.hasSuffix(temporaryID) == true
      })
    // The exports exist and the journal stayed private.
    let results = try String(
      contentsOf: directory.appendingPathComponent("migration-results.csv"), encoding: .utf8)
    #expect(results.split(separator: "\r\n").count == 301)
    let audit = try String(
      contentsOf: directory.appendingPathComponent("migration-audit.jsonl"), encoding: .utf8)
    #expect(!audit.contains(sim.token))
    let mode =
      try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("migration.db").path)[
        .posixPermissions] as? Int
    #expect(mode == 0o600)

    // Running the whole script again resumes the same migration and sends nothing twice.
    let again = try ProcessRun.run(
      BuiltProducts.oktabulk, ["--journal", "migration.db", "-c", "connect", "-c", "submit --wait 1"],
      directory: directory, environment: environment)
    #expect(again.status == 1)
    #expect(again.standardError.contains("is INACTIVE"), "\(again.standardError)")
    #expect(try await sim.control("request-counts")["requests"] as? Int == 290)
  }

  @Test func restoreWithDeleteTemporaryReturnsTheExactConditionList() async throws {
    let rig = try MigrationRig()
    defer { rig.stop() }
    let before = try await Self.governance(rig.sim)
    let run = try rig.oktabulk(MigrationRig.preparation + ["restore --delete-temporary", "restore"])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("done: delete temporary condition"))
    #expect(run.standardOutput.contains("restore: nothing to undo"))
    #expect(try await Self.governance(rig.sim) == before)
  }

  @Test func aSecondMigrationOnTheSameResourceReusesTheKeptConditionAndRestoresAgain() async throws {
    let rig = try MigrationRig()
    defer { rig.stop() }
    let before = try await Self.governance(rig.sim)
    let clone = "clone-condition \"Everyone - manager approval\" --auto-approve"
    let first = try rig.oktabulk(["connect", "use Salesforce", clone, "restore", "restore"])
    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardOutput.contains("done: move temporary condition"))
    #expect(first.standardOutput.contains("stays INACTIVE below the others"))
    #expect(first.standardOutput.contains("restore: nothing to undo"))
    let restored = try await Self.governance(rig.sim)
    Self.expectRestoredKeepingTemporary(restored, before: before)
    let temporaryID = try #require(restored.conditions.last?.id)

    let second = try rig.oktabulk(["connect", "use Salesforce", clone])
    #expect(second.status == 0, "\(second.standardError)")
    let during = try await Self.governance(rig.sim)
    #expect(during.conditions.first?.id == temporaryID && during.conditions.first?.status == "ACTIVE")
    #expect(during.conditions.count == before.conditions.count + 1)
    #expect(during.conditions.dropFirst().allSatisfy { $0.status == "INACTIVE" })

    let third = try rig.oktabulk(["connect", "use Salesforce", "restore", "restore"])
    #expect(third.status == 0, "\(third.standardError)")
    #expect(third.standardOutput.contains("restore: nothing to undo"))
    #expect(try await Self.governance(rig.sim) == restored)
  }

  @Test func backgroundSubmissionIsRethrottledStoppedAtExitAndResumed() async throws {
    let rig = try MigrationRig()
    defer { rig.stop() }
    let sim = rig.sim
    let first = try rig.oktabulk(
      MigrationRig.preparation + [
        "submit --background --wait 30", "submit --concurrency 2 --wait 20", "status",
      ])
    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardOutput.contains("running in the background"))
    #expect(first.standardOutput.contains("re-throttled; background submission running"))
    #expect(first.standardOutput.contains("concurrency 2, wait 20.0 s"))
    #expect(first.standardError.contains("submit: stopped; `submit` resumes it without duplicates"))
    let sentFirst = try await sim.control("request-counts")["requests"] as? Int ?? 0
    #expect(sentFirst < 290)

    let second = try rig.oktabulk(["connect", "submit --wait 1"])
    #expect(second.status == 0, "\(second.standardError)")
    let counts = try await sim.control("request-counts")
    #expect(counts["requests"] as? Int == 290 && counts["duplicates"] as? Int == 0)
  }
}
