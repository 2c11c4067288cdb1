import Testing

@testable import OktaSim

@Suite("Bad input never crashes the simulator")
struct RobustnessTests {
  @Test("mangled bodies on every writing endpoint get an Okta error or a success, never a dropped connection")
  func mangledBodies() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let app = try client.app("Salesforce")
    let g = "/governance/api/v2"
    let condition =
      try client.get("\(g)/resources/\(app)/request-conditions").json?["data"]?.arrayValue?.first?["id"]?
      .stringValue ?? ""
    let request = try client.requestID(
      user: try client.activeUsers(1)[0], entry: try client.entry(of: "Salesforce"))
    let valid = Array(
      #"{"requested":{"type":"CATALOG_ENTRY","entryId":"cen00000000000000000"},"name":"x","requesterSettings":{"type":"EVERYONE"},"requestOnBehalfOfSettings":{"allowed":true},"subprocessorsAcknowledged":true,"message":"m"}"#
        .utf8)
    let targets = [
      ("POST", "\(g)/requests"), ("POST", "\(g)/resources/\(app)/request-conditions"),
      ("PATCH", "\(g)/resources/\(app)/request-conditions/\(condition)"),
      ("PATCH", "\(g)/resources/\(app)/request-settings"), ("PATCH", "\(g)/request-settings"),
      ("POST", "\(g)/requests/\(request)/messages"),
    ]
    var random = SeededRandom(seed: 42)
    let connection = try TestConnection(port: sim.port)
    var headers = client.auth
    headers["Content-Type"] = "application/json"
    for round in 0..<300 {
      var body = valid
      for _ in 0..<(1 + Int(random.next() % 4)) {
        let index = Int(random.next() % UInt64(body.count))
        switch random.next() % 3 {
        case 0: body[index] = UInt8(truncatingIfNeeded: random.next())
        case 1: body.remove(at: index)
        default: body.insert(Array(#"{}[]",:\0"#.utf8)[Int(random.next() % 9)], at: index)
        }
      }
      let (method, path) = targets[round % targets.count]
      let response = try connection.exchange(method, path, headers: headers, body: body)
      #expect(
        [200, 201, 202, 400, 403, 404, 409].contains(response.status), "\(method) \(path): \(response.status)"
      )
      if response.status >= 400 { #expect(response.json?["errorCode"] != nil) }
    }
    #expect(try client.get("/api/v1/apps").status == 200)
  }

  @Test("odd paths and queries are answered, not crashed on")
  func oddTargets() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    for target in [
      "/governance/api/v2/requests?limit=99999999999999999999999",
      "/governance/api/v2/requests?filter=%28%28%28",
      "/governance/api/v2/requests?orderBy=", "/api/v1/users?limit=-5", "/api/v1/users/%00", "//", "/%ff%fe",
      "/governance/api/v2/resources//request-conditions", "/api/v1/users?search=%22",
      "/__sim/requests//approve",
    ] {
      let response = try client.call("GET", target)
      #expect(response.status >= 200 && response.status < 500, "\(target): \(response.status)")
    }
  }
}
