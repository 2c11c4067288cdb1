import CCurl
import Foundation

/// The production ``HTTPTransport``: libcurl's multi interface driven by one thread.
///
/// Why libcurl and not URLSession: non-idempotent requests must go on a fresh connection that is
/// never reused (URLSession may silently replay a POST on a dead keep-alive connection), timeouts
/// must be total and in milliseconds, and nothing may leak per request. One multi handle holds the
/// connection cache, so idempotent requests keep connections alive across calls.
public final class CurlTransport: HTTPTransport {
  /// Tuning for the transport.
  public struct Options: Sendable {
    /// How many idle connections the cache keeps (the shell runs at most ~75 requests at once).
    public var connectionCacheSize: Int
    /// A proxy URL handed to libcurl; `nil` leaves libcurl's own `https_proxy`/`no_proxy` handling,
    /// except for loopback addresses, which never go through a proxy.
    public var proxy: String?
    /// The longest a connection attempt may take, within the request's total timeout.
    public var connectTimeout: Duration

    public init(connectionCacheSize: Int = 100, proxy: String? = nil, connectTimeout: Duration = .seconds(10))
    {
      self.connectionCacheSize = connectionCacheSize
      self.proxy = proxy
      self.connectTimeout = connectTimeout
    }
  }

  private let loop: CurlMultiLoop

  public init(options: Options = Options()) {
    loop = CurlMultiLoop(options: options)
  }

  deinit {
    loop.stop()
  }

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    try Task.checkCancellation()
    let job = CurlJob(request: request)
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        job.continuation = continuation
        loop.submit(job)
      }
    } onCancel: {
      loop.cancel(job)
    }
  }
}
