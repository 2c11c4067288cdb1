/// One HTTP attempt as `--verbose` shows it. Holds no headers but the rate-limit ones.
public struct TraceEvent: Sendable {
  public var method: HTTPMethod
  /// Path and query, relative to the org.
  public var path: String
  /// `nil` when no answer came.
  public var status: Int?
  public var latency: Duration
  /// 1 for the first attempt.
  public var attempt: Int
  public var rateLimit: RateLimitSnapshot?
  public var requestId: String?
  /// Transport failure or retry note.
  public var note: String?

  /// `GET /governance/api/v2/requests 200 12ms rate 599/600 reset 1733342465 id abc`.
  public var line: String {
    var parts = [method.rawValue, path, status.map(String.init) ?? "---", "\(latency.milliseconds)ms"]
    if attempt > 1 { parts.append("attempt \(attempt)") }
    if let rateLimit {
      parts.append(
        "rate \(rateLimit.remaining)/\(rateLimit.limit) reset \(Int(rateLimit.reset.timeIntervalSince1970))")
    }
    if let requestId { parts.append("id \(requestId)") }
    if let note { parts.append("(\(note))") }
    return parts.joined(separator: " ")
  }
}

/// Receives one ``TraceEvent`` per HTTP attempt.
public protocol OktaTracer: Sendable {
  func record(_ event: TraceEvent)
}

/// Writes trace lines to standard error, prefixed with `http:`.
public struct StandardErrorTracer: OktaTracer {
  public init() {}

  public func record(_ event: TraceEvent) {
    FileHandleWriter.standardError("http: " + event.line + "\n")
  }
}
