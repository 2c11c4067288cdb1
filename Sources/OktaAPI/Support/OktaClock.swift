import Foundation

/// Time as the client sees it: injectable so backoff can be tested without waiting.
public protocol OktaClock: Sendable {
  /// The local wall-clock time (used only when a server sends no `Date`).
  var now: Date { get }
  /// Waits `duration`, throwing `CancellationError` if the task is cancelled meanwhile.
  func sleep(for duration: Duration) async throws
  /// A monotonic reading, for latencies.
  var uptime: ContinuousClock.Instant { get }
}

/// The real clock.
public struct SystemClock: OktaClock {
  public init() {}
  public var now: Date { Date() }
  public var uptime: ContinuousClock.Instant { .now }
  public func sleep(for duration: Duration) async throws {
    try await Task.sleep(for: duration)
  }
}
