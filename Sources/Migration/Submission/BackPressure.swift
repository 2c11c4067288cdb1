import Foundation

/// The pool-wide brake: 429s and 5xx slow every worker, not only the one that saw them.
///
/// A 429 pauses the pool until the rate-limit window resets; 5xx answers back off exponentially; a run of
/// failures longer than `outageAfter` is an outage: the run pauses and resumes by itself on the first success.
public struct BackPressure: Equatable, Sendable {
  public struct Policy: Equatable, Sendable {
    public var baseDelay: Double = 1
    public var maxDelay: Double = 60
    /// Consecutive failures after which the run reports an outage.
    public var outageAfter: Int = 5
    /// Used for a 429 without a usable reset time.
    public var defaultRateLimitDelay: Double = 5

    public init() {}
  }

  /// What the run should tell its user after a recorded outcome.
  public enum Notice: Equatable, Sendable {
    case slowingDown(seconds: Double, reason: String)
    case outage(since: Date, reason: String)
    case recovered(after: Double)
  }

  public let policy: Policy
  public private(set) var resumeAt: Date?
  public private(set) var consecutiveFailures = 0
  public private(set) var outageSince: Date?
  private var firstFailureAt: Date?
  /// The end of the rate-limit window a 429 announced: a success of a call already in flight does not
  /// reopen the window early (it only proves the org answers).
  private var rateLimitedUntil: Date?

  public init(policy: Policy = Policy()) { self.policy = policy }

  /// Seconds every worker must wait before its next call.
  public func delay(at now: Date) -> Double {
    guard let resumeAt else { return 0 }
    return max(0, resumeAt.timeIntervalSince(now))
  }

  /// True while an outage is being waited out.
  public var isInOutage: Bool { outageSince != nil }

  /// A call succeeded: the pool runs at full pace again.
  public mutating func recordSuccess(at now: Date) -> Notice? {
    defer {
      consecutiveFailures = 0
      outageSince = nil
      firstFailureAt = nil
      resumeAt = rateLimitedUntil.flatMap { $0 > now ? $0 : nil }
      rateLimitedUntil = resumeAt
    }
    guard let since = outageSince else { return nil }
    return .recovered(after: now.timeIntervalSince(since))
  }

  /// A 429: everyone waits until the window resets (never less than the current pause).
  public mutating func recordRateLimit(retryAfter: Double?, at now: Date) -> Notice? {
    let seconds = min(policy.maxDelay, max(retryAfter ?? policy.defaultRateLimitDelay, 0.001))
    let until = now.addingTimeInterval(seconds)
    rateLimitedUntil = max(rateLimitedUntil ?? until, until)
    return recordFailure(pause: seconds, reason: "rate limited (429)", at: now)
  }

  /// A 5xx or a lost answer: back off exponentially, shared by the pool.
  public mutating func recordServerTrouble(_ reason: String, at now: Date) -> Notice? {
    let exponent = Double(min(consecutiveFailures, 16))
    let seconds = min(policy.maxDelay, policy.baseDelay * pow(2, exponent))
    return recordFailure(pause: seconds, reason: reason, at: now)
  }

  private mutating func recordFailure(pause seconds: Double, reason: String, at now: Date) -> Notice? {
    consecutiveFailures += 1
    if firstFailureAt == nil { firstFailureAt = now }
    let candidate = now.addingTimeInterval(seconds)
    resumeAt = max(resumeAt ?? candidate, candidate)
    if outageSince == nil && consecutiveFailures >= policy.outageAfter {
      outageSince = firstFailureAt
      return .outage(since: firstFailureAt ?? now, reason: reason)
    }
    return outageSince == nil ? .slowingDown(seconds: seconds, reason: reason) : nil
  }
}
