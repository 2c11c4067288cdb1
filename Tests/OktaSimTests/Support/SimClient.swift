@testable import OktaSim

/// A test's view of one running simulator: authenticated Okta calls and control calls over real HTTP.
final class SimClient {
  /// One recorded exchange (for contract checks).
  struct Exchange {
    var method: String
    var path: String
    var response: TestResponse
  }

  let simulator: OktaSimulator
  private var connection: TestConnection?
  /// Every answer received, in order.
  private(set) var exchanges: [Exchange] = []

  init(_ simulator: OktaSimulator) { self.simulator = simulator }

  var auth: [String: String] {
    ["Authorization": "SSWS \(simulator.apiToken)", "Accept": "application/json"]
  }

  /// One call on the kept-alive connection (reconnecting when the server closed it).
  func call(_ method: String, _ target: String, json: JSONValue? = nil, headers: [String: String]? = nil)
    throws(ConnectionEnd) -> TestResponse
  {
    var all = headers ?? auth
    var body: [UInt8] = []
    if let json {
      body = json.bytes
      all["Content-Type"] = "application/json"
    }
    if connection == nil { connection = try? TestConnection(port: simulator.port) }
    guard let open = connection else { throw .closed }
    do {
      let response = try open.exchange(method, target, headers: all, body: body)
      let path = String(target.split(separator: "?", maxSplits: 1).first ?? "")
      exchanges.append(Exchange(method: method, path: path, response: response))
      return response
    } catch {
      connection = nil
      throw error
    }
  }

  func get(_ target: String) throws -> TestResponse { try call("GET", target) }
  func post(_ target: String, _ json: JSONValue? = nil) throws -> TestResponse {
    try call("POST", target, json: json)
  }
  func patch(_ target: String, _ json: JSONValue) throws -> TestResponse {
    try call("PATCH", target, json: json)
  }
  func delete(_ target: String) throws -> TestResponse { try call("DELETE", target) }

  /// A control-API call (no auth).
  func control(_ method: String, _ path: String, _ json: JSONValue? = nil) throws -> JSONValue {
    let response = try call(method, "/__sim/" + path, json: json, headers: [:])
    return response.json ?? .null
  }

  // MARK: - Demo org shortcuts

  func app(_ label: String) throws -> String {
    try get("/api/v1/apps?q=\(label)").json?.arrayValue?.first?["id"]?.stringValue ?? ""
  }

  func entry(of label: String) throws -> String {
    let list = try get("/governance/api/v2/catalogs/default/entries?filter=not(parent%20pr)&match=\(label)")
      .json
    return list?["data"]?.arrayValue?.first?["id"]?.stringValue ?? ""
  }

  func sequence(named name: String, resource: String) throws -> String {
    let list = try get("/governance/api/v2/resources/\(resource)/request-sequences").json
    return list?["data"]?.arrayValue?.first { $0["name"]?.stringValue == name }?["id"]?.stringValue ?? ""
  }

  /// Active users of the demo org (not the admin), in order.
  func activeUsers(_ count: Int) throws -> [String] {
    let list = try get("/api/v1/users?limit=200").json?.arrayValue ?? []
    return list.compactMap { $0["id"]?.stringValue }.filter { $0 != simulator.adminUserID }.prefix(count).map
    { $0 }
  }

  /// Creates and activates an auto-approve EVERYONE condition at top priority on `resource`.
  func installAutoApprove(resource: String) throws -> String {
    let sequence = try sequence(named: "Auto-approve", resource: resource)
    let created = try post(
      "/governance/api/v2/resources/\(resource)/request-conditions",
      [
        "name": "Migration auto-approve", "requesterSettings": ["type": "EVERYONE"],
        "accessScopeSettings": ["type": "RESOURCE_DEFAULT"], "approvalSequenceId": .string(sequence),
        "priority": 0,
      ])
    let id = created.json?["id"]?.stringValue ?? ""
    _ = try post("/governance/api/v2/resources/\(resource)/request-conditions/\(id)/activate")
    return id
  }

  /// Submits a request for `user` and `entry`; its id.
  func requestID(user: String, entry: String) throws -> String {
    try submit(user: user, entry: entry).json?["id"]?.stringValue ?? ""
  }

  /// Submits a request for `user` and `entry`; the raw answer.
  func submit(user: String, entry: String) throws -> TestResponse {
    try post(
      "/governance/api/v2/requests",
      [
        "requested": ["type": "CATALOG_ENTRY", "entryId": .string(entry)],
        "requestedFor": ["type": "OKTA_USER", "externalId": .string(user)],
      ])
  }
}

/// A frozen-clock simulator for a test (time moves only by `clock.advance`), stopped by the caller's `defer`.
func frozenSimulator(_ configure: (inout OktaSimulator.Options) -> Void = { _ in }) throws -> OktaSimulator {
  var options = OktaSimulator.Options(timeScale: 0, startTime: 1_800_000_000)
  configure(&options)
  return try OktaSimulator(options: options)
}
