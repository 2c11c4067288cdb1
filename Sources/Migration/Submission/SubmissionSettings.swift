/// How a submission runs.
public struct SubmissionSettings: Equatable, Sendable {
  /// The resource every request is for (filters in-doubt lookups).
  public var resourceID: String
  /// Workers sending at once.
  public var concurrency: Int
  /// Seconds each worker waits after each request (the field-proven pace is 10).
  public var wait: Double
  /// At most this many rows this run.
  public var limit: Int?
  /// Prove the temporary condition applies on one request before the rest; nil skips the check.
  public var canary: CanaryPolicy?
  /// Also re-drive rows in these states (`retry --failed --stuck`), checking for existing requests first.
  public var retry: Set<RosterState>
  /// Attempts per row on answers that leave it in doubt (5xx, no answer) before it is left for `retry`.
  public var maxAttempts: Int
  public var backPressure: BackPressure.Policy

  public init(
    resourceID: String, concurrency: Int = 5, wait: Double = 10, limit: Int? = nil,
    canary: CanaryPolicy? = nil,
    retry: Set<RosterState> = [], maxAttempts: Int = 5, backPressure: BackPressure.Policy = .init()
  ) {
    self.resourceID = resourceID
    self.concurrency = concurrency
    self.wait = wait
    self.limit = limit
    self.canary = canary
    self.retry = retry
    self.maxAttempts = maxAttempts
    self.backPressure = backPressure
  }
}
