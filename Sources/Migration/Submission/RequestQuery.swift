import Foundation

/// Which requests to list: always one resource, optionally one user, optionally updated after a time.
public struct RequestQuery: Equatable, Sendable {
  public var resourceID: String
  public var userID: String?
  public var updatedAfter: Date?

  public init(resourceID: String, userID: String? = nil, updatedAfter: Date? = nil) {
    self.resourceID = resourceID
    self.userID = userID
    self.updatedAfter = updatedAfter
  }
}
