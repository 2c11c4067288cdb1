import Foundation

/// Decides, attempt by attempt, whether one logical call is sent again and after how long.
///
/// A value type with no I/O, so every rule is tested directly:
/// - 429: wait `X-Rate-Limit-Reset − Date + 1 s` (the server's `Date`; the local clock only when it
///   sent none), capped by `maxBackoff`, for any method: a 429 means the server did nothing.
/// - 5xx (500, 502, 503, 504) and transport errors: jittered exponential backoff, idempotent methods only.
/// - Everything else is final.
public struct RetryState: Sendable {
  /// What one attempt produced.
  public enum Outcome: Sendable {
    case response(status: Int, headers: HTTPHeaders)
    case failure(TransportError)
  }

  /// What to do next.
  public enum Decision: Sendable, Equatable {
    /// Hand the outcome to the caller.
    case finish
    /// Send again after the delay, with ``RetryState/retryHeaders``.
    case retry(after: Duration)
  }

  public let policy: RetryPolicy
  public let idempotent: Bool
  /// Retries decided so far.
  public private(set) var retries = 0
  /// The `X-Okta-Request-Id` of the first 429, echoed as `X-Okta-Retry-For`.
  public private(set) var retryFor: String?

  public init(policy: RetryPolicy, idempotent: Bool) {
    self.policy = policy
    self.idempotent = idempotent
  }

  /// Decides after an attempt. `jitter` is a number in `0..<1` (random in production).
  public mutating func decide(_ outcome: Outcome, localNow: Date, jitter: Double) -> Decision {
    guard retries < policy.maxRetries else { return .finish }
    let delay: Duration
    switch outcome {
    case .response(429, let headers):
      if retryFor == nil { retryFor = headers["X-Okta-Request-Id"] }
      delay = rateLimitDelay(headers, localNow: localNow, jitter: jitter)
    case .response(let status, _) where [500, 502, 503, 504].contains(status) && idempotent:
      delay = backoff(jitter: jitter)
    case .failure(let error) where idempotent && Self.isTransient(error):
      delay = backoff(jitter: jitter)
    default:
      return .finish
    }
    retries += 1
    return .retry(after: delay)
  }

  /// Headers for the next attempt: Okta's SDKs tag every retry after a 429.
  public var retryHeaders: HTTPHeaders {
    var headers = HTTPHeaders()
    guard retries > 0 else { return headers }
    if let retryFor { headers.add("X-Okta-Retry-For", retryFor) }
    if retryFor != nil { headers.add("X-Okta-Retry-Count", String(retries)) }
    return headers
  }

  private func rateLimitDelay(_ headers: HTTPHeaders, localNow: Date, jitter: Double) -> Duration {
    guard let reset = headers["X-Rate-Limit-Reset"].flatMap({ TimeInterval($0) }) else {
      return backoff(jitter: jitter)
    }
    let serverNow = headers["Date"].flatMap(HTTPDate.parse) ?? localNow
    let seconds = max(reset - serverNow.timeIntervalSince1970, 0) + 1
    return min(.milliseconds(Int64((seconds * 1000).rounded())), policy.maxBackoff)
  }

  /// Equal jitter: half the exponential step for sure, the other half at random.
  private func backoff(jitter: Double) -> Duration {
    let step = min(policy.baseDelay * (1 << min(retries, 20)), policy.maxBackoff)
    return step / 2 + step / 2 * min(max(jitter, 0), 1)
  }

  private static func isTransient(_ error: TransportError) -> Bool {
    switch error.kind {
    case .connectionRefused, .connectionLost, .timeout, .other: true
    case .dns, .tls: false
    }
  }
}
