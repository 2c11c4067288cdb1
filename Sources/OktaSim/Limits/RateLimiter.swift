/// Okta's per-minute buckets: one per endpoint, each with its own limit, counted on the simulator's clock.
struct RateLimiter: Sendable {
  /// The headers' three numbers after one call.
  struct Verdict: Equatable {
    var allowed: Bool
    var limit: Int
    var remaining: Int
    /// Epoch seconds (simulated) when the bucket refills.
    var reset: Int
  }

  private struct Window {
    var start: Double
    var used: Int
  }

  var defaultLimit: Int
  var limits: [SimEndpoint: Int]
  private var windows: [SimEndpoint: Window] = [:]

  init(defaultLimit: Int, limits: [SimEndpoint: Int]) {
    self.defaultLimit = defaultLimit
    self.limits = limits
  }

  func limit(for endpoint: SimEndpoint) -> Int { limits[endpoint] ?? defaultLimit }

  /// Spends one call of `endpoint`'s bucket at `now`.
  mutating func take(_ endpoint: SimEndpoint, now: Double) -> Verdict {
    let limit = limit(for: endpoint)
    var window = windows[endpoint] ?? Window(start: now, used: 0)
    if now >= window.start + 60 { window = Window(start: now, used: 0) }
    let allowed = window.used < limit
    if allowed { window.used += 1 }
    windows[endpoint] = window
    return Verdict(
      allowed: allowed, limit: limit, remaining: max(0, limit - window.used),
      reset: Int((window.start + 60).rounded(.up)))
  }

  /// The bucket's state without spending a call.
  func peek(_ endpoint: SimEndpoint, now: Double) -> Verdict {
    let limit = limit(for: endpoint)
    guard let window = windows[endpoint], now < window.start + 60 else {
      return Verdict(allowed: true, limit: limit, remaining: limit, reset: Int((now + 60).rounded(.up)))
    }
    return Verdict(
      allowed: window.used < limit, limit: limit, remaining: max(0, limit - window.used),
      reset: Int((window.start + 60).rounded(.up)))
  }

  /// Empties every bucket.
  mutating func reset() { windows.removeAll() }
}
