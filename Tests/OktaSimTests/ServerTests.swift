import Foundation
import Testing

@testable import OktaSim

@Suite("HTTP server and common headers")
struct ServerTests {
  @Test("listens on 127.0.0.1 on a free port and serves keep-alive connections")
  func keepAlive() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    #expect(sim.port != 0)
    #expect(sim.baseURL == "http://127.0.0.1:\(sim.port)")
    let connection = try TestConnection(port: sim.port)
    let auth = ["Authorization": "SSWS \(sim.apiToken)"]
    let first = try connection.exchange("GET", "/api/v1/apps", headers: auth)
    let second = try connection.exchange("GET", "/api/v1/apps", headers: auth)
    #expect(first.status == 200)
    #expect(second.status == 200)
    #expect(first.header("x-okta-request-id") != second.header("x-okta-request-id"))
  }

  @Test("a missing or wrong token gets 401 E0000011 with the usual headers")
  func badToken() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    for headers in [[:], ["Authorization": "SSWS nope"], ["Authorization": "Bearer \(sim.apiToken)"]] {
      let response = try client.call("GET", "/governance/api/v2/requests", headers: headers)
      #expect(response.status == 401)
      #expect(response.json?["errorCode"] == "E0000011")
      #expect(response.json?["errorId"]?.stringValue?.isEmpty == false)
      #expect(response.header("x-rate-limit-limit") != nil)
    }
  }

  @Test("Date and X-Rate-Limit-Reset come from the simulator's clock")
  func clockHeaders() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let before = try client.get("/api/v1/users?limit=1")
    #expect(before.headers["date"] == ["Fri, 15 Jan 2027 08:00:00 GMT"])
    #expect(before.header("x-rate-limit-reset") == "1800000060")
    sim.clock.advance(by: 3600)
    let after = try client.get("/api/v1/users?limit=1")
    #expect(after.header("date") == "Fri, 15 Jan 2027 09:00:00 GMT")
  }

  @Test("unknown paths are 404 and wrong methods 405, both as Okta errors")
  func unknownPaths() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let missing = try client.get("/api/v1/nothing")
    #expect(missing.status == 404)
    #expect(missing.json?["errorCode"] == "E0000007")
    let wrongMethod = try client.call("PUT", "/governance/api/v2/requests")
    #expect(wrongMethod.status == 405)
  }

  @Test("a body that is not JSON is refused with 400 naming line and column")
  func brokenJSON() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let connection = try TestConnection(port: sim.port)
    let response = try connection.exchange(
      "POST", "/governance/api/v2/requests",
      headers: ["Authorization": "SSWS \(sim.apiToken)", "Content-Type": "application/json"],
      body: Array("{\n  \"requested\": ,\n}".utf8))
    #expect(response.status == 400)
    #expect(response.json?["errorCode"] == "E0000001")
    #expect(response.text.contains("line 2, column 16"))
  }

  @Test("stop() resumes suspended connections first: a slow answer in flight does not hang or crash the stop")
  func stopWhileSuspended() throws {
    let sim = try frozenSimulator {
      $0.faults = [FaultRule(endpoint: "apps.list", kind: .slow, delayMilliseconds: 60_000)]
    }
    let client = SimClient(sim)
    let connection = try TestConnection(port: sim.port, timeoutSeconds: 5)
    connection.send("GET", "/api/v1/apps", headers: client.auth)
    while try client.control("GET", "calls")["calls"]?["apps.list"] != 1 {}
    let started = ContinuousClock.now
    sim.stop()
    #expect(ContinuousClock.now - started < .seconds(5))
    // Resumed before the daemon stopped: the held answer may still go out, or the connection closes; it never
    // hangs.
    do {
      #expect(try connection.receive().status == 200)
    } catch {
      #expect(error != .timeout)
    }
    #expect(throws: ConnectionEnd.self) { try TestConnection(port: sim.port).exchange("GET", "/api/v1/apps") }
  }

  @Test("at time scale 1000 a request is approved and granted within milliseconds of real time")
  func scaledLifecycle() throws {
    let sim = try OktaSimulator(options: .init(timeScale: 1000))
    defer { sim.stop() }
    let client = SimClient(sim)
    _ = try client.installAutoApprove(resource: try client.app("Slack"))
    let id = try client.requestID(user: try client.activeUsers(1)[0], entry: try client.entry(of: "Slack"))
    let started = ContinuousClock.now
    var grant: JSONValue?
    while grant != "GRANTED", ContinuousClock.now - started < .seconds(5) {
      grant = try client.get("/governance/api/v2/requests/\(id)").json?["grantStatus"]
    }
    #expect(grant == "GRANTED")
  }

  @Test("a body over 1 MB is refused with 413 instead of being buffered")
  func hugeBody() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let connection = try TestConnection(port: sim.port)
    let response = try connection.exchange(
      "POST", "/governance/api/v2/requests", headers: ["Authorization": "SSWS \(sim.apiToken)"],
      body: [UInt8](repeating: UInt8(ascii: " "), count: 2 << 20))
    #expect(response.status == 413)
    #expect(response.json?["errorCode"] == "E0000001")
  }

  @Test("server threads block SIGINT and SIGTERM, so a host process (oktabulk --demo) still gets Ctrl-C")
  func signalMask() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")
    let masks = tasks.compactMap { task -> UInt64? in
      guard let name = try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8),
        name.hasPrefix("MHD"),
        let status = try? String(contentsOfFile: "/proc/self/task/\(task)/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigBlk:") })
      else { return nil }
      return UInt64(line.dropFirst("SigBlk:".count).trimmingCharacters(in: .whitespaces), radix: 16)
    }
    #expect(masks.count >= 4)
    let interruptAndTerminate: UInt64 = (1 << (UInt64(SIGINT) - 1)) | (1 << (UInt64(SIGTERM) - 1))
    #expect(masks.allSatisfy { $0 & interruptAndTerminate == interruptAndTerminate })
  }
}
