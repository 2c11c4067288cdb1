import Foundation
import Synchronization

/// A transport that answers from a script instead of the network, for tests of anything built on
/// ``OktaClient`` (this module's and the migration engine's). It records every request it was given.
public final class ScriptedTransport: HTTPTransport {
  /// Produces the answer (or throws a ``TransportError``) for one request.
  public typealias Handler = @Sendable (HTTPRequest) async throws -> HTTPResponse

  private let handler: Handler
  private let log = Mutex<[HTTPRequest]>([])

  /// Answers every request with `handler`.
  public init(_ handler: @escaping Handler) {
    self.handler = handler
  }

  /// Answers requests in order with `script`; a request past the end fails the test loudly with 599.
  public convenience init(_ script: [Result<HTTPResponse, TransportError>]) {
    let queue = Mutex(script[...])
    self.init { _ in
      let next = queue.withLock { $0.popFirst() }
      switch next {
      case .success(let response): return response
      case .failure(let error): throw error
      case nil: return HTTPResponse(status: 599, body: Data("script exhausted".utf8))
      }
    }
  }

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    log.withLock { $0.append(request) }
    try Task.checkCancellation()
    return try await handler(request)
  }

  /// Every request sent so far, in order (headers include `Authorization`: keep it in tests).
  public var requests: [HTTPRequest] { log.withLock { $0 } }
}

extension HTTPResponse {
  /// A JSON answer with the given status and optional extra headers.
  public static func json(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
    var all = headers
    all.add("Content-Type", "application/json")
    return HTTPResponse(status: status, headers: all, body: Data(body.utf8))
  }
}
