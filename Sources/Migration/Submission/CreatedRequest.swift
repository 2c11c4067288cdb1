/// The org's answer to a create: the request and `X-Okta-Request-Id` for the audit trail.
public struct CreatedRequest: Equatable, Sendable {
  public var request: ObservedRequest
  public var oktaRequestID: String?

  public init(request: ObservedRequest, oktaRequestID: String?) {
    self.request = request
    self.oktaRequestID = oktaRequestID
  }
}
