/// Okta's error object (`error` / `Error` in the specs).
public struct OktaErrorBody: Codable, Sendable, Hashable {
  public struct Cause: Codable, Sendable, Hashable {
    public var errorSummary: String?
    public var reason: String?
    public var location: String?
    public var locationType: String?
    public var domain: String?

    public init(errorSummary: String?, reason: String? = nil, location: String? = nil) {
      self.errorSummary = errorSummary
      self.reason = reason
      self.location = location
    }
  }

  public var errorCode: String?
  public var errorSummary: String?
  public var errorLink: String?
  public var errorId: String?
  public var errorCauses: [Cause]?

  public init(errorCode: String?, errorSummary: String?, errorId: String? = nil, errorCauses: [Cause]? = nil)
  {
    self.errorCode = errorCode
    self.errorSummary = errorSummary
    self.errorId = errorId
    self.errorCauses = errorCauses
  }
}
