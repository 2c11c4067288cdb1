import Foundation
import OktaAPI
import OktaSim
import TestSupport

@testable import Migration

/// An in-process oktasim, a client, a journal and a migration service on its first demo app (Salesforce).
struct SimulatorHarness {
  let sim: OktaSimulator
  let dir: TemporaryDirectory
  let journal: Journal
  let client: OktaClient
  let clock: SimulatorClock
  let service: MigrationService

  init(timeScale: Double = 1_000) async throws {
    sim = try OktaSimulator(options: .init(seed: 1, timeScale: timeScale))
    dir = try TemporaryDirectory()
    clock = SimulatorClock(clock: sim.clock)
    let clock = self.clock
    journal = try Journal(path: dir.path("j.db"), now: { clock.now })
    client = try OktaClient(
      orgURL: URL(string: sim.baseURL)!, authenticator: SSWSAuthenticator(token: Secret(sim.apiToken)),
      clock: clock)
    let apps = try await client.applications(q: "Salesforce").collect()
    let org = OktaOrg(client: client, resourceID: apps[0].id)
    service = try MigrationService(
      journal: journal, org: org, orgURL: sim.baseURL, resourceID: apps[0].id, clock: clock)
  }

  func stop() {
    journal.close()
    sim.stop()
    dir.cleanup()
  }

  /// A control API answer as JSON.
  func control(_ path: String, method: HTTPMethod = .get, body: String? = nil) async throws -> [String: Any] {
    let response = try await client.send(method, "/__sim/" + path, body: body.map { Data($0.utf8) })
    return try JSONSerialization.jsonObject(with: response.body) as? [String: Any] ?? [:]
  }

  /// The org's conditions and settings of the resource, for before/after comparisons.
  func governanceSnapshot() async throws -> [String] {
    let conditions = try await client.requestConditions(resource: service.resourceID).collect()
      .sorted { $0.id < $1.id }
      .map { "\($0.id) \($0.name) \($0.status.rawValue) \($0.priority ?? -1) \($0.approvalSequenceId ?? "")" }
    let settings = try await client.resourceRequestSettings(resource: service.resourceID)
    let onBehalf = settings.requestOnBehalfOfSettings.map { "\($0.allowed) \($0.onlyFor ?? [])" } ?? "none"
    return conditions + ["onBehalf \(onBehalf)"]
  }

  /// Refreshes until no row waits on the org, or `limit` simulated seconds pass.
  func refreshUntilSettled(limit: Double = 3_600) async throws {
    let deadline = clock.now.addingTimeInterval(limit)
    while clock.now < deadline {
      _ = try await service.refresh()
      let counts = try journal.stateCounts()
      if (counts[.submitted] ?? 0) + (counts[.approved] ?? 0) + (counts[.intent] ?? 0) == 0 { return }
      try await clock.sleep(for: .seconds(30))
    }
  }
}
