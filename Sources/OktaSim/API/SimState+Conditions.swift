extension SimState {
  /// The app behind a path's `resourceId` (id or ORN), or 404.
  func resource(_ key: String) throws(OktaError) -> SimApp {
    guard let app = org.app(idOrORN: key) else { throw .notFound(key, "Resource") }
    return app
  }

  func condition(resource key: String, id: String) throws(OktaError) -> SimCondition {
    let app = try resource(key)
    guard let condition = org.conditions[id], condition.resourceId == app.id else {
      throw .notFound(id, "RequestCondition")
    }
    return condition
  }

  func listConditions(resource key: String) throws(OktaError) -> Reply {
    let app = try resource(key)
    let path = "/governance/api/v2/resources/\(app.id)/request-conditions"
    return .ok([
      "data": .array(org.conditions(of: app.id).map(rendering.condition)),
      "_links": ["self": rendering.link(path)],
    ])
  }

  func getCondition(resource key: String, id: String) throws(OktaError) -> Reply {
    .ok(rendering.condition(try condition(resource: key, id: id)))
  }

  mutating func createCondition(resource key: String, _ request: HTTPRequest, now: Double) throws(OktaError)
    -> Reply
  {
    let app = try resource(key)
    let body = try jsonBody(request, schema: "AccessRequestCondition")
    let fields = try conditionFields(body, resourceId: app.id, creating: true, excluding: nil)
    let condition = SimCondition(
      id: org.newID("rco"), resourceId: app.id, name: fields.name!, description: fields.description,
      priority: Int.max, status: "INACTIVE", requesterSettings: fields.requesterSettings!,
      accessScopeSettings: fields.accessScopeSettings!, accessDurationSettings: fields.accessDurationSettings,
      approvalSequenceId: fields.approvalSequenceId!, created: now, createdBy: org.adminUserId,
      lastUpdated: now,
      lastUpdatedBy: org.adminUserId)
    org.conditions[condition.id] = condition
    org.compactPriorities(of: app.id, placing: condition.id, at: fields.priority ?? Int.max)
    dirty = true
    return Reply(status: 201, body: rendering.condition(org.conditions[condition.id]!))
  }

  mutating func patchCondition(resource key: String, id: String, _ request: HTTPRequest, now: Double)
    throws(OktaError) -> Reply
  {
    var condition = try condition(resource: key, id: id)
    let body = try jsonBody(request, schema: "AccessRequestCondition")
    let fields = try conditionFields(body, resourceId: condition.resourceId, creating: false, excluding: id)
    if let name = fields.name { condition.name = name }
    if let description = fields.description { condition.description = description }
    if let settings = fields.requesterSettings { condition.requesterSettings = settings }
    if let settings = fields.accessScopeSettings { condition.accessScopeSettings = settings }
    if let settings = fields.accessDurationSettings { condition.accessDurationSettings = settings }
    if let sequence = fields.approvalSequenceId { condition.approvalSequenceId = sequence }
    condition.lastUpdated = now
    condition.lastUpdatedBy = org.adminUserId
    org.conditions[id] = condition
    if let priority = fields.priority {
      org.compactPriorities(of: condition.resourceId, placing: id, at: priority)
    }
    dirty = true
    return .ok(rendering.condition(org.conditions[id]!))
  }

  mutating func deleteCondition(resource key: String, id: String) throws(OktaError) -> Reply {
    let condition = try condition(resource: key, id: id)
    org.conditions[id] = nil
    org.compactPriorities(of: condition.resourceId)
    dirty = true
    return Reply(status: 204, body: nil)
  }

  mutating func setConditionStatus(resource key: String, id: String, active: Bool, now: Double)
    throws(OktaError) -> Reply
  {
    var condition = try condition(resource: key, id: id)
    let required = active ? "INACTIVE" : "ACTIVE"
    guard condition.status == required else {
      throw .conflict(
        "Request Condition",
        "Only Request Condition with status=\(required) may be \(active ? "activated" : "deactivated")")
    }
    condition.status = active ? "ACTIVE" : "INACTIVE"
    condition.lastUpdated = now
    condition.lastUpdatedBy = org.adminUserId
    org.conditions[id] = condition
    dirty = true
    return .ok(rendering.condition(condition))
  }

  /// The writable fields of a condition body, checked against request-condition-creatable (or -patchable).
  struct ConditionFields {
    var name: String?
    var description: String?
    var requesterSettings: JSONValue?
    var accessScopeSettings: JSONValue?
    var accessDurationSettings: JSONValue?
    var approvalSequenceId: String?
    var priority: Int?
  }

  func conditionFields(_ body: JSONValue, resourceId: String, creating: Bool, excluding: String?)
    throws(OktaError) -> ConditionFields
  {
    var check = BodyCheck()
    guard let members = check.object(body, at: "") else {
      throw .validation("AccessRequestCondition", check.causes)
    }
    var fields = ConditionFields()
    fields.name = check.string(members["name"], at: "/name", required: creating, minLength: 1, maxLength: 255)
    fields.description = check.string(
      members["description"], at: "/description", required: false, minLength: 1, maxLength: 2000)
    fields.approvalSequenceId = check.string(
      members["approvalSequenceId"], at: "/approvalSequenceId", required: creating, minLength: 24,
      maxLength: 24)
    fields.priority = check.integer(members["priority"], at: "/priority")
    if let requester = check.object(
      members["requesterSettings"], at: "/requesterSettings", required: creating)
    {
      let type = check.string(
        requester["type"], at: "/requesterSettings/type", allowed: ["EVERYONE", "GROUPS"])
      if type == "EVERYONE" {
        check.noOtherMembers(requester, at: "/requesterSettings", allowed: ["type"])
      } else if type == "GROUPS" {
        check.noOtherMembers(requester, at: "/requesterSettings", allowed: ["type", "groups"])
        groupIDs(&check, requester["groups"], at: "/requesterSettings/groups")
      }
      fields.requesterSettings = .object(requester)
    }
    if let scope = check.object(
      members["accessScopeSettings"], at: "/accessScopeSettings", required: creating)
    {
      let type = check.string(
        scope["type"], at: "/accessScopeSettings/type",
        allowed: ["RESOURCE_DEFAULT", "ENTITLEMENT_BUNDLES", "GROUPS"])
      switch type {
      case "RESOURCE_DEFAULT":
        check.noOtherMembers(scope, at: "/accessScopeSettings", allowed: ["type"])
      case "GROUPS":
        check.noOtherMembers(scope, at: "/accessScopeSettings", allowed: ["type", "groups"])
        groupIDs(&check, scope["groups"], at: "/accessScopeSettings/groups")
      case "ENTITLEMENT_BUNDLES":
        check.noOtherMembers(scope, at: "/accessScopeSettings", allowed: ["type", "entitlementBundles"])
        for (index, item)
          in (check.array(
            scope["entitlementBundles"], at: "/accessScopeSettings/entitlementBundles", minItems: 1) ?? [])
          .enumerated()
        {
          let at = "/accessScopeSettings/entitlementBundles/\(index)"
          if let bundle = check.object(item, at: at) { check.string(bundle["id"], at: at + "/id") }
        }
      default: break
      }
      fields.accessScopeSettings = .object(scope)
    }
    if let duration = check.object(
      members["accessDurationSettings"], at: "/accessDurationSettings", required: false)
    {
      let type = check.string(
        duration["type"], at: "/accessDurationSettings/type",
        allowed: ["ADMIN_FIXED_DURATION", "REQUESTER_SPECIFIED_DURATION"])
      let key = type == "ADMIN_FIXED_DURATION" ? "duration" : "maximumDuration"
      if type != nil {
        check.noOtherMembers(duration, at: "/accessDurationSettings", allowed: ["type", key])
        if let value = check.string(duration[key], at: "/accessDurationSettings/\(key)"),
          !value.hasPrefix("P") || value.count < 3
        {
          check.fail(
            "/accessDurationSettings/\(key)", "must be an ISO 8601 duration", reason: "STRING_FORMAT_INVALID")
        }
      }
      fields.accessDurationSettings = .object(duration)
    }
    guard check.isValid else { throw .validation("AccessRequestCondition", check.causes) }
    // What the schema cannot say: references must exist and names must be unique within the resource.
    if let sequence = fields.approvalSequenceId, org.sequences[sequence] == nil {
      check.fail("/approvalSequenceId", "\(sequence) not found", reason: "IDENTIFIER_NOT_FOUND")
    }
    for settings in [fields.requesterSettings, fields.accessScopeSettings].compactMap({ $0 }) {
      for group in settings["groups"]?.arrayValue ?? [] {
        if let id = group["id"]?.stringValue, org.groups[id] == nil {
          check.fail("/groups", "\(id) not found", reason: "IDENTIFIER_NOT_FOUND")
        }
      }
    }
    if let name = fields.name,
      org.conditions(of: resourceId).contains(where: { $0.name == name && $0.id != excluding })
    {
      check.fail(
        "/name", "A request condition named \"\(name)\" already exists for this resource",
        reason: "UNIQUE_CONSTRAINT")
    }
    guard check.isValid else { throw .validation("AccessRequestCondition", check.causes) }
    return fields
  }

  private func groupIDs(_ check: inout BodyCheck, _ value: JSONValue?, at location: String) {
    for (index, item) in (check.array(value, at: location, minItems: 1, maxItems: 100) ?? []).enumerated() {
      if let group = check.object(item, at: "\(location)/\(index)") {
        check.string(
          group["id"], at: "\(location)/\(index)/id", minLength: 20, maxLength: 20, prefix: "00g",
          alphanumericTail: true)
      }
    }
  }
}
