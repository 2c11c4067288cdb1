import Testing

@testable import OktaSim

@Suite("Access request lifecycle")
struct RequestLifecycleTests {
  @Test("under an auto-approve condition: SUBMITTED, then APPROVED with no decisions, then GRANTED")
  func autoApprove() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let app = try client.app("Salesforce")
    let entry = try client.entry(of: "Salesforce")
    let condition = try client.installAutoApprove(resource: app)
    let user = try client.activeUsers(1)[0]
    let created = try client.submit(user: user, entry: entry)
    #expect(created.status == 202)
    #expect(created.json?["status"] == "SUBMITTED")
    let id = created.json?["id"]?.stringValue ?? ""
    sim.clock.advance(by: 1)
    let approved = try client.get("/governance/api/v2/requests/\(id)").json
    #expect(approved?["status"] == "APPROVED")
    #expect(approved?["grantStatus"] == "PENDING")
    #expect(approved?["requestApproval"]?["decisions"] == [])
    let link = approved?["_links"]?["approvalCondition"]?["href"]?.stringValue ?? ""
    #expect(link.hasSuffix("/request-conditions/\(condition)"))
    sim.clock.advance(by: 5)
    let granted = try client.get("/governance/api/v2/requests/\(id)").json
    #expect(granted?["grantStatus"] == "GRANTED")
    #expect(granted?["granted"] != nil)
  }

  @Test("under a manager-approval condition it waits in PENDING until approved or denied")
  func manualApproval() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let entry = try client.entry(of: "Salesforce")
    let users = try client.activeUsers(2)
    let first = try client.submit(user: users[0], entry: entry).json?["id"]?.stringValue ?? ""
    let second = try client.submit(user: users[1], entry: entry).json?["id"]?.stringValue ?? ""
    sim.clock.advance(by: 3600)
    #expect(try client.get("/governance/api/v2/requests/\(first)").json?["status"] == "PENDING")
    let approved = try client.control("POST", "requests/\(first)/approve")
    #expect(approved["status"] == "APPROVED")
    #expect(approved["requestApproval"]?["decisions"]?.arrayValue?.first?["decision"] == "APPROVE")
    _ = try client.control("POST", "requests/\(second)/deny")
    sim.clock.advance(by: 5)
    #expect(try client.get("/governance/api/v2/requests/\(first)").json?["grantStatus"] == "GRANTED")
    #expect(try client.get("/governance/api/v2/requests/\(second)").json?["status"] == "DENIED")
    let again = try client.call("POST", "/__sim/requests/\(second)/approve", headers: [:])
    #expect(again.status == 400)
  }

  @Test("a configured share of grants ends FAILED")
  func grantFailures() throws {
    let sim = try frozenSimulator { $0.processing.grantFailureShare = 1 }
    defer { sim.stop() }
    let client = SimClient(sim)
    _ = try client.installAutoApprove(resource: try client.app("Slack"))
    let id = try client.requestID(user: try client.activeUsers(1)[0], entry: try client.entry(of: "Slack"))
    sim.clock.advance(by: 60)
    #expect(try client.get("/governance/api/v2/requests/\(id)").json?["grantStatus"] == "FAILED")
  }

  @Test("Okta's refusals: unknown user or entry, inactive user, on-behalf not allowed, no active condition")
  func refusals() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let entry = try client.entry(of: "Salesforce")
    let user = try client.activeUsers(1)[0]
    let unknownUser = try client.submit(user: "00u0000000000000none", entry: entry)
    #expect(unknownUser.status == 400)
    #expect(unknownUser.json?["errorCauses"]?.arrayValue?.first?["location"] == "/requestedFor/externalId")
    let unknownEntry = try client.submit(user: user, entry: "cen0000000000000none")
    #expect(unknownEntry.status == 400)
    let state = try client.control("GET", "state")
    let inactive =
      state["users"]?.arrayValue?.first { $0["status"] == "DEPROVISIONED" }?["id"]?.stringValue ?? ""
    let inactiveAnswer = try client.submit(user: inactive, entry: entry)
    #expect(inactiveAnswer.status == 400)
    #expect(inactiveAnswer.text.contains("not an active user"))
    let github = try client.submit(user: user, entry: try client.entry(of: "GitHub"))
    #expect(github.status == 403)
    #expect(github.json?["errorCode"] == "E0000006")
    let slack = try client.app("Slack")
    let conditions = "/governance/api/v2/resources/\(slack)/request-conditions"
    for condition in try client.get(conditions).json?["data"]?.arrayValue ?? []
    where condition["status"] == "ACTIVE" {
      _ = try client.post("\(conditions)/\(condition["id"]?.stringValue ?? "")/deactivate")
    }
    let none = try client.submit(user: user, entry: try client.entry(of: "Slack"))
    #expect(none.status == 409)
    #expect(none.json?["errorCode"] == "E0000195")
    let malformed = try client.post("/governance/api/v2/requests", ["requested": ["entryId": "short"]])
    #expect(malformed.status == 400)
    let locations = Set(
      (malformed.json?["errorCauses"]?.arrayValue ?? []).compactMap { $0["location"]?.stringValue })
    #expect(locations == ["/requested/type", "/requested/entryId", "/requestedFor"])
  }

  @Test("on-behalf settings can be switched on through PATCH, and then the request goes through")
  func onBehalfSettings() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let app = try client.app("GitHub")
    let settings = "/governance/api/v2/resources/\(app)/request-settings"
    #expect(try client.get(settings).json?["requestOnBehalfOfSettings"]?["allowed"] == false)
    let patched = try client.patch(settings, ["requestOnBehalfOfSettings": ["allowed": true]])
    #expect(patched.json?["requestOnBehalfOfSettings"]?["allowed"] == true)
    let answer = try client.submit(user: try client.activeUsers(1)[0], entry: try client.entry(of: "GitHub"))
    #expect(answer.status == 202)
    #expect(try client.patch(settings, ["severity": 1]).status == 400)
    #expect(try client.patch(settings, [:]).status == 400)
  }
}
