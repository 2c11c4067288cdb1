import Foundation

/// One mutating API call, as the audit trail keeps it. Never holds a credential.
public struct AuditEntry: Equatable, Sendable, Codable {
  public var at: Date
  /// What was done, e.g. `request.create`, `condition.activate`.
  public var action: String
  /// What it was done to (a user/entry pair, a condition id…).
  public var target: String
  /// The outcome: `202`, `409 E0000001 …`, `timeout`…
  public var result: String
  /// Okta's `X-Okta-Request-Id`, for support cases.
  public var oktaRequestID: String?

  public init(at: Date, action: String, target: String, result: String, oktaRequestID: String? = nil) {
    self.at = at
    self.action = action
    self.target = target
    self.result = result
    self.oktaRequestID = oktaRequestID
  }
}
