import Foundation

/// A decoded answer with what an audit trail needs: Okta's request id, the status and the rate limit.
public struct OktaAnswer<Value: Sendable>: Sendable {
  public var value: Value
  /// `X-Okta-Request-Id`, for the journal's audit rows and Okta support.
  public var requestID: String?
  public var status: Int
  public var rateLimit: RateLimitSnapshot?
}

extension OktaClient {
  /// Any call with a JSON body (or none), decoded, with its request id. The typed methods
  /// (`createRequest`, `activateRequestCondition`, …) cover the usual paths; this one is for callers
  /// that record every mutation.
  ///
  /// A 2xx answer that does not decode throws ``OktaError`` with kind `.invalidResponse`; for a
  /// non-idempotent method it is also ``OktaError/isAmbiguousOutcome``.
  public func answer<Value: Decodable & Sendable>(
    _ method: HTTPMethod, _ path: String, body: (some Encodable & Sendable)? = nil as JSONValue?,
    as type: Value.Type = Value.self
  ) async throws -> OktaAnswer<Value> {
    let url = try url(path, query: [])
    let response = try await send(method, url: url, body: try body.map(encode))
    let value = try decode(response, method: method, url: url) {
      try JSONDecoder().decode(Value.self, from: $0)
    }
    return OktaAnswer(
      value: value, requestID: response.headers["X-Okta-Request-Id"], status: response.status,
      rateLimit: RateLimitSnapshot(headers: response.headers))
  }
}
