/// The JSON shapes of the spec, produced from the simulator's own models. `base` is the org URL
/// (`http://127.0.0.1:PORT`).
struct Rendering {
  var base: String
  var org: Org

  func link(_ path: String) -> JSONValue { ["href": .string(base + path)] }

  func condition(_ condition: SimCondition) -> JSONValue {
    var members: [String: JSONValue] = [
      "id": .string(condition.id), "name": .string(condition.name),
      "priority": .number(Double(condition.priority)),
      "status": .string(condition.status), "requesterSettings": condition.requesterSettings,
      "accessScopeSettings": condition.accessScopeSettings,
      "approvalSequenceId": .string(condition.approvalSequenceId),
      "created": .string(Timestamp.iso(condition.created)), "createdBy": .string(condition.createdBy),
      "lastUpdated": .string(Timestamp.iso(condition.lastUpdated)),
      "lastUpdatedBy": .string(condition.lastUpdatedBy),
      "_links": [
        "self": link(
          "/governance/api/v2/resources/\(condition.resourceId)/request-conditions/\(condition.id)")
      ],
    ]
    if let description = condition.description { members["description"] = .string(description) }
    if let duration = condition.accessDurationSettings { members["accessDurationSettings"] = duration }
    return .object(members)
  }

  func sequence(_ sequence: SimSequence) -> JSONValue {
    [
      "id": .string(sequence.id), "name": .string(sequence.name),
      "description": .string(sequence.description),
      "compatibleResourceTypes": ["APP"], "link": .string(base + "/next/sequences/\(sequence.id)"),
    ]
  }

  func entry(_ entry: SimEntry) -> JSONValue {
    [
      "id": .string(entry.id), "name": .string(entry.name), "description": .string(entry.description),
      "label": "Application", "requestable": true,
      "_links": [
        "self": link("/governance/api/v2/catalogs/default/entries/\(entry.id)"),
        "relatedEntity": link("/api/v1/apps/\(entry.resourceId)"),
      ],
    ]
  }

  func resourceSettings(_ settings: SimResourceSettings) -> JSONValue {
    var onBehalf: [String: JSONValue] = ["allowed": .bool(settings.onBehalfAllowed)]
    if let onlyFor = settings.onBehalfOnlyFor { onBehalf["onlyFor"] = .array(onlyFor.map { .string($0) }) }
    return [
      "validAccessScopeSettings": [["type": "RESOURCE_DEFAULT"], ["type": "GROUPS"]],
      "validRequesterSettings": [["type": "EVERYONE"], ["type": "GROUPS"]],
      "validAccessDurationSettings": [
        "required": false, "maximumDays": 90, "maximumHours": 72, "maximumWeeks": 12,
        "supportedTypes": [["type": "ADMIN_FIXED_DURATION"], ["type": "REQUESTER_SPECIFIED_DURATION"]],
      ],
      "requestOnBehalfOfSettings": .object(onBehalf),
      "validRiskSettings": ["supportedTypes": []],
    ]
  }

  func orgSettings() -> JSONValue {
    [
      "subprocessorsAcknowledged": .bool(org.subprocessorsAcknowledged), "provisioningStatus": "PROVISIONED",
      "requestExperiences": [], "longTimePastProvisioned": false,
    ]
  }

  func request(_ request: SimRequest) -> JSONValue {
    var members: [String: JSONValue] = [
      "id": .string(request.id), "created": .string(Timestamp.iso(request.created)),
      "createdBy": .string(request.requestedBy), "lastUpdated": .string(Timestamp.iso(request.lastUpdated)),
      "lastUpdatedBy": .string(request.decisions.last?.deciderId ?? request.requestedBy),
      "status": .string(request.status),
      "requestedBy": ["type": "OKTA_USER", "externalId": .string(request.requestedBy)],
      "requestedFor": ["type": "OKTA_USER", "externalId": .string(request.requestedFor)],
      "requested": [
        "entryId": .string(request.entryId), "resourceId": .string(request.resourceId),
        "resourceType": "APPLICATION", "accessScopeId": .string(request.resourceId),
        "accessScopeType": "APPLICATION",
      ],
    ]
    var links: [String: JSONValue] = [
      "self": link("/governance/api/v2/requests/\(request.id)"),
      "catalogEntry": link("/governance/api/v2/catalogs/default/entries/\(request.entryId)"),
    ]
    if request.status != "SUBMITTED" {
      links["approvalCondition"] = link(
        "/governance/api/v2/resources/\(request.resourceId)/request-conditions/\(request.conditionId)")
      links["approvalSequence"] = link(
        "/governance/api/v2/resources/\(request.resourceId)/request-sequences/\(request.sequenceId)")
    }
    members["_links"] = .object(links)
    if let grantStatus = request.grantStatus { members["grantStatus"] = .string(grantStatus) }
    if let resolved = request.resolved { members["resolved"] = .string(Timestamp.iso(resolved)) }
    if let granted = request.granted { members["granted"] = .string(Timestamp.iso(granted)) }
    if let values = request.requesterFieldValues { members["requesterFieldValues"] = values }
    if request.status != "SUBMITTED" {
      var approval: [String: JSONValue] = [
        "type": "OKTA", "providerName": "Okta Access Requests",
        "decisions": .array(request.decisions.map(decision)),
      ]
      if request.status == "APPROVED" || request.status == "DENIED" {
        approval["status"] = .string(request.status)
        if let resolved = request.resolved { approval["decided"] = .string(Timestamp.iso(resolved)) }
      }
      members["requestApproval"] = .object(approval)
    }
    return .object(members)
  }

  private func decision(_ decision: SimDecision) -> JSONValue {
    var members: [String: JSONValue] = [
      "deciderId": .string(decision.deciderId), "decision": .string(decision.decision),
      "decided": .string(Timestamp.iso(decision.decided)),
    ]
    if let user = org.users[decision.deciderId] {
      members["deciderName"] = .string(user.login)
    }
    return .object(members)
  }

  func user(_ user: SimUser) -> JSONValue {
    var profile: [String: JSONValue] = [
      "login": .string(user.login), "email": .string(user.email), "firstName": .string(user.firstName),
      "lastName": .string(user.lastName), "mobilePhone": nil, "secondEmail": nil,
    ]
    if let managerId = user.managerId { profile["managerId"] = .string(managerId) }
    return [
      "id": .string(user.id), "status": .string(user.status), "created": .string(Timestamp.iso(user.created)),
      "activated": user.isActive ? .string(Timestamp.iso(user.created)) : nil,
      "statusChanged": .string(Timestamp.iso(user.created)), "lastLogin": nil,
      "lastUpdated": .string(Timestamp.iso(user.created)), "passwordChanged": nil,
      "type": ["id": "oty1simulateddefault0"], "profile": .object(profile),
      "credentials": ["provider": ["type": "OKTA", "name": "OKTA"]],
      "_links": ["self": link("/api/v1/users/\(user.id)")],
    ]
  }

  func app(_ app: SimApp) -> JSONValue {
    [
      "id": .string(app.id), "name": "bookmark", "label": .string(app.label), "status": "ACTIVE",
      "signOnMode": "BOOKMARK", "created": .string(Timestamp.iso(app.created)),
      "lastUpdated": .string(Timestamp.iso(app.created)), "features": [],
      "orn": .string("orn:okta:idp:00osimulatedorg00001:apps:bookmark:\(app.id)"),
      "accessibility": ["selfService": false],
      "visibility": ["autoSubmitToolbar": false, "autoLaunch": false],
      "settings": ["app": ["url": .string(app.url), "requestIntegration": false]],
      "_links": ["appLinks": []],
    ]
  }
}
