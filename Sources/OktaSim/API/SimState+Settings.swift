extension SimState {
  func listSequences(resource key: String) throws(OktaError) -> Reply {
    let app = try resource(key)
    return .ok([
      "data": .array(org.sequenceOrder.compactMap { org.sequences[$0] }.map(rendering.sequence)),
      "_links": [
        "self": rendering.link("/governance/api/v2/resources/\(app.id)/request-sequences"),
        "newSequence": rendering.link("/next/sequences/new"),
      ],
    ])
  }

  func getSequence(resource key: String, id: String) throws(OktaError) -> Reply {
    _ = try resource(key)
    guard let sequence = org.sequences[id] else { throw .notFound(id, "RequestSequence") }
    return .ok(rendering.sequence(sequence))
  }

  /// Deletes a sequence; the conditions that used it become INVALID, as Okta does.
  mutating func deleteSequence(_ id: String, now: Double) throws(OktaError) -> Reply {
    guard org.sequences[id] != nil else { throw .notFound(id, "RequestSequence") }
    org.sequences[id] = nil
    org.sequenceOrder.removeAll { $0 == id }
    for (conditionId, condition) in org.conditions where condition.approvalSequenceId == id {
      org.conditions[conditionId]?.status = "INVALID"
      org.conditions[conditionId]?.lastUpdated = now
    }
    dirty = true
    return Reply(status: 204, body: nil)
  }

  mutating func patchOrgSettings(_ request: HTTPRequest) throws(OktaError) -> Reply {
    let body = try jsonBody(request, schema: "OrgRequestSettings")
    var check = BodyCheck()
    if let members = check.object(body, at: "") {
      if let acknowledged = check.bool(members["subprocessorsAcknowledged"], at: "/subprocessorsAcknowledged")
      {
        org.subprocessorsAcknowledged = acknowledged
      }
    }
    guard check.isValid else { throw .validation("OrgRequestSettings", check.causes) }
    dirty = true
    return .ok(["subprocessorsAcknowledged": .bool(org.subprocessorsAcknowledged)])
  }

  func getResourceSettings(resource key: String) throws(OktaError) -> Reply {
    let app = try resource(key)
    return .ok(
      rendering.resourceSettings(org.settings[app.id] ?? SimResourceSettings(onBehalfAllowed: false)))
  }

  mutating func patchResourceSettings(resource key: String, _ request: HTTPRequest) throws(OktaError) -> Reply
  {
    let app = try resource(key)
    let body = try jsonBody(request, schema: "Request settings")
    var settings = org.settings[app.id] ?? SimResourceSettings(onBehalfAllowed: false)
    guard let members = body.objectValue else {
      throw .validation("Request settings", [OktaError.Cause(summary: "The request body must be an object")])
    }
    let unknown = members.keys.filter { $0 != "requestOnBehalfOfSettings" && $0 != "riskSettings" }.sorted()
    guard unknown.isEmpty else {
      throw .validation(
        "Request settings has invalid properties",
        [
          OktaError.Cause(
            summary: "Request settings has invalid properties: \(unknown.joined(separator: ", "))")
        ])
    }
    guard !members.isEmpty else {
      throw .validation(
        "Request settings missing required fields",
        [OktaError.Cause(summary: "Request settings is missing required fields")])
    }
    var check = BodyCheck()
    switch members["requestOnBehalfOfSettings"] {
    case .none: break
    case .some(.null): settings = SimResourceSettings(onBehalfAllowed: false, onBehalfOnlyFor: nil)
    case .some(let value):
      if let onBehalf = check.object(value, at: "/requestOnBehalfOfSettings") {
        let allowed = check.bool(onBehalf["allowed"], at: "/requestOnBehalfOfSettings/allowed")
        var onlyFor: [String]?
        if let list = onBehalf["onlyFor"], list != .null {
          onlyFor = (check.array(list, at: "/requestOnBehalfOfSettings/onlyFor", minItems: 1) ?? [])
            .enumerated()
            .compactMap { index, item in
              check.string(
                item, at: "/requestOnBehalfOfSettings/onlyFor/\(index)", allowed: ["DIRECT_REPORT"])
            }
        }
        if let allowed { settings = SimResourceSettings(onBehalfAllowed: allowed, onBehalfOnlyFor: onlyFor) }
      }
    }
    if let risk = members["riskSettings"] { _ = check.object(risk, at: "/riskSettings") }
    guard check.isValid else { throw .validation("Request settings", check.causes) }
    org.settings[app.id] = settings
    dirty = true
    return .ok(rendering.resourceSettings(settings))
  }
}
