/// An Okta user as the simulator keeps it.
struct SimUser: Codable, Sendable, Equatable {
  var id: String
  var login: String
  var email: String
  var firstName: String
  var lastName: String
  /// `ACTIVE` or `DEPROVISIONED` (deactivated).
  var status: String
  var groupIds: [String]
  var managerId: String?
  var created: Double

  var isActive: Bool { status == "ACTIVE" }
}

/// An Okta group (only its id and name matter here: GROUPS requester settings).
struct SimGroup: Codable, Sendable, Equatable {
  var id: String
  var name: String
}

/// An app instance (a bookmark app is enough to be a requestable resource).
struct SimApp: Codable, Sendable, Equatable {
  var id: String
  var label: String
  var url: String
  var created: Double
}

/// A catalog entry for an app.
struct SimEntry: Codable, Sendable, Equatable {
  var id: String
  var name: String
  var description: String
  var resourceId: String
}

/// An approval sequence; `autoApprove` sequences have no approver steps.
struct SimSequence: Codable, Sendable, Equatable {
  var id: String
  var name: String
  var description: String
  var autoApprove: Bool
}

/// A request condition of a resource. The settings objects are kept as sent (already validated).
struct SimCondition: Codable, Sendable, Equatable {
  var id: String
  var resourceId: String
  var name: String
  var description: String?
  var priority: Int
  /// `ACTIVE`, `INACTIVE` or `INVALID`.
  var status: String
  var requesterSettings: JSONValue
  var accessScopeSettings: JSONValue
  var accessDurationSettings: JSONValue?
  var approvalSequenceId: String
  var created: Double
  var createdBy: String
  var lastUpdated: Double
  var lastUpdatedBy: String

  /// Whether this condition lets `user` request.
  func admits(_ user: SimUser) -> Bool {
    switch requesterSettings["type"]?.stringValue {
    case "EVERYONE": return true
    case "GROUPS":
      let ids = (requesterSettings["groups"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
      return ids.contains(where: user.groupIds.contains)
    default: return false
    }
  }
}

/// A resource's request settings (only on-behalf-of is writable here; the rest is derived).
struct SimResourceSettings: Codable, Sendable, Equatable {
  var onBehalfAllowed: Bool
  var onBehalfOnlyFor: [String]?
}

/// An approval decision recorded on a request.
struct SimDecision: Codable, Sendable, Equatable {
  var deciderId: String
  var decision: String
  var decided: Double
}

/// An access request and where it stands in its lifecycle.
struct SimRequest: Codable, Sendable, Equatable {
  var id: String
  var number: Int
  var entryId: String
  var resourceId: String
  var requestedFor: String
  var requestedBy: String
  var created: Double
  var lastUpdated: Double
  /// SUBMITTED, PENDING, APPROVED, DENIED, …
  var status: String
  var grantStatus: String?
  var resolved: Double?
  var granted: Double?
  var conditionId: String
  var sequenceId: String
  var autoApprove: Bool
  /// Never leaves SUBMITTED (the field's stuck requests).
  var stuck: Bool
  /// When the org picks it up (leaves SUBMITTED).
  var processAt: Double
  /// When the grant finishes, once approved.
  var grantAt: Double?
  var grantFails: Bool
  var decisions: [SimDecision]
  var requesterFieldValues: JSONValue?
  var messages: Int = 0

  /// True once nothing more will happen to it by itself.
  var isSettled: Bool {
    if stuck { return true }
    switch status {
    case "SUBMITTED": return false
    case "PENDING": return true  // waits for a human (the control API)
    case "APPROVED": return grantStatus != "PENDING"
    default: return true
    }
  }
}
