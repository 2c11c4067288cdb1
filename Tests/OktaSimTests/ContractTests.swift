import Foundation
import SpecSupport
import Testing

@testable import OktaSim

/// Every answer the simulator gives — successes and errors — checked against Okta's OpenAPI files by the
/// project's own validator (SpecSupport), which shares no code with the simulator.
@Suite("Contract: answers match spec/*.json")
struct ContractTests {
  /// Runs every operation through its success and error paths and returns all the exchanges.
  private func exerciseEveryOperation(_ client: SimClient, _ sim: OktaSimulator) throws {
    let g = "/governance/api/v2"
    let app = try client.app("Salesforce")
    let entry = try client.entry(of: "Salesforce")
    let users = try client.activeUsers(3)
    // Catalog.
    _ = try client.get("\(g)/catalogs/default/entries?filter=not(parent%20pr)&limit=2")
    _ = try client.get("\(g)/catalogs/default/entries?filter=bogus")
    _ = try client.get("\(g)/catalogs/default/entries?filter=not(parent%20pr)&limit=0")
    _ = try client.get("\(g)/catalogs/default/entries?filter=not(parent%20pr)&match=ab")
    _ = try client.get("\(g)/catalogs/default/entries?filter=not(parent%20pr)&after=cen00000000000000000")
    _ = try client.call("GET", "\(g)/catalogs/default/entries?filter=not(parent%20pr)", headers: [:])
    _ = try client.get("\(g)/catalogs/default/entries/\(entry)")
    _ = try client.get("\(g)/catalogs/default/entries/cen00000000000000000")
    _ = try client.get("\(g)/catalogs/default/entries/\(entry)/users/\(users[0])/request-fields")
    _ = try client.get("\(g)/catalogs/default/entries/\(entry)/users/00u00000000000000000/request-fields")
    _ = try client.get("\(g)/catalogs/default/user/\(users[0])/entries?filter=not(parent%20pr)")
    _ = try client.get("\(g)/catalogs/default/user/00u00000000000000000/entries?filter=not(parent%20pr)")
    // Settings.
    _ = try client.get("\(g)/request-settings")
    _ = try client.patch("\(g)/request-settings", ["subprocessorsAcknowledged": true])
    _ = try client.get("\(g)/resources/\(app)/request-settings")
    _ = try client.patch(
      "\(g)/resources/\(app)/request-settings", ["requestOnBehalfOfSettings": ["allowed": true]])
    _ = try client.patch("\(g)/resources/\(app)/request-settings", ["bogus": 1])
    _ = try client.get("\(g)/resources/0oa00000000000000000/request-settings")
    // Sequences.
    let sequences = try client.get("\(g)/resources/\(app)/request-sequences").json?["data"]?.arrayValue ?? []
    let sequence = sequences.first { $0["name"] == "Auto-approve" }?["id"]?.stringValue ?? ""
    _ = try client.get("\(g)/resources/\(app)/request-sequences/\(sequence)")
    _ = try client.get("\(g)/resources/\(app)/request-sequences/000000000000000000000000")
    // Conditions.
    let conditions = "\(g)/resources/\(app)/request-conditions"
    _ = try client.get(conditions)
    let created = try client.post(
      conditions,
      [
        "name": "Temporary", "description": "Mirror", "requesterSettings": ["type": "EVERYONE"],
        "accessScopeSettings": ["type": "RESOURCE_DEFAULT"], "approvalSequenceId": .string(sequence),
        "accessDurationSettings": ["type": "ADMIN_FIXED_DURATION", "duration": "P2W"], "priority": 0,
      ])
    let condition = created.json?["id"]?.stringValue ?? ""
    _ = try client.post(conditions, ["name": ""])
    _ = try client.get("\(conditions)/\(condition)")
    _ = try client.get("\(conditions)/rco00000000000000000")
    _ = try client.patch("\(conditions)/\(condition)", ["description": "Changed"])
    _ = try client.post("\(conditions)/\(condition)/activate")
    _ = try client.post("\(conditions)/\(condition)/activate")
    _ = try client.post("\(conditions)/\(condition)/deactivate")
    _ = try client.post("\(conditions)/\(condition)/deactivate")
    _ = try client.post("\(conditions)/\(condition)/activate")
    // Requests.
    let request = try client.submit(user: users[0], entry: entry)
    _ = try client.submit(user: users[1], entry: entry)
    _ = try client.submit(user: "00u00000000000000000", entry: entry)
    _ = try client.post("\(g)/requests", ["requested": ["type": "CATALOG_ENTRY"]])
    _ = try client.submit(user: users[0], entry: try client.entry(of: "Zoom"))
    let requestId = request.json?["id"]?.stringValue ?? ""
    _ = try client.get("\(g)/requests/\(requestId)")
    sim.clock.advance(by: 2)
    _ = try client.get("\(g)/requests/\(requestId)")
    sim.clock.advance(by: 10)
    _ = try client.get("\(g)/requests/\(requestId)")
    _ = try client.get("\(g)/requests/req00000000000000000")
    _ = try client.post("\(g)/requests/\(requestId)/messages", ["message": "Migrated by oktabulk"])
    _ = try client.get("\(g)/requests?limit=1")
    _ = try client.get("\(g)/requests?filter=status%20eq%20%22APPROVED%22&orderBy=lastUpdated%20desc")
    _ = try client.get("\(g)/requests?limit=500")
    _ = try client.get("\(g)/requests?after=")
    _ = try client.get("\(g)/requests?after=req00000000000000000")
    _ = try client.get("\(g)/requests?orderBy=name")
    // Manual approval path (PENDING, then decided with a decision on record).
    _ = try client.post("\(conditions)/\(condition)/deactivate")
    let pending = try client.submit(user: users[2], entry: entry).json?["id"]?.stringValue ?? ""
    sim.clock.advance(by: 5)
    _ = try client.get("\(g)/requests/\(pending)")
    _ = try client.control("POST", "requests/\(pending)/approve")
    _ = try client.get("\(g)/requests/\(pending)")
    _ = try client.delete("\(conditions)/\(condition)")
    _ = try client.delete("\(conditions)/\(condition)")
    // Directory.
    _ = try client.get("/api/v1/users?limit=2")
    _ = try client.get("/api/v1/users?search=profile.login%20eq%20%22nobody%40example.com%22")
    _ = try client.get("/api/v1/users/\(users[0])")
    _ = try client.get("/api/v1/users/nobody@example.com")
    _ = try client.get("/api/v1/apps?q=Sla")
    _ = try client.get("/api/v1/apps/\(app)")
    _ = try client.get("/api/v1/apps/0oa00000000000000000")
    // Auth switches, rate limit, server error.
    _ = try client.control("POST", "auth", ["mode": "notAdmin"])
    _ = try client.get("\(g)/requests")
    _ = try client.control("POST", "auth", ["mode": "notAssigned"])
    _ = try client.get("\(g)/requests")
    _ = try client.control("POST", "auth", ["mode": "ok"])
    _ = try client.control("POST", "limits", ["rateLimits": ["requests.get": 0]])
    _ = try client.get("\(g)/requests/\(requestId)")
    _ = try client.control("POST", "faults", ["endpoint": "conditions.list", "kind": "error500", "count": 1])
    _ = try client.get(conditions)
    // Deleting a sequence (last: it invalidates conditions).
    _ = try client.delete("\(g)/request-sequences/\(sequence)")
    _ = try client.delete("\(g)/request-sequences/\(sequence)")
    _ = try client.get(conditions)
  }

