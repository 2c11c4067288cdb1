import Foundation

/// An access request as the org reports it, reduced to what the migration uses.
public struct ObservedRequest: Equatable, Sendable, Codable {
  public var id: String
  public var userID: String
  public var entryID: String?
  public var resourceID: String?
  /// SUBMITTED, PENDING, APPROVED, DENIED, REJECTED, CANCELED, EXPIRED.
  public var status: String
  /// PENDING, GRANTED, FAILED, MANUAL_REQUIRED (after APPROVED).
  public var grantStatus: String?
  /// The condition that matched (`_links.approvalCondition`), when the org says.
  public var approvalConditionID: String?
  public var created: Date
  public var lastUpdated: Date

  public init(
    id: String, userID: String, entryID: String?, resourceID: String? = nil, status: String,
    grantStatus: String? = nil, approvalConditionID: String? = nil, created: Date, lastUpdated: Date? = nil
  ) {
    self.id = id
    self.userID = userID
    self.entryID = entryID
    self.resourceID = resourceID
    self.status = status
    self.grantStatus = grantStatus
    self.approvalConditionID = approvalConditionID
    self.created = created
    self.lastUpdated = lastUpdated ?? created
  }
}
