/// A request condition's status; a new condition is `INACTIVE` until activated.
public struct ConditionStatus: OpenEnum {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let active: Self = "ACTIVE"
  public static let inactive: Self = "INACTIVE"
  public static let invalid: Self = "INVALID"
  public static let deleted: Self = "DELETED"
}

/// A request condition of a resource (`request-condition-full` / `-sparse`): who may request what,
/// and which approval sequence decides. The smallest `priority` wins; 0 is the top.
public struct RequestCondition: Codable, Sendable, Hashable, Identifiable {
  public var id: String
  public var name: String
  public var description: String?
  public var status: ConditionStatus
  public var priority: Int?
  /// `{"type": "EVERYONE"}` or `{"type": "GROUPS", "groups": [...]}`, kept verbatim.
  public var requesterSettings: JSONValue?
  /// `{"type": "RESOURCE_DEFAULT"}`, `GROUPS` or `ENTITLEMENT_BUNDLES`, kept verbatim.
  public var accessScopeSettings: JSONValue?
  public var accessDurationSettings: JSONValue?
  /// Absent when the sequence was deleted (the condition is then `INVALID`).
  public var approvalSequenceId: String?
  public var created: String?
  public var createdBy: String?
  public var lastUpdated: String?
  public var lastUpdatedBy: String?
  public var links: JSONValue?

  enum CodingKeys: String, CodingKey {
    case id, name, description, status, priority, requesterSettings, accessScopeSettings
    case accessDurationSettings, approvalSequenceId, created, createdBy, lastUpdated, lastUpdatedBy
    case links = "_links"
  }
}

/// The body that creates a condition (`request-condition-creatable`).
public struct NewRequestCondition: Codable, Sendable, Hashable {
  public var name: String
  public var description: String?
  public var requesterSettings: JSONValue
  public var accessScopeSettings: JSONValue
  public var accessDurationSettings: JSONValue?
  public var approvalSequenceId: String
  public var priority: Int?

  public init(
    name: String, description: String? = nil, requesterSettings: JSONValue, accessScopeSettings: JSONValue,
    accessDurationSettings: JSONValue? = nil, approvalSequenceId: String, priority: Int? = nil
  ) {
    self.name = name
    self.description = description
    self.requesterSettings = requesterSettings
    self.accessScopeSettings = accessScopeSettings
    self.accessDurationSettings = accessDurationSettings
    self.approvalSequenceId = approvalSequenceId
    self.priority = priority
  }

  /// A copy of `condition` (same requesters, scope and duration) under another name and sequence.
  public init(
    mirroring condition: RequestCondition, name: String, approvalSequenceId: String, priority: Int? = 0
  ) {
    self.init(
      name: name, description: condition.description,
      requesterSettings: condition.requesterSettings ?? .object(["type": "EVERYONE"]),
      accessScopeSettings: condition.accessScopeSettings ?? .object(["type": "RESOURCE_DEFAULT"]),
      accessDurationSettings: condition.accessDurationSettings, approvalSequenceId: approvalSequenceId,
      priority: priority)
  }
}

/// A partial update of a condition (`request-condition-patchable`); `nil` fields are left out.
public struct RequestConditionPatch: Codable, Sendable, Hashable {
  public var name: String?
  public var description: String?
  public var requesterSettings: JSONValue?
  public var accessScopeSettings: JSONValue?
  public var accessDurationSettings: JSONValue?
  public var approvalSequenceId: String?
  public var priority: Int?

  public init(
    name: String? = nil, description: String? = nil, requesterSettings: JSONValue? = nil,
    accessScopeSettings: JSONValue? = nil, accessDurationSettings: JSONValue? = nil,
    approvalSequenceId: String? = nil, priority: Int? = nil
  ) {
    self.name = name
    self.description = description
    self.requesterSettings = requesterSettings
    self.accessScopeSettings = accessScopeSettings
    self.accessDurationSettings = accessDurationSettings
    self.approvalSequenceId = approvalSequenceId
    self.priority = priority
  }
}

extension JSONValue: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self = .string(value) }
}
