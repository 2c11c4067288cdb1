import Foundation

/// The `X-Rate-Limit-*` headers of one answer: the budget left for the bucket that call used.
public struct RateLimitSnapshot: Sendable, Hashable, CustomStringConvertible {
  /// Requests allowed per window (`X-Rate-Limit-Limit`).
  public var limit: Int
  /// Requests left in the window (`X-Rate-Limit-Remaining`).
  public var remaining: Int
  /// When the window resets, by the server's clock (`X-Rate-Limit-Reset`, epoch seconds).
  public var reset: Date
  /// The server's `Date`, when it sent one: the reference for `reset`.
  public var serverDate: Date?

  public init(limit: Int, remaining: Int, reset: Date, serverDate: Date? = nil) {
    self.limit = limit
    self.remaining = remaining
    self.reset = reset
    self.serverDate = serverDate
  }

  /// Reads the headers; `nil` if any of the three is missing or malformed.
  public init?(headers: HTTPHeaders) {
    guard let limit = headers["X-Rate-Limit-Limit"].flatMap({ Int($0) }),
      let remaining = headers["X-Rate-Limit-Remaining"].flatMap({ Int($0) }),
      let reset = headers["X-Rate-Limit-Reset"].flatMap({ TimeInterval($0) })
    else { return nil }
    self.init(
      limit: limit, remaining: remaining, reset: Date(timeIntervalSince1970: reset),
      serverDate: headers["Date"].flatMap(HTTPDate.parse))
  }

  /// A concurrency-limit 429 reports both numbers as 0; its `reset` is only an estimate.
  public var isConcurrencyLimit: Bool { limit == 0 && remaining == 0 }

  /// Seconds until the window resets, measured on the server's clock when known.
  public func secondsUntilReset(localNow: Date) -> TimeInterval {
    reset.timeIntervalSince(serverDate ?? localNow)
  }

  public var description: String {
    "\(remaining)/\(limit) left, resets at \(Int(reset.timeIntervalSince1970))"
  }
}
