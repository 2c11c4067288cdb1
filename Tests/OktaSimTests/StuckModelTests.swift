import Testing

@testable import OktaSim

@Suite("Stuck requests")
struct StuckModelTests {
  /// Submits one request per user in waves of `concurrency`, advancing `wait` simulated seconds after each
  /// wave; then lets an hour pass and returns how many requests never left SUBMITTED.
  private func run(users count: Int, concurrency: Int, wait: Double) throws -> (stuck: Int, total: Int) {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    _ = try client.installAutoApprove(resource: try client.app("Salesforce"))
    let entry = try client.entry(of: "Salesforce")
    let users = try client.activeUsers(count)
    for wave in stride(from: 0, to: users.count, by: concurrency) {
      for user in users[wave..<min(users.count, wave + concurrency)] {
        #expect(try client.submit(user: user, entry: entry).status == 202)
      }
      sim.clock.advance(by: wait)
    }
    sim.clock.advance(by: 3600)
    let requests = try client.control("GET", "state")["requests"]?.arrayValue ?? []
    let stuck = requests.filter { $0["status"] == "SUBMITTED" }
    #expect(stuck.allSatisfy { $0["stuck"] == true })
    #expect(requests.filter { $0["status"] != "SUBMITTED" }.allSatisfy { $0["grantStatus"] == "GRANTED" })
    return (stuck.count, requests.count)
  }

  @Test("5 concurrent requests with a 10 s wait after each never stick")
  func throttled() throws {
    let result = try run(users: 100, concurrency: 5, wait: 10)
    #expect(result.total == 100)
    #expect(result.stuck == 0)
  }

  @Test("an unthrottled burst builds a backlog and some requests stay SUBMITTED for good")
  func burst() throws {
    let result = try run(users: 100, concurrency: 100, wait: 0)
    #expect(result.total == 100)
    #expect(result.stuck > 10)
    #expect(result.stuck < 90)
  }

  @Test("the backlog is the queue still waiting for the org's capacity")
  func backlog() {
    let model = ProcessingModel(capacityPerMinute: 60, backlogThreshold: 3, stuckChance: 1)
    var org = DemoOrg.build(seed: 1, now: 0)
    let entry = org.entries[org.entryOrder[0]]!
    let users = org.userOrder.compactMap { org.users[$0] }.filter(\.isActive)
    let condition = org.conditions(of: entry.resourceId).first { $0.status == "ACTIVE" }!
    let made = (0..<5).map { index in
      org.submit(
        entry: entry, user: users[index], requestedBy: org.adminUserId, condition: condition,
        fieldValues: nil,
        now: 0, model: model)
    }
    #expect(made.map(\.stuck) == [false, false, false, true, true])
    #expect(org.backlog(at: 0, model: model) == 3)
    #expect(org.backlog(at: 2, model: model) == 1)
    org.advance(to: 2, model: model)
    #expect(
      made.map { org.requests[$0.id]!.status } == [
        "PENDING", "PENDING", "SUBMITTED", "SUBMITTED", "SUBMITTED",
      ])
  }
}
