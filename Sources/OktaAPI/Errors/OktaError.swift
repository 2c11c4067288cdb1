import Foundation

/// Every failure of an ``OktaClient`` call: what was asked, what came back, and one clear line.
///
/// Never holds request headers, so a token cannot leak through it; messages are also scrubbed of
/// the client's secrets before they are stored.
public struct OktaError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
  public enum Kind: Sendable, Hashable {
    /// Okta answered with an error status (see ``status`` and ``body``).
    case api
    /// Okta kept answering 429 after every allowed retry.
    case rateLimited
    /// No answer: see the transport error kind.
    case transport(TransportError.Kind)
    /// A non-idempotent request may or may not have been acted on: the connection failed after it
    /// was sent. The client does not re-send it; look before trying again.
    case ambiguousOutcome
    /// The org URL is not https (plain http is allowed only for loopback addresses), or a link
    /// points outside the org.
    case insecureURL
    /// The answer was not what the spec says (undecodable JSON, missing fields).
    case invalidResponse
    /// Configuration is missing or malformed.
    case configuration
  }

  public var kind: Kind
  public var method: HTTPMethod?
  /// Path and query of the call, relative to the org.
  public var path: String?
  public var status: Int?
  /// Okta's error object, when the answer carried one.
  public var body: OktaErrorBody?
  /// `X-Okta-Request-Id` of the answer, for Okta support.
  public var requestId: String?
  /// The last rate-limit headers seen for this call.
  public var rateLimit: RateLimitSnapshot?
  /// Extra explanation (transport detail, decoding path); already scrubbed of secrets.
  public var detail: String
  /// Attempts made, retries included.
  public var attempts: Int

  public init(
    _ kind: Kind, method: HTTPMethod? = nil, path: String? = nil, status: Int? = nil,
    body: OktaErrorBody? = nil, requestId: String? = nil, rateLimit: RateLimitSnapshot? = nil,
    detail: String = "", attempts: Int = 1
  ) {
    self.kind = kind
    self.method = method
    self.path = path
    self.status = status
    self.body = body
    self.requestId = requestId
    self.rateLimit = rateLimit
    self.detail = detail
    self.attempts = attempts
  }

  /// Okta's `errorCode` (such as `E0000047`), if any.
  public var errorCode: String? { body?.errorCode }

  /// Whether the server may have acted on the request even though no success came back:
  /// the caller must check (for example list requests) before sending it again.
  public var isAmbiguousOutcome: Bool {
    if kind == .ambiguousOutcome { return true }
    // Okta acted (2xx) but the answer is unreadable: the caller has no id for what was created.
    if kind == .invalidResponse, let method, !method.isIdempotent, let status, (200..<300).contains(status) {
      return true
    }
    // A gateway error after a non-idempotent request says nothing about what the backend did.
    if kind == .api, let method, !method.isIdempotent, let status, [500, 502, 504].contains(status) {
      return true
    }
    return false
  }

  /// Whether the call found nothing (HTTP 404 / E0000007).
  public var isNotFound: Bool { status == 404 || errorCode == "E0000007" }

  public var description: String { message }

  public var debugDescription: String {
    var parts = ["OktaError(\(kind)", message]
    if let causes = body?.errorCauses, !causes.isEmpty {
      parts.append("causes: " + causes.compactMap(\.errorSummary).joined(separator: "; "))
    }
    return parts.joined(separator: ", ") + ")"
  }
}
