import Testing

@testable import OktaSim

@Suite("Request conditions")
struct ConditionTests {
  private func body(_ name: String, sequence: String, priority: Int? = nil) -> JSONValue {
    var members: [String: JSONValue] = [
      "name": .string(name), "requesterSettings": ["type": "EVERYONE"],
      "accessScopeSettings": ["type": "RESOURCE_DEFAULT"], "approvalSequenceId": .string(sequence),
    ]
    if let priority { members["priority"] = .number(Double(priority)) }
    return .object(members)
  }

  @Test("a new condition is INACTIVE, goes to the bottom, and priorities stay contiguous")
  func createAndPriorities() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let app = try client.app("Slack")
    let sequence = try client.sequence(named: "Auto-approve", resource: app)
    let path = "/governance/api/v2/resources/\(app)/request-conditions"
    let bottom = try client.post(path, body("Bottom", sequence: sequence))
    #expect(bottom.status == 201)
    #expect(bottom.json?["status"] == "INACTIVE")
    #expect(bottom.json?["priority"] == 3)
    let top = try client.post(path, body("Top", sequence: sequence, priority: 0))
    #expect(top.json?["priority"] == 0)
    let list = try client.get(path).json?["data"]?.arrayValue ?? []
    #expect(list.map { $0["priority"]?.intValue ?? -1 } == [0, 1, 2, 3, 4])
    #expect(list.first?["name"] == "Top")
    let topId = top.json?["id"]?.stringValue ?? ""
    #expect(try client.delete("\(path)/\(topId)").status == 204)
    let after = try client.get(path).json?["data"]?.arrayValue ?? []
    #expect(after.map { $0["priority"]?.intValue ?? -1 } == [0, 1, 2, 3])
    #expect(try client.get("\(path)/\(topId)").status == 404)
  }

  @Test("activate only from INACTIVE and deactivate only from ACTIVE, else 409 E0000195")
  func statusTransitions() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let app = try client.app("Zoom")
    let sequence = try client.sequence(named: "Manager approval", resource: app)
    let path = "/governance/api/v2/resources/\(app)/request-conditions"
    let id = try client.post(path, body("Temp", sequence: sequence)).json?["id"]?.stringValue ?? ""
    let wrongDeactivate = try client.post("\(path)/\(id)/deactivate")
    #expect(wrongDeactivate.status == 409)
    #expect(wrongDeactivate.json?["errorCode"] == "E0000195")
    #expect(try client.post("\(path)/\(id)/activate").json?["status"] == "ACTIVE")
    #expect(try client.post("\(path)/\(id)/activate").status == 409)
    #expect(try client.post("\(path)/\(id)/deactivate").json?["status"] == "INACTIVE")
  }

  @Test("names are unique per resource; bodies that break the schema are refused with every cause")
  func validation() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let app = try client.app("Slack")
    let sequence = try client.sequence(named: "Auto-approve", resource: app)
    let path = "/governance/api/v2/resources/\(app)/request-conditions"
    let duplicate = try client.post(path, body("Everyone - manager approval", sequence: sequence))
    #expect(duplicate.status == 400)
    #expect(duplicate.text.contains("already exists"))
    let broken = try client.post(
      path,
      [
        "name": "", "requesterSettings": ["type": "GROUPS", "groups": [["id": "00gshort"]]],
        "accessScopeSettings": ["type": "NOPE"], "approvalSequenceId": "x",
      ])
    #expect(broken.status == 400)
    #expect(broken.json?["errorCode"] == "E0000001")
    let locations = Set(
      (broken.json?["errorCauses"]?.arrayValue ?? []).compactMap { $0["location"]?.stringValue })
    #expect(
      locations == [
        "/name", "/requesterSettings/groups/0/id", "/accessScopeSettings/type", "/approvalSequenceId",
      ])
    let unknownSequence = try client.post(path, body("X", sequence: String(repeating: "a", count: 24)))
    #expect(unknownSequence.status == 400)
    #expect(
      try client.get("/governance/api/v2/resources/0oanotthere000000000/request-conditions").status == 404)
  }

  @Test("PATCH changes the given fields only and can move a condition")
  func patch() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let app = try client.app("Salesforce")
    let path = "/governance/api/v2/resources/\(app)/request-conditions"
    let last = try client.get(path).json?["data"]?.arrayValue?.last
    let id = last?["id"]?.stringValue ?? ""
    sim.clock.advance(by: 10)
    let patched = try client.patch("\(path)/\(id)", ["description": "Retired", "priority": 0])
    #expect(patched.status == 200)
    #expect(patched.json?["description"] == "Retired")
    #expect(patched.json?["name"] == last?["name"])
    #expect(patched.json?["priority"] == 0)
    #expect(patched.json?["lastUpdated"] != last?["lastUpdated"])
  }

  @Test("resources can be named by ORN as well as by id")
  func orn() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let app = try client.app("Salesforce")
    let response = try client.get(
      "/governance/api/v2/resources/orn:okta:idp:00o1:apps:bookmark:\(app)/request-conditions")
    #expect(response.json?["data"]?.arrayValue?.count == 3)
  }
}
