import Foundation
import OktaSim
import Testing

/// `examples/migrate.oktabulk` run by the built binary against an `oktasim` process.
@Suite(.serialized) struct MigrationScriptTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The Salesforce app's conditions and settings as the simulator holds them.
  static func governance(_ sim: SimulatorProcess) async throws -> [String] {
    let state = try await sim.control("state")
    let apps = state["apps"] as? [[String: Any]] ?? []
    let app = apps.first { ($0["label"] as? String) == "Salesforce" }?["id"] as? String ?? ""
    let conditions = (state["conditions"] as? [[String: Any]] ?? []).filter {
      ($0["resourceId"] as? String) == app
    }
    .map {
      "\($0["id"] ?? "") \($0["name"] ?? "") \($0["status"] ?? "") \($0["priority"] ?? "") \($0["approvalSequenceId"] ?? "")"
    }
    .sorted()
    let settings = (state["settings"] as? [String: Any])?[app] ?? [:]
    let json = try JSONSerialization.data(withJSONObject: settings, options: [.sortedKeys])
    return conditions + [String(decoding: json, as: UTF8.self)]
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
    // Restore put conditions and settings back as they were before clone-condition.
    let after = try await Self.governance(sim)
    #expect(after == before, "before: \(before)\nafter: \(after)")
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
    #expect(again.standardError.contains("no temporary auto-approve condition"))
    #expect(try await sim.control("request-counts")["requests"] as? Int == 290)
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
