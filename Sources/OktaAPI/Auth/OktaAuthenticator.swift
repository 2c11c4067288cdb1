/// Puts credentials on each attempt of a request.
///
/// Called once per attempt (retries included), so a later OAuth/DPoP implementation can mint a
/// fresh proof every time, as Okta requires.
public protocol OktaAuthenticator: Sendable {
  /// Adds the `Authorization` header (and anything else the scheme needs).
  func authorize(_ request: inout HTTPRequest) async throws
  /// Every secret value this authenticator holds, so traces and errors can be scrubbed of them.
  var secrets: [String] { get }
}

/// `Authorization: SSWS <api token>`: Okta's API tokens.
public struct SSWSAuthenticator: OktaAuthenticator {
  private let token: Secret

  public init(token: Secret) { self.token = token }

  public func authorize(_ request: inout HTTPRequest) async throws {
    request.headers.set("Authorization", "SSWS " + token.reveal())
  }

  public var secrets: [String] { [token.reveal()] }
}
