/// A request's lifecycle status. Unknown future values decode as themselves.
public struct RequestStatus: OpenEnum {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let submitted: Self = "SUBMITTED"
  public static let pending: Self = "PENDING"
  public static let approved: Self = "APPROVED"
  public static let denied: Self = "DENIED"
  public static let rejected: Self = "REJECTED"
  public static let canceled: Self = "CANCELED"
  public static let expired: Self = "EXPIRED"

  /// Whether the request can no longer change status.
  public var isFinal: Bool { [.approved, .denied, .rejected, .canceled, .expired].contains(self) }
}

/// Whether access was provisioned after approval.
public struct GrantStatus: OpenEnum {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let pending: Self = "PENDING"
  public static let granted: Self = "GRANTED"
  public static let failed: Self = "FAILED"
  public static let manualRequired: Self = "MANUAL_REQUIRED"
}

/// A user a request is by or for (`target-principal`).
public struct Principal: Codable, Sendable, Hashable {
  /// The Okta user id (`00u…`).
  public var externalId: String
  public var type: String

  public init(userID: String) {
    externalId = userID
    type = "OKTA_USER"
  }
}

/// What a request asks for (`requested`).
public struct RequestedResource: Codable, Sendable, Hashable {
  public var entryId: String?
  public var resourceId: String?
  public var resourceType: String?
  public var accessScopeId: String?
  public var accessScopeType: String?
}

/// One approver's decision.
public struct ApprovalDecision: Codable, Sendable, Hashable {
  public var deciderId: String?
  public var deciderName: String?
  public var decision: String?
  public var decided: String?
}

/// How a request was approved (`request-approval-2`). Auto-approval shows no decisions.
public struct RequestApproval: Codable, Sendable, Hashable {
  public var type: String?
  public var providerName: String?
  public var status: String?
  public var decided: String?
  public var decisions: [ApprovalDecision]?
}

/// An access request (`request-full-2`, `request-sparse-2`, `request-submission-full`).
public struct AccessRequest: Codable, Sendable, Hashable, Identifiable {
  public struct Links: Codable, Sendable, Hashable {
    public var `self`: Link?
    public var catalogEntry: Link?
    /// The condition that matched: proof the temporary condition was the one applied.
    public var approvalCondition: Link?
    public var approvalSequence: Link?
  }

  public var id: String
  public var status: RequestStatus
  public var grantStatus: GrantStatus?
  public var revocationStatus: String?
  public var requestedBy: Principal?
  public var requestedFor: Principal
  public var requested: RequestedResource
  public var created: String?
  public var createdBy: String?
  public var lastUpdated: String?
  public var lastUpdatedBy: String?
  public var resolved: String?
  public var granted: String?
  public var revoked: String?
  public var accessDuration: String?
  public var requestApproval: RequestApproval?
  public var links: Links?

  enum CodingKeys: String, CodingKey {
    case id, status, grantStatus, revocationStatus, requestedBy, requestedFor, requested, created, createdBy
    case lastUpdated, lastUpdatedBy, resolved, granted, revoked, accessDuration, requestApproval
    case links = "_links"
  }

  /// The id of the condition that decided this request, from `_links.approvalCondition`.
  public var approvalConditionID: String? { links?.approvalCondition?.targetID }
}

/// The body that creates a request on someone's behalf (`request-creatable-2`).
public struct NewAccessRequest: Codable, Sendable, Hashable {
  public struct Requested: Codable, Sendable, Hashable {
    public var type: String
    public var entryId: String
  }

  /// One answer to a requester field of the approval sequence.
  public struct FieldValue: Codable, Sendable, Hashable {
    public var id: String
    public var type: String?
    public var value: String?
    public var values: [String]?

    public init(id: String, type: String? = nil, value: String? = nil, values: [String]? = nil) {
      self.id = id
      self.type = type
      self.value = value
      self.values = values
    }
  }

  public var requested: Requested
  public var requestedFor: Principal
  public var requesterFieldValues: [FieldValue]?

  /// A request for catalog entry `entryID` on behalf of user `userID` (`00u…`).
  public init(entryID: String, forUser userID: String, fieldValues: [FieldValue]? = nil) {
    requested = Requested(type: "CATALOG_ENTRY", entryId: entryID)
    requestedFor = Principal(userID: userID)
    requesterFieldValues = fieldValues
  }
}
