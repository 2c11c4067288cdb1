import Foundation

/// One HTTP exchange as the transport sees it: no retries, no auth, no Okta semantics.
public struct HTTPRequest: Sendable {
  public var method: HTTPMethod
  public var url: URL
  public var headers: HTTPHeaders
  public var body: Data?
  /// Total time allowed for the exchange, connect included; zero means no limit.
  public var timeout: Duration
  /// Demand a new connection and close it afterwards, so the transport can never replay the
  /// request on a stale keep-alive connection. The client sets it for every non-idempotent request.
  public var freshConnection: Bool

  public init(
    method: HTTPMethod, url: URL, headers: HTTPHeaders = [:], body: Data? = nil,
    timeout: Duration = .seconds(30), freshConnection: Bool? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.timeout = timeout
    self.freshConnection = freshConnection ?? !method.isIdempotent
  }
}

/// The answer to an ``HTTPRequest``.
public struct HTTPResponse: Sendable {
  public var status: Int
  public var headers: HTTPHeaders
  public var body: Data

  public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
    self.status = status
    self.headers = headers
    self.body = body
  }
}