  @Test("every answer of every operation, success or error, conforms to its response schema and headers")
  func responsesConform() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    try exerciseEveryOperation(client, sim)
    let okta = client.exchanges.filter { !$0.path.hasPrefix("/__sim/") }
    var problems: [String] = []
    var covered: Set<String> = []
    for exchange in okta {
      let headers = exchange.response.headers.mapValues { $0.joined(separator: ", ") }
      problems += ContractCheck.response(
        method: exchange.method, path: exchange.path, status: exchange.response.status, headers: headers,
        body: Data(exchange.response.body))
      if let (_, operation) = OpenAPISpec.operation(method: exchange.method, path: exchange.path) {
        covered.insert("\(operation.id) \(exchange.response.status / 100)xx")
      }
    }
    #expect(problems == [])
    let every = OpenAPISpec.all.flatMap(\.operations).map(\.id)
    let exercised = Set(covered.map { String($0.split(separator: " ")[0]) })
    #expect(Set(every).subtracting(exercised) == [])
    // Errors were exercised too, not only successes.
    #expect(okta.filter { $0.response.status >= 400 }.count >= 30)
  }

  @Test("bodies that violate the request schemas are refused with 400 and an Okta error body")
  func badRequestBodies() throws {
    let sim = try frozenSimulator()
    defer { sim.stop() }
    let client = SimClient(sim)
    let g = "/governance/api/v2"
    let app = try client.app("Salesforce")
    let condition =
      try client.get("\(g)/resources/\(app)/request-conditions").json?["data"]?.arrayValue?.first?["id"]?
      .stringValue ?? ""
    let request =
      try client.submit(user: try client.activeUsers(1)[0], entry: try client.entry(of: "Salesforce"))
      .json?["id"]?.stringValue ?? ""
    let cases: [(operationId: String, method: String, path: String, body: OktaSim.JSONValue)] = [
      ("createRequestV2", "POST", "\(g)/requests", [:]),
      (
        "createRequestV2", "POST", "\(g)/requests",
        [
          "requested": ["type": "CATALOG_ENTRY", "entryId": 7],
          "requestedFor": ["type": "OKTA_USER", "externalId": "00u1"],
        ]
      ),
      (
        "createRequestV2", "POST", "\(g)/requests",
        [
          "requested": ["type": "BUNDLE", "entryId": "cen00000000000000000"],
          "requestedFor": ["type": "GROUP", "externalId": "00g00000000000000000"],
        ]
      ),
      ("createResourceRequestConditionV2", "POST", "\(g)/resources/\(app)/request-conditions", ["name": "x"]),
      (
        "createResourceRequestConditionV2", "POST", "\(g)/resources/\(app)/request-conditions",
        [
          "name": "x", "requesterSettings": ["type": "EVERYONE", "extra": true],
          "accessScopeSettings": ["type": "RESOURCE_DEFAULT"], "approvalSequenceId": "short",
        ]
      ),
      (
        "updateResourceRequestConditionV2", "PATCH", "\(g)/resources/\(app)/request-conditions/\(condition)",
        ["name": ""]
      ),
      (
        "updateResourceRequestConditionV2", "PATCH", "\(g)/resources/\(app)/request-conditions/\(condition)",
        ["priority": -1]
      ),
      (
        "updateResourceRequestSettingsV2", "PATCH", "\(g)/resources/\(app)/request-settings",
        ["requestOnBehalfOfSettings": ["onlyFor": ["EVERYONE"]]]
      ),
      ("updateOrgRequestSettingsV2", "PATCH", "\(g)/request-settings", ["subprocessorsAcknowledged": "yes"]),
      ("createRequestMessageV2", "POST", "\(g)/requests/\(request)/messages", ["message": 5]),
    ]
    for item in cases {
      let bytes = Data(item.body.bytes)
      #expect(
        ContractCheck.requestBody(operationId: item.operationId, body: bytes) != [],
        "\(item.body.serialized()) should break \(item.operationId)")
      let response = try client.call(item.method, item.path, json: item.body)
      #expect(response.status == 400, "\(item.operationId) \(item.body.serialized())")
      #expect(response.json?["errorCode"] == "E0000001")
      let errorSchema = OpenAPISpec.governance.resolve(reference: "#/components/schemas/error")!
      let body = try SpecSupport.JSONValue(data: Data(response.body))
      #expect(
        SchemaValidator(spec: .governance, direction: .response).violations(of: body, against: errorSchema)
          .isEmpty)
    }
  }
}
