import Foundation
import Testing

@testable import OktaSim

@Suite("Control API, clock, auth switches, state file")
struct ControlTests {
  @Test("the clock can be scaled and advanced, and Date follows it")
  func clock() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let advanced = try client.control("POST", "clock", ["advanceSeconds": 90])
    #expect(advanced["epochSeconds"] == 1_800_000_090)
    #expect(try client.get("/api/v1/apps").header("date") == "Fri, 15 Jan 2027 08:01:30 GMT")
    let scaled = try client.control("POST", "clock", ["timeScale": 1000])
    #expect(scaled["timeScale"] == 1000)
    #expect(sim.clock.timeScale == 1000)
    for body: JSONValue in [["timeScale": -1], ["timeScale": 1e12], ["advanceSeconds": 1e300]] {
      #expect(try client.call("POST", "/__sim/clock", json: body, headers: [:]).status == 400)
    }
    #expect(try client.get("/api/v1/apps").status == 200)
  }

  @Test("a scaled clock runs K times faster than real time")
  func scaledClock() {
    let real = RealTime()
    let clock = SimClock(start: 100, timeScale: 50, realSeconds: { real.now })
    real.now += 0.125
    #expect(clock.now() == 106.25)
    clock.setTimeScale(0)
    real.now += 10
    #expect(clock.now() == 106.25)
    clock.advance(by: 5)
    #expect(clock.now() == 111.25)
    #expect(clock.realDuration(ofSimulated: 10) == .infinity)
  }

  @Test("auth switches: E0000006 and E0000195 on governance paths; users and apps stay readable")
  func authSwitches() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    _ = try client.control("POST", "auth", ["mode": "notAdmin"])
    let notAdmin = try client.get("/governance/api/v2/requests")
    #expect(notAdmin.status == 403)
    #expect(notAdmin.json?["errorCode"] == "E0000006")
    #expect(try client.get("/api/v1/apps").status == 200)
    _ = try client.control("POST", "auth", ["mode": "notAssigned"])
    let notAssigned = try client.get("/governance/api/v2/request-settings")
    #expect(notAssigned.status == 403)
    #expect(notAssigned.json?["errorCode"] == "E0000195")
    _ = try client.control("POST", "auth", ["mode": "ok"])
    #expect(try client.get("/governance/api/v2/requests").status == 200)
    #expect(try client.call("POST", "/__sim/auth", json: ["mode": "root"], headers: [:]).status == 400)
  }

  @Test("call counts per endpoint, and reset brings the seeded org back")
  func countsAndReset() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let app = try client.app("Slack")
    _ = try client.installAutoApprove(resource: app)
    let calls = try client.control("GET", "calls")
    #expect(calls["calls"]?["conditions.create"] == 1)
    #expect(calls["calls"]?["conditions.activate"] == 1)
    #expect(calls["total"] == 4)
    _ = try client.control("DELETE", "calls")
    #expect(try client.control("GET", "calls")["total"] == 0)
    _ = try client.control("POST", "reset")
    let conditions = try client.get("/governance/api/v2/resources/\(app)/request-conditions").json?["data"]
    #expect(conditions?.arrayValue?.count == 3)
    #expect(try client.call("GET", "/__sim/nothing", headers: [:]).status == 404)
  }

  @Test("request counts show duplicates per (user, entry)")
  func duplicates() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let entry = try client.entry(of: "Salesforce")
    let users = try client.activeUsers(2)
    for user in [users[0], users[1], users[0]] { _ = try client.submit(user: user, entry: entry) }
    let duplicates = try client.control("GET", "request-counts?duplicates=true")
    #expect(duplicates["counts"] == [["userId": .string(users[0]), "entryId": .string(entry), "count": 2]])
    #expect(duplicates["duplicates"] == 1)
    #expect(duplicates["requests"] == 3)
  }

  @Test("the state file keeps the org and its clock across a restart")
  func stateFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "oktasim-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("org.json").path
    var conditionId = ""
    do {
      let sim = try OktaSimulator(options: .init(timeScale: 0, startTime: 1_800_000_000, stateFile: path))
      let client = SimClient(sim)
      conditionId = try client.installAutoApprove(resource: try client.app("Zoom"))
      sim.clock.advance(by: 500)
      sim.stop()
    }
    let restarted = try OktaSimulator(options: .init(timeScale: 0, stateFile: path))
    defer { restarted.stop() }
    let client = SimClient(restarted)
    let app = try client.app("Zoom")
    let condition = try client.get("/governance/api/v2/resources/\(app)/request-conditions/\(conditionId)")
    #expect(condition.json?["status"] == "ACTIVE")
    #expect(restarted.clock.now() == 1_800_000_500)
  }

  @Test("a broken state file is refused with its path and where it is broken")
  func brokenStateFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "oktasim-\(UUID().uuidString).json"
    ).path
    try "{\"seed\": 1,\n \"random\": ]".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      _ = try OktaSimulator(options: .init(stateFile: path))
      Issue.record("a broken state file was accepted")
    } catch {
      #expect("\(error)".contains(path))
      #expect("\(error)".contains("line 2"))
    }
  }
}

extension ControlTests {
  @Test("a state file that cannot be written is reported at start")
  func unwritableStateFile() {
    do {
      _ = try OktaSimulator(options: .init(stateFile: "/nonexistent-oktasim-dir/org.json"))
      Issue.record("an unwritable state file was accepted")
    } catch {
      #expect("\(error)".contains("/nonexistent-oktasim-dir/org.json"))
      #expect("\(error)".contains("cannot be written"))
    }
  }
}

/// A hand-moved real-time source for clock tests.
private final class RealTime: @unchecked Sendable {
  var now = 1024.0
}
