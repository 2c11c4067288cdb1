extension SimState {
  /// Attributes `filter` may name on requests (the spec's, plus the JSON paths that say the same).
  static let requestFilterFields: Set<String> = [
    "id", "status", "grantStatus", "requestedFor", "requestedFor.externalId", "requestedBy",
    "requestedBy.externalId", "resourceId", "requested.resourceId", "entryId", "requested.entryId",
    "accessScopeId",
    "requested.accessScopeId", "lastUpdated", "created",
  ]

  mutating func createRequest(_ request: HTTPRequest, now: Double) throws(OktaError) -> Reply {
    let body = try jsonBody(request, schema: "AccessRequest")
    var check = BodyCheck()
    guard let members = check.object(body, at: "") else { throw .validation("AccessRequest", check.causes) }
    var entryId: String?
    if let requested = check.object(members["requested"], at: "/requested") {
      check.string(requested["type"], at: "/requested/type", allowed: ["CATALOG_ENTRY"])
      entryId = check.string(requested["entryId"], at: "/requested/entryId", minLength: 20, maxLength: 20)
    }
    let userId = principal(&check, members["requestedFor"], at: "/requestedFor", required: true)
    let requesterId = principal(&check, members["requestedBy"], at: "/requestedBy", required: false)
    if let values = members["requesterFieldValues"] {
      for (index, item) in (check.array(values, at: "/requesterFieldValues") ?? []).enumerated() {
        if let field = check.object(item, at: "/requesterFieldValues/\(index)") {
          check.string(field["id"], at: "/requesterFieldValues/\(index)/id")
        }
      }
    }
    guard check.isValid, let entryId, let userId else {
      throw .validation(
        check.causes.first.map { "\($0.location ?? "") \($0.summary)" } ?? "AccessRequest", check.causes)
    }
    let requester = requesterId ?? org.adminUserId
    guard org.users[requester] != nil else {
      throw notFoundInBody("/requestedBy/externalId", requester)
    }
    guard let user = org.users[userId] else { throw notFoundInBody("/requestedFor/externalId", userId) }
    guard user.isActive else {
      throw .validation(
        "/requestedFor/externalId \(userId) is not an active user",
        [
          OktaError.Cause(
            summary: "\(userId) is not an active user (status \(user.status))", reason: "INVALID_USER_STATUS",
            location: "/requestedFor/externalId", locationType: "body")
        ])
    }
    guard let entry = org.entries[entryId] else { throw notFoundInBody("/requested/entryId", entryId) }
    if user.id != requester {
      let settings = org.settings[entry.resourceId] ?? SimResourceSettings(onBehalfAllowed: false)
      let directReportOnly = settings.onBehalfOnlyFor?.contains("DIRECT_REPORT") ?? false
      guard settings.onBehalfAllowed, !directReportOnly || user.managerId == requester else {
        throw OktaError(
          status: 403, code: "E0000006",
          summary: "You do not have permission to perform the requested action.",
          causes: [
            OktaError.Cause(
              summary: settings.onBehalfAllowed
                ? "Requests on behalf of others are allowed only for direct reports of the requester."
                : "Requesting on behalf of another user is not allowed for this resource "
                  + "(requestOnBehalfOfSettings.allowed is false).",
              reason: "REQUEST_TYPE_SETTINGS", location: "/requestedFor", locationType: "body")
          ])
      }
    }
    guard let condition = org.decidingCondition(resourceId: entry.resourceId, user: user) else {
      throw .conflict(
        "No active request condition of resource \(entry.resourceId) applies to user \(user.id)",
        "No ACTIVE request condition of the resource admits the requested user.",
        reason: "REQUEST_TYPE_STATE",
        location: "/requested/entryId")
    }
    let created = org.submit(
      entry: entry, user: user, requestedBy: requester, condition: condition,
      fieldValues: members["requesterFieldValues"], now: now, model: model)
    dirty = true
    return Reply(status: 202, body: rendering.request(created))
  }

  func getRequest(_ id: String) throws(OktaError) -> Reply {
    guard let request = org.requests[id] else { throw .notFound(id, "AccessRequest") }
    return .ok(rendering.request(request))
  }

  mutating func addMessage(_ id: String, _ request: HTTPRequest) throws(OktaError) -> Reply {
    guard org.requests[id] != nil else { throw .notFound(id, "AccessRequest") }
    let body = try jsonBody(request, schema: "RequestMessage")
    var check = BodyCheck()
    if let members = check.object(body, at: "") {
      check.string(members["message"], at: "/message", minLength: 1, maxLength: 2000)
    }
    guard check.isValid else { throw .validation("RequestMessage", check.causes) }
    org.requests[id]?.messages += 1
    dirty = true
    return Reply(status: 201, body: nil)
  }

  func listRequests(_ request: HTTPRequest) throws(OktaError) -> Reply {
    var filter: FilterExpression?
    if let text = request.queryValue("filter"), !text.isEmpty {
      do {
        filter = try FilterExpression.parse(text, fields: Self.requestFilterFields)
      } catch {
        throw .invalidFilter("Invalid filter syntax: \(error.message).")
      }
    }
    let (sortField, descending) = try orderBy(request)
    let limit = try limit(request, fallback: 20)
    let after = try after(request)
    let matches = { (id: String) -> Bool in
      guard let filter else { return true }
      return org.requests[id].map { filter.matches(Self.field(of: $0)) } ?? false
    }
    let page: Page
    if sortField == "created" {
      // Creation order is the stored order: walk it and stop once the page is full, so that a first page
      // costs the same however many requests the org holds.
      page = try Self.walk(
        descending ? AnyCollection(org.requestOrder.reversed()) : AnyCollection(org.requestOrder),
        after: after,
        limit: limit, matches: matches
      ) { rendering.request(org.requests[$0]!) }
    } else {
      var records = org.requestOrder.filter(matches).compactMap { org.requests[$0] }
      records.sort { ($0.lastUpdated, $0.number) < ($1.lastUpdated, $1.number) }
      if descending { records.reverse() }
      page = try Page.cut(records.map(\.id), after: after, limit: limit) {
        rendering.request(org.requests[$0]!)
      }
    }
    return listReply(page, path: request.path, request: request, wrap: true)
  }

  /// One page from ids in order: skips to `after` (which must exist), then takes `limit` matching ids.
  private static func walk(
    _ ids: AnyCollection<String>, after: String?, limit: Int, matches: (String) -> Bool,
    render: (String) -> JSONValue
  ) throws(OktaError) -> Page {
    let iterator = ids.makeIterator()
    if let after {
      var found = false
      while let id = iterator.next() {
        if id == after {
          found = true
          break
        }
      }
      guard found else {
        throw .paging("\(after) not found", parameter: "after", reason: "IDENTIFIER_NOT_FOUND")
      }
    }
    var taken: [String] = []
    var more = false
    while let id = iterator.next() {
      guard matches(id) else { continue }
      if taken.count == limit {
        more = true
        break
      }
      taken.append(id)
    }
    return Page(items: taken.map(render), nextAfter: more ? taken.last : nil)
  }

  /// `orderBy`: `created` or `lastUpdated`, optionally `asc`/`desc`.
  private func orderBy(_ request: HTTPRequest) throws(OktaError) -> (String, Bool) {
    guard let text = request.queryValue("orderBy") else { return ("created", false) }
    let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    guard (1...2).contains(words.count), ["created", "lastUpdated"].contains(words[0]),
      words.count == 1 || ["asc", "desc"].contains(words[1].lowercased())
    else {
      throw .paging("Invalid orderBy syntax.", parameter: "orderBy", reason: "STRING_FORMAT_INVALID")
    }
    return (words[0], words.count == 2 && words[1].lowercased() == "desc")
  }

  private static func field(of request: SimRequest) -> (String) -> FilterExpression.FieldValue? {
    { name in
      switch name {
      case "id": return .string(request.id)
      case "status": return .string(request.status)
      case "grantStatus": return request.grantStatus.map { .string($0) }
      case "requestedFor", "requestedFor.externalId": return .string(request.requestedFor)
      case "requestedBy", "requestedBy.externalId": return .string(request.requestedBy)
      case "resourceId", "requested.resourceId", "accessScopeId", "requested.accessScopeId":
        return .string(request.resourceId)
      case "entryId", "requested.entryId": return .string(request.entryId)
      case "lastUpdated": return .date(request.lastUpdated)
      case "created": return .date(request.created)
      default: return nil
      }
    }
  }

  private func principal(_ check: inout BodyCheck, _ value: JSONValue?, at location: String, required: Bool)
    -> String?
  {
    guard let members = check.object(value, at: location, required: required) else { return nil }
    check.string(members["type"], at: "\(location)/type", allowed: ["OKTA_USER"])
    return check.string(
      members["externalId"], at: "\(location)/externalId", minLength: 20, maxLength: 20, prefix: "00u",
      alphanumericTail: true)
  }

  private func notFoundInBody(_ location: String, _ id: String) -> OktaError {
    .validation(
      "\(location) \(id) not found",
      [
        OktaError.Cause(
          summary: "\(id) not found", reason: "IDENTIFIER_NOT_FOUND", location: location, locationType: "body"
        )
      ])
  }
}
