/// How a call to the org failed, as the migration needs to tell failures apart.
public enum OrgFailure: Error, Equatable, Sendable, CustomStringConvertible {
  /// 429: nothing was done; wait `retryAfter` seconds (from `X-Rate-Limit-Reset − Date + 1`) when known.
  case rateLimited(retryAfter: Double?)
  /// 5xx: the org is struggling; a POST may or may not have been accepted.
  case serverError(status: Int, summary: String)
  /// The request went out but no answer came back (timeout, reset): a POST is in doubt.
  case noAnswer(String)
  /// The request never left (DNS, refused connection): surely not done.
  case unreachable(String)
  /// 401/403: the token or role no longer allows this; the run must stop.
  case unauthorized(status: Int, summary: String)
  /// Any other 4xx: this call is wrong and retrying will not help.
  case rejected(status: Int, code: String?, summary: String)

  public var description: String {
    switch self {
    case .rateLimited(let after):
      "rate limited (429)" + (after.map { ", retry in \(Int($0.rounded(.up))) s" } ?? "")
    case .serverError(let status, let summary): "server error \(status): \(summary)"
    case .noAnswer(let detail): "no answer: \(detail)"
    case .unreachable(let detail): "org unreachable: \(detail)"
    case .unauthorized(let status, let summary): "not authorized (\(status)): \(summary)"
    case .rejected(let status, let code, let summary):
      "rejected \(status)\(code.map { " \($0)" } ?? ""): \(summary)"
    }
  }

  /// True when the org may have acted on a POST despite the failure.
  public var mayHaveBeenAccepted: Bool {
    switch self {
    case .serverError, .noAnswer: true
    default: false
    }
  }

  /// What a user should do about a failure that stops the run.
  public var fix: String? {
    switch self {
    case .unauthorized(401, _):
      "the API token was revoked or expired: set a new one (okta.yaml or OKTA_CLIENT_TOKEN), `connect`, then `submit` to resume"
    case .unauthorized:
      "the caller lost a role or scope: it needs the Access Requests Admin role and okta.accessRequests.request.manage; then `submit` to resume"
    default: nil
    }
  }
}
