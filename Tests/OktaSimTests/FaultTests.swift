import Foundation
import Testing

@testable import OktaSim

@Suite("Faults at the socket and HTTP level")
struct FaultTests {
  @Test("reset closes the connection with a real RST and no answer")
  func reset() throws {
    let sim = try frozenSimulator { $0.faults = [FaultRule(endpoint: "apps.list", kind: .reset, count: 1)] }
    defer { sim.stop() }
    let connection = try TestConnection(port: sim.port)
    #expect(throws: ConnectionEnd.reset) {
      try connection.exchange("GET", "/api/v1/apps", headers: SimClient(sim).auth)
    }
    let client = SimClient(sim)
    #expect(try client.get("/api/v1/apps").status == 200)
    #expect(try client.control("GET", "calls")["statuses"]?["apps.list"] == ["reset": 1, "200": 1])
  }

  @Test(
    "accepted then dropped: the POST creates its request once, and a kept-alive connection gets no answer")
  func acceptThenDrop() throws {
    let sim = try frozenSimulator {
      $0.faults = [FaultRule(endpoint: "requests.create", kind: .acceptThenDrop, count: 1)]
    }
    defer { sim.stop() }
    let client = SimClient(sim)
    let user = try client.activeUsers(1)[0]
    let entry = try client.entry(of: "Salesforce")
    let connection = try TestConnection(port: sim.port)
    #expect(try connection.exchange("GET", "/api/v1/apps", headers: client.auth).status == 200)
    let body: JSONValue = [
      "requested": ["type": "CATALOG_ENTRY", "entryId": .string(entry)],
      "requestedFor": ["type": "OKTA_USER", "externalId": .string(user)],
    ]
    var headers = client.auth
    headers["Content-Type"] = "application/json"
    connection.send("POST", "/governance/api/v2/requests", headers: headers, body: body.bytes)
    var ended: ConnectionEnd?
    do {
      _ = try connection.receive()
    } catch {
      ended = error
    }
    #expect(ended == .closed || ended == .reset)
    let counts = try client.control("GET", "request-counts")
    #expect(counts["counts"] == [["userId": .string(user), "entryId": .string(entry), "count": 1]])
    #expect(try client.control("GET", "calls")["statuses"]?["requests.create"]?["dropped"] == 1)
  }

  @Test("shares of 500 and 503 hit the named endpoint for the given count, then it recovers")
  func serverErrors() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    _ = try client.control(
      "POST", "faults",
      [
        "rules": [
          ["endpoint": "apps.list", "kind": "error500", "count": 2],
          ["endpoint": "users.list", "kind": "error503", "share": 1, "count": 1],
        ]
      ])
    let apps = try (0..<3).map { _ in try client.get("/api/v1/apps").status }
    #expect(apps == [500, 500, 200])
    let users = try (0..<2).map { _ in try client.get("/api/v1/users?limit=1") }
    #expect(users.map(\.status) == [503, 200])
    #expect(users[0].header("x-okta-request-id") != nil)
    #expect(try client.control("GET", "faults")["rules"] == [])
  }

  @Test("a share below 1 hits some calls and spares others")
  func partialShare() throws {
    let sim = try frozenSimulator { $0.faults = [FaultRule(endpoint: "*", kind: .error500, share: 0.3)] }
    defer { sim.stop() }
    let client = SimClient(sim)
    let statuses = try (0..<60).map { _ in try client.get("/api/v1/apps").status }
    let failures = statuses.filter { $0 == 500 }.count
    #expect(failures > 5 && failures < 35)
  }

  @Test("a slow answer arrives after its delay while other connections are served meanwhile")
  func slow() throws {
    let sim = try frozenSimulator {
      $0.faults = [FaultRule(endpoint: "apps.list", kind: .slow, count: 1, delayMilliseconds: 300)]
    }
    defer { sim.stop() }
    let client = SimClient(sim)
    let slowConnection = try TestConnection(port: sim.port)
    let started = ContinuousClock.now
    slowConnection.send("GET", "/api/v1/apps", headers: client.auth)
    while try client.control("GET", "calls")["calls"]?["apps.list"] != 1 {}
    #expect(try client.get("/api/v1/users?limit=1").status == 200)
    let fastDone = ContinuousClock.now - started
    #expect(try slowConnection.receive().status == 200)
    let slowDone = ContinuousClock.now - started
    #expect(fastDone < slowDone)
    #expect(slowDone >= .milliseconds(300))
  }

  @Test("a zero delay still answers (the resume never overtakes the suspend)")
  func zeroDelay() throws {
    let sim = try frozenSimulator {
      $0.faults = [FaultRule(endpoint: "*", kind: .slow, delayMilliseconds: 0)]
    }
    defer { sim.stop() }
    let client = SimClient(sim)
    let statuses = try (0..<50).map { _ in try client.get("/api/v1/apps").status }
    #expect(statuses == Array(repeating: 200, count: 50))
  }

  @Test("a 429 storm answers every call until it ends, with Reset at the storm's end")
  func storm() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    _ = try client.control(
      "POST", "faults", ["endpoint": "requests.list", "kind": "storm429", "seconds": 30])
    let during = try client.get("/governance/api/v2/requests")
    #expect(during.status == 429)
    #expect(during.json?["errorCode"] == "E0000047")
    #expect(during.header("x-rate-limit-reset") == "1800000030")
    #expect(during.header("x-rate-limit-remaining") == "0")
    #expect(try client.get("/api/v1/apps").status == 200)
    sim.clock.advance(by: 31)
    #expect(try client.get("/governance/api/v2/requests").status == 200)
  }

  @Test("bad fault settings are refused with a message naming what is wrong")
  func badFaults() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let unknownKind = try client.call("POST", "/__sim/faults", json: ["kind": "explode"], headers: [:])
    #expect(unknownKind.status == 400)
    #expect(unknownKind.text.contains("error500"))
    let unknownEndpoint = try client.call(
      "POST", "/__sim/faults", json: ["kind": "reset", "endpoint": "x"], headers: [:])
    #expect(unknownEndpoint.text.contains("unknown endpoint"))
    for body: JSONValue in [
      ["kind": "reset", "share": 2], ["kind": "reset", "count": 0], ["kind": "slow", "delayMs": -1],
      ["kind": "storm429", "seconds": 1e300],
    ] {
      #expect(try client.call("POST", "/__sim/faults", json: body, headers: [:]).status == 400)
    }
  }
}
