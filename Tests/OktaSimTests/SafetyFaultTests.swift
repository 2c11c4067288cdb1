import Testing

@testable import OktaSim

/// What the crash and soak scripts need of the simulator: single 429s drawn per call (not a storm), and a
/// demo org large enough for a 2,000-row roster.
@Suite("faults and org size for the safety scripts")
struct SafetyFaultTests {
  @Test("error429 answers single calls 429 E0000047 resetting a second later; the others pass")
  func singleRateLimitHits() throws {
    let sim = try frozenSimulator {
      $0.faults = [FaultRule(endpoint: "users.list", kind: .error429, share: 1, count: 2)]
    }
    defer { sim.stop() }
    let client = SimClient(sim)
    for _ in 0..<2 {
      let limited = try client.get("/api/v1/users?limit=1")
      #expect(limited.status == 429)
      #expect(limited.json?["errorCode"] == "E0000047")
      #expect(limited.header("x-rate-limit-remaining") == "0")
      #expect(limited.header("x-rate-limit-reset") == "1800000001")
    }
    // Spent after its count, and only ever on its endpoint.
    #expect(try client.get("/api/v1/users?limit=1").status == 200)
    #expect(try client.get("/api/v1/apps").status == 200)
    #expect(SimulatorCommandLine.usage.contains("error429"))
  }

  @Test("--users sizes the demo org; 300 stays the default")
  func demoOrgSize() throws {
    let big = try frozenSimulator { $0.demoUsers = 2_000 }
    defer { big.stop() }
    let users = try SimClient(big).control("GET", "state")["users"]?.arrayValue ?? []
    #expect(users.count == 2_001)  // and the admin
    #expect(Set(users.compactMap { $0["login"]?.stringValue }).count == 2_001)
    let standard = try frozenSimulator()
    defer { standard.stop() }
    #expect(try SimClient(standard).control("GET", "state")["users"]?.arrayValue?.count == 301)
    guard case .run(let options) = try SimulatorCommandLine.parse(["--users", "750"]) else {
      Issue.record("--users did not parse as a run")
      return
    }
    #expect(options.demoUsers == 750)
    #expect(throws: (any Error).self) { try SimulatorCommandLine.parse(["--users", "3"]) }
  }
}
