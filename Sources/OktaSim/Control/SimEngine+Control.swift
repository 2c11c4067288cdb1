import Foundation

extension SimEngine {
  /// The `/__sim/` control API (JSON in, JSON out; no auth; not counted in rate limits or call counts).
  func control(_ request: HTTPRequest) -> HTTPResponse {
    let parts = request.path.split(separator: "/").map(String.init).dropFirst()  // drop "__sim"
    let body: JSONValue
    if request.body.isEmpty {
      body = .object([:])
    } else {
      do {
        body = try JSONParser.parse(request.body)
      } catch {
        return Self.controlError(400, "the body is not valid JSON: \(error)")
      }
    }
    do throws(ControlError) {
      let result = try controlRoute(request.method, Array(parts), body, request)
      return HTTPResponse.json(200, result)
    } catch {
      return Self.controlError(error.message.hasPrefix("no such") ? 404 : 400, error.message)
    }
  }

  private static func controlError(_ status: Int, _ message: String) -> HTTPResponse {
    .json(status, ["error": .string(message)])
  }

  private func controlRoute(_ method: String, _ parts: [String], _ body: JSONValue, _ request: HTTPRequest)
    throws(ControlError) -> JSONValue
  {
    switch (method, parts.first ?? "", parts.count) {
    case ("GET", "", _): return Self.help
    case ("GET", "state", 1): return stateDump()
    case ("GET", "request-counts", 1):
      return requestCounts(duplicatesOnly: request.queryValue("duplicates") == "true")
    case ("GET", "calls", 1): return callCounts()
    case ("DELETE", "calls", 1):
      state.withLock {
        $0.calls.removeAll()
        $0.statuses.removeAll()
      }
      return callCounts()
    case ("POST", "requests", 3) where parts[2] == "approve" || parts[2] == "deny":
      return try decide(parts[1], approve: parts[2] == "approve", deciderId: body["deciderId"]?.stringValue)
    case ("GET", "faults", 1): return faultList()
    case ("POST", "faults", 1):
      let rules = try (body["rules"]?.arrayValue ?? [body]).map { (json) throws(ControlError) in
        try FaultRule(json: json)
      }
      let now = clock.now()
      state.withLock { state in
        for rule in rules { state.faults.add(rule, now: now) }
      }
      return faultList()
    case ("DELETE", "faults", 1):
      state.withLock { $0.faults.clear() }
      return faultList()
    case ("GET", "clock", 1): return clockState()
    case ("POST", "clock", 1):
      if let scale = body["timeScale"]?.doubleValue {
        guard scale >= 0, scale <= SimClock.maximumScale else {
          throw ControlError("timeScale must be between 0 and \(Int(SimClock.maximumScale))")
        }
        clock.setTimeScale(scale)
      }
      if let seconds = body["advanceSeconds"]?.doubleValue {
        guard seconds >= 0, seconds <= SimClock.maximumStep else {
          throw ControlError("advanceSeconds must be between 0 and \(Int(SimClock.maximumStep))")
        }
        clock.advance(by: seconds)
      }
      return clockState()
    case ("GET", "auth", 1): return ["mode": .string(state.withLock { $0.authMode.rawValue })]
    case ("POST", "auth", 1):
      guard let name = body["mode"]?.stringValue, let mode = SimState.AuthMode(rawValue: name) else {
        throw ControlError(
          "mode must be one of: \(SimState.AuthMode.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      state.withLock { $0.authMode = mode }
      return ["mode": .string(mode.rawValue)]
    case ("GET", "limits", 1): return limits()
    case ("POST", "limits", 1):
      try setLimits(body)
      return limits()
    case ("POST", "reset", 1):
      let fresh = fresh()
      state.withLock { state in
        let base = state.base
        state = fresh
        state.base = base
        state.dirty = true
      }
      return ["reset": true]
    default:
      throw ControlError(
        "no such control endpoint: \(method) /__sim/\(parts.joined(separator: "/")) (GET /__sim/ lists them)")
    }
  }

  static let help: JSONValue = [
    "endpoints": [
      "GET /__sim/state", "GET /__sim/request-counts[?duplicates=true]", "GET|DELETE /__sim/calls",
      "POST /__sim/requests/{id}/approve|deny {deciderId?}",
      "GET|POST|DELETE /__sim/faults {endpoint, kind, share, count, delayMs, seconds} or {rules:[…]}",
      "GET|POST /__sim/clock {timeScale?, advanceSeconds?}",
      "GET|POST /__sim/auth {mode: ok|notAdmin|notAssigned}",
      "GET|POST /__sim/limits {defaultRateLimit?, rateLimits?{endpoint: n}, concurrency?, processing?{…}}",
      "POST /__sim/reset",
    ],
    "faultKinds": .array(FaultKind.allCases.map { .string($0.rawValue) }),
    "endpointNames": .array(SimEndpoint.allCases.map { .string($0.rawValue) }),
  ]

  private func stateDump() -> JSONValue {
    let now = clock.now()
    return state.withLock { state in
      state.org.advance(to: now, model: state.model)
      let rendering = state.rendering
      let org = state.org
      return [
        "now": .string(Timestamp.iso(now)), "timeScale": .number(clock.timeScale),
        "authMode": .string(state.authMode.rawValue), "adminUserId": .string(org.adminUserId),
        "backlog": .number(Double(org.backlog(at: now, model: state.model))),
        "apps": .array(org.appOrder.compactMap { org.apps[$0] }.map(rendering.app)),
        "entries": .array(org.entryOrder.compactMap { org.entries[$0] }.map(rendering.entry)),
        "sequences": .array(
          org.sequenceOrder.compactMap { org.sequences[$0] }.map { sequence in
            var json = rendering.sequence(sequence).objectValue ?? [:]
            json["autoApprove"] = .bool(sequence.autoApprove)
            return .object(json)
          }),
        "conditions": .array(
          org.appOrder.flatMap { org.conditions(of: $0) }.map { condition in
            var json = rendering.condition(condition).objectValue ?? [:]
            json["resourceId"] = .string(condition.resourceId)
            return .object(json)
          }),
        "settings": .object(org.settings.mapValues(rendering.resourceSettings)),
        "groups": .array(
          org.groups.values.sorted { $0.name < $1.name }.map {
            ["id": .string($0.id), "name": .string($0.name)]
          }),
        "users": .array(
          org.userOrder.compactMap { org.users[$0] }.map { user in
            [
              "id": .string(user.id), "login": .string(user.login), "status": .string(user.status),
              "groupIds": .array(user.groupIds.map { .string($0) }),
            ]
          }),
        "requests": .array(
          org.requestOrder.compactMap { org.requests[$0] }.map { request in
            var json = rendering.request(request).objectValue ?? [:]
            json["stuck"] = .bool(request.stuck)
            json["messages"] = .number(Double(request.messages))
            return .object(json)
          }),
      ]
    }
  }

  private func requestCounts(duplicatesOnly: Bool) -> JSONValue {
    state.withLock { state in
      var counts: [String: (user: String, entry: String, count: Int)] = [:]
      var order: [String] = []
      for id in state.org.requestOrder {
        guard let request = state.org.requests[id] else { continue }
        let key = request.requestedFor + "|" + request.entryId
        if counts[key] == nil { order.append(key) }
        counts[key, default: (request.requestedFor, request.entryId, 0)].count += 1
      }
      let rows = order.compactMap { counts[$0] }.filter { !duplicatesOnly || $0.count > 1 }
      return [
        "counts": .array(
          rows.map {
            ["userId": .string($0.user), "entryId": .string($0.entry), "count": .number(Double($0.count))]
          }),
        "pairs": .number(Double(order.count)), "requests": .number(Double(state.org.requestOrder.count)),
        "duplicates": .number(Double(counts.values.filter { $0.count > 1 }.count)),
      ]
    }
  }

  private func callCounts() -> JSONValue {
    state.withLock { state in
      var calls: [String: JSONValue] = [:]
      for (endpoint, count) in state.calls { calls[endpoint.rawValue] = .number(Double(count)) }
      var statuses: [String: JSONValue] = [:]
      for (endpoint, byStatus) in state.statuses {
        var counts: [String: JSONValue] = [:]
        for (status, count) in byStatus {
          let name =
            switch status {
            case SimState.droppedStatus: "dropped"
            case SimState.resetStatus: "reset"
            default: String(status)
            }
          counts[name] = .number(Double(count))
        }
        statuses[endpoint.rawValue] = .object(counts)
      }
      return [
        "calls": .object(calls), "statuses": .object(statuses),
        "total": .number(Double(state.calls.values.reduce(0, +))),
      ]
    }
  }

  private func decide(_ id: String, approve: Bool, deciderId: String?) throws(ControlError) -> JSONValue {
    let now = clock.now()
    let outcome = state.withLock { state -> Result<JSONValue, ControlError> in
      switch state.org.decide(
        requestId: id, approve: approve, deciderId: deciderId, now: now, model: state.model)
      {
      case .success(let request):
        state.dirty = true
        return .success(state.rendering.request(request))
      case .failure(.notFound): return .failure(ControlError("no such request: \(id)"))
      case .failure(.notPending(let status)):
        return .failure(
          ControlError("request \(id) is \(status); only PENDING (or SUBMITTED) requests can be decided"))
      }
    }
    return try outcome.get()
  }

  private func faultList() -> JSONValue {
    ["rules": .array(state.withLock { $0.faults.rules.map(\.json) })]
  }

  private func clockState() -> JSONValue {
    let now = clock.now()
    return [
      "now": .string(Timestamp.iso(now)), "epochSeconds": .number(now), "timeScale": .number(clock.timeScale),
    ]
  }

  private func limits() -> JSONValue {
    state.withLock { state in
      var rates: [String: JSONValue] = [:]
      for endpoint in SimEndpoint.allCases {
        rates[endpoint.rawValue] = .number(Double(state.rateLimiter.limit(for: endpoint)))
      }
      let model = state.model
      return [
        "defaultRateLimit": .number(Double(state.rateLimiter.defaultLimit)), "rateLimits": .object(rates),
        "concurrency": .number(Double(state.concurrencyLimit)),
        "processing": [
          "capacityPerMinute": .number(model.capacityPerMinute),
          "backlogThreshold": .number(Double(model.backlogThreshold)),
          "stuckChance": .number(model.stuckChance),
          "grantSeconds": .number(model.grantSeconds), "grantFailureShare": .number(model.grantFailureShare),
        ],
      ]
    }
  }

  private func setLimits(_ body: JSONValue) throws(ControlError) {
    var rates: [SimEndpoint: Int] = [:]
    for (name, value) in body["rateLimits"]?.objectValue ?? [:] {
      guard let endpoint = SimEndpoint(rawValue: name) else {
        throw ControlError("unknown endpoint \"\(name)\"")
      }
      guard let limit = value.intValue, limit >= 0 else {
        throw ControlError("rate limit of \(name) must be an integer >= 0")
      }
      rates[endpoint] = limit
    }
    let defaultLimit = body["defaultRateLimit"]?.intValue
    let concurrency = body["concurrency"]?.intValue
    if let concurrency, concurrency < 1 { throw ControlError("concurrency must be >= 1") }
    let processing = body["processing"]?.objectValue ?? [:]
    state.withLock { state in
      if let defaultLimit { state.rateLimiter.defaultLimit = defaultLimit }
      state.rateLimiter.limits.merge(rates) { _, new in new }
      if let concurrency { state.concurrencyLimit = concurrency }
      if let value = processing["capacityPerMinute"]?.doubleValue { state.model.capacityPerMinute = value }
      if let value = processing["backlogThreshold"]?.intValue { state.model.backlogThreshold = value }
      if let value = processing["stuckChance"]?.doubleValue { state.model.stuckChance = value }
      if let value = processing["grantSeconds"]?.doubleValue { state.model.grantSeconds = value }
      if let value = processing["grantFailureShare"]?.doubleValue { state.model.grantFailureShare = value }
    }
  }
}
