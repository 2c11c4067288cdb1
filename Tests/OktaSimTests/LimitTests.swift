import Testing

@testable import OktaSim

@Suite("Rate and concurrency limits")
struct LimitTests {
  @Test("a per-minute bucket per endpoint: Remaining counts down, then 429 E0000047 until Reset")
  func rateLimit() throws {
    let sim = try frozenSimulator { $0.rateLimits = [.appsList: 3] }
    defer { sim.stop() }
    let client = SimClient(sim)
    let answers = try (0..<4).map { _ in try client.get("/api/v1/apps") }
    #expect(answers.map(\.status) == [200, 200, 200, 429])
    #expect(answers.map { $0.header("x-rate-limit-remaining") } == ["2", "1", "0", "0"])
    #expect(answers.allSatisfy { $0.header("x-rate-limit-limit") == "3" })
    #expect(answers[3].json?["errorCode"] == "E0000047")
    let reset = Int(answers[3].header("x-rate-limit-reset") ?? "") ?? 0
    #expect(reset == 1_800_000_060)
    #expect(try client.get("/api/v1/users?limit=1").status == 200)  // other buckets are untouched
    sim.clock.advance(by: 60)
    #expect(try client.get("/api/v1/apps").status == 200)
  }

  @Test("limits can be changed at run time through /__sim/limits")
  func runtimeLimits() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let limits = try client.control("POST", "limits", ["rateLimits": ["users.get": 1], "concurrency": 10])
    #expect(limits["rateLimits"]?["users.get"] == 1)
    #expect(limits["concurrency"] == 10)
    let id = try client.activeUsers(1)[0]
    #expect(try client.get("/api/v1/users/\(id)").status == 200)
    #expect(try client.get("/api/v1/users/\(id)").status == 429)
    let refused = try client.call("POST", "/__sim/limits", json: ["rateLimits": ["nope": 1]], headers: [:])
    #expect(refused.status == 400)
  }

  @Test("more requests in flight than the concurrency limit get 429 with Limit and Remaining 0")
  func concurrency() throws {
    let sim = try frozenSimulator { options in
      options.concurrencyLimit = 2
      options.faults = [FaultRule(endpoint: "users.list", kind: .slow, count: 2, delayMilliseconds: 400)]
    }
    defer { sim.stop() }
    let client = SimClient(sim)
    let auth = client.auth
    let slow = try (0..<2).map { _ in try TestConnection(port: sim.port) }
    for connection in slow { connection.send("GET", "/api/v1/users?limit=1", headers: auth) }
    while try client.control("GET", "calls")["calls"]?["users.list"] != 2 {}
    let third = try TestConnection(port: sim.port).exchange("GET", "/api/v1/apps", headers: auth)
    #expect(third.status == 429)
    #expect(third.json?["errorCode"] == "E0000047")
    #expect(third.header("x-rate-limit-limit") == "0")
    #expect(third.header("x-rate-limit-remaining") == "0")
    #expect(try slow.map { try $0.receive().status } == [200, 200])
    #expect(try client.get("/api/v1/apps").status == 200)
  }
}
