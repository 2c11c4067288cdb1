/// How persistent the client is, as Okta's SDKs configure it (`okta.client.rateLimit.*`).
public struct RetryPolicy: Sendable, Hashable {
  /// Retries after the first attempt (429s, and 5xx/transport errors of idempotent calls).
  public var maxRetries: Int
  /// The longest single wait.
  public var maxBackoff: Duration
  /// The first backoff for 5xx and transport errors; it doubles per retry, with jitter.
  public var baseDelay: Duration

  public init(
    maxRetries: Int = 2, maxBackoff: Duration = .seconds(30), baseDelay: Duration = .milliseconds(500)
  ) {
    self.maxRetries = max(0, maxRetries)
    self.maxBackoff = maxBackoff
    self.baseDelay = baseDelay
  }

  public static let `default` = RetryPolicy()
}
