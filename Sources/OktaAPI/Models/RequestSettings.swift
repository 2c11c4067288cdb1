/// Org-wide Access Requests settings (`org-request-settings`).
public struct OrgRequestSettings: Codable, Sendable, Hashable {
  public var subprocessorsAcknowledged: Bool?
  public var provisioningStatus: String?
  public var requestExperiences: [String]?
  public var longTimePastProvisioned: Bool?
}

/// The one patchable org setting (`org-request-settings-patchable`).
public struct OrgRequestSettingsPatch: Codable, Sendable, Hashable {
  public var subprocessorsAcknowledged: Bool
  public init(subprocessorsAcknowledged: Bool) { self.subprocessorsAcknowledged = subprocessorsAcknowledged }
}

/// Whether, and for whom, a requester may ask on someone else's behalf. The migration needs it
/// allowed on the resource.
public struct RequestOnBehalfOfSettings: Codable, Sendable, Hashable {
  public var allowed: Bool
  /// `DIRECT_REPORT`…; absent means on behalf of anyone.
  public var onlyFor: [String]?

  public init(allowed: Bool = true, onlyFor: [String]? = nil) {
    self.allowed = allowed
    self.onlyFor = onlyFor
  }
}

/// A resource's request settings (`request-settings`).
public struct ResourceRequestSettings: Codable, Sendable, Hashable {
  public var requestOnBehalfOfSettings: RequestOnBehalfOfSettings?
  public var validAccessScopeSettings: JSONValue?
  public var validRequesterSettings: JSONValue?
  public var validAccessDurationSettings: JSONValue?
  public var validRiskSettings: JSONValue?
  public var riskSettings: JSONValue?
}

/// A partial update of a resource's request settings (`resource-request-settings-patchable`).
public struct ResourceRequestSettingsPatch: Encodable, Sendable, Hashable {
  /// What to do with `requestOnBehalfOfSettings`: Okta turns it off with an explicit `null`.
  public enum OnBehalfOf: Sendable, Hashable {
    case unchanged
    case set(RequestOnBehalfOfSettings)
    case disallow
  }

  public var requestOnBehalfOf: OnBehalfOf
  public var riskSettings: JSONValue?

  public init(requestOnBehalfOf: OnBehalfOf = .unchanged, riskSettings: JSONValue? = nil) {
    self.requestOnBehalfOf = requestOnBehalfOf
    self.riskSettings = riskSettings
  }

  enum CodingKeys: String, CodingKey { case requestOnBehalfOfSettings, riskSettings }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch requestOnBehalfOf {
    case .unchanged: break
    case .set(let settings): try container.encode(settings, forKey: .requestOnBehalfOfSettings)
    case .disallow: try container.encodeNil(forKey: .requestOnBehalfOfSettings)
    }
    try container.encodeIfPresent(riskSettings, forKey: .riskSettings)
  }
}
