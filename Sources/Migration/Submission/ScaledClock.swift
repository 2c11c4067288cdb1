import Foundation
import OktaAPI

/// Time that runs `scale` times faster than the wall clock, from `origin`: with scale 100 a 10 s wait takes
/// 0.1 s and `now` advances 100 s per real second. Give the client, the engine and the simulator the same
/// scale so they agree on time.
public struct ScaledClock: OktaClock {
  public let scale: Double
  private let origin: Date
  private let realStart: ContinuousClock.Instant

  public init(scale: Double, origin: Date = Date()) {
    precondition(scale > 0, "clock scale must be positive")
    self.scale = scale
    self.origin = origin
    realStart = .now
  }

  public var now: Date { origin.addingTimeInterval((ContinuousClock.now - realStart).seconds * scale) }

  public var uptime: ContinuousClock.Instant { .now }

  public func sleep(for duration: Duration) async throws {
    let real = duration.seconds / scale
    guard real > 0 else { return try Task.checkCancellation() }
    try await Task.sleep(for: .seconds(real))
  }
}

extension Duration {
  /// The duration in seconds, as a `Double`.
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

extension OktaClock {
  /// Sleeps `seconds` of this clock's time.
  func sleep(seconds: Double) async throws {
    try await sleep(for: .seconds(max(0, seconds)))
  }
}
