/// Everything the simulator knows, guarded by one lock in `SimEngine`: the org plus run-time settings
/// (limits, faults, auth switches, counters).
struct SimState: Sendable {
  /// Which caller the API token belongs to.
  enum AuthMode: String, Codable, Sendable, CaseIterable {
    /// An Access Requests admin assigned to the Access Requests app.
    case ok
    /// Not an access-request admin: 403 `E0000006` on governance paths.
    case notAdmin
    /// Not assigned to Okta Access Requests: 403 `E0000195` on governance paths.
    case notAssigned
  }

  var org: Org
  var base: String
  var token: String
  var model: ProcessingModel
  var rateLimiter: RateLimiter
  var concurrencyLimit: Int
  var faults: FaultPlan
  var authMode: AuthMode = .ok
  var calls: [SimEndpoint: Int] = [:]
  /// Answers by endpoint and status; `droppedStatus` and `resetStatus` count connections closed unanswered.
  var statuses: [SimEndpoint: [Int: Int]] = [:]
  static let droppedStatus = 0
  static let resetStatus = -1
  var dirty = false

  var rendering: Rendering { Rendering(base: base, org: org) }

  /// Runs one Okta operation.
  mutating func perform(_ route: Route, _ request: HTTPRequest, now: Double) throws(OktaError) -> Reply {
    let p = route.parameters
    switch route.endpoint {
    case .entriesList: return try listEntries(request, userId: nil)
    case .userEntriesList: return try listEntries(request, userId: p[0])
    case .entriesGet: return try getEntry(p[0])
    case .entriesRequestFields: return try requestFields(entryId: p[0], userId: p[1])
    case .sequencesDelete: return try deleteSequence(p[0], now: now)
    case .orgSettingsGet: return .ok(rendering.orgSettings())
    case .orgSettingsPatch: return try patchOrgSettings(request)
    case .requestsList: return try listRequests(request)
    case .requestsCreate: return try createRequest(request, now: now)
    case .requestsGet: return try getRequest(p[0])
    case .requestsMessage: return try addMessage(p[0], request)
    case .conditionsList: return try listConditions(resource: p[0])
    case .conditionsCreate: return try createCondition(resource: p[0], request, now: now)
    case .conditionsGet: return try getCondition(resource: p[0], id: p[1])
    case .conditionsPatch: return try patchCondition(resource: p[0], id: p[1], request, now: now)
    case .conditionsDelete: return try deleteCondition(resource: p[0], id: p[1])
    case .conditionsActivate: return try setConditionStatus(resource: p[0], id: p[1], active: true, now: now)
    case .conditionsDeactivate:
      return try setConditionStatus(resource: p[0], id: p[1], active: false, now: now)
    case .sequencesList: return try listSequences(resource: p[0])
    case .sequencesGet: return try getSequence(resource: p[0], id: p[1])
    case .resourceSettingsGet: return try getResourceSettings(resource: p[0])
    case .resourceSettingsPatch: return try patchResourceSettings(resource: p[0], request)
    case .usersList: return try listUsers(request)
    case .usersGet: return try getUser(p[0])
    case .appsList: return try listApps(request)
    case .appsGet: return try getApp(p[0])
    }
  }

  /// The JSON body of a request, or a 400 naming line and column.
  func jsonBody(_ request: HTTPRequest, schema: String) throws(OktaError) -> JSONValue {
    guard !request.body.isEmpty else {
      throw
        (.validation(
          schema,
          [
            OktaError.Cause(
              summary: "The request body is required.", reason: "REQUIRED_PROPERTY_MISSING", location: "/",
              locationType: "body")
          ]))
    }
    do {
      return try JSONParser.parse(request.body)
    } catch {
      throw
        (.validation(
          schema,
          [
            OktaError.Cause(
              summary: "The request body is not valid JSON: \(error)", reason: "STRING_FORMAT_INVALID",
              location: "/", locationType: "body")
          ]))
    }
  }

  /// `limit` within 1…`maximum` (else 400), or `fallback` when absent.
  func limit(_ request: HTTPRequest, fallback: Int, maximum: Int = 200) throws(OktaError) -> Int {
    guard let text = request.queryValue("limit") else { return fallback }
    guard let value = Int(text), (1...maximum).contains(value) else {
      throw (.paging("The limit parameter is not a valid.", parameter: "limit", reason: "INVALID_DATA_TYPE"))
    }
    return value
  }

  /// `after` if present; an empty one is a 400.
  func after(_ request: HTTPRequest) throws(OktaError) -> String? {
    guard let value = request.queryValue("after") else { return nil }
    guard !value.isEmpty else {
      throw
        (.paging(
          "Empty value found for query parameter 'after'", parameter: "after", reason: "EMPTY_PARAMETER"))
    }
    return value
  }

  /// The list body and `Link` headers of a page: `self`, and `next` when there is more.
  func listReply(_ page: Page, path: String, request: HTTPRequest, wrap: Bool) -> Reply {
    let selfURL = base + path + Self.queryString(request.query)
    var links: [(String, String)] = [("Link", "<\(selfURL)>; rel=\"self\"")]
    var bodyLinks: [String: JSONValue] = ["self": ["href": .string(selfURL)]]
    if let next = page.nextAfter {
      var query = request.query.filter { $0.name != "after" }
      query.append((name: "after", value: next))
      let nextURL = base + path + Self.queryString(query)
      links.append(("Link", "<\(nextURL)>; rel=\"next\""))
      bodyLinks["next"] = ["href": .string(nextURL)]
    }
    let body: JSONValue =
      wrap ? ["data": .array(page.items), "_links": .object(bodyLinks)] : .array(page.items)
    return Reply(status: 200, body: body, headers: links)
  }

  static func queryString(_ query: [(name: String, value: String?)]) -> String {
    guard !query.isEmpty else { return "" }
    return "?"
      + query.map { pair in
        let name = percentEncode(pair.name)
        return pair.value.map { "\(name)=\(percentEncode($0))" } ?? name
      }.joined(separator: "&")
  }

  static func percentEncode(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return out
  }
}
