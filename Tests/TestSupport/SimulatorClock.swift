import Foundation
import OktaAPI
import OktaSim

/// The simulator's clock as an `OktaClock`, so the engine, the client and the org agree on time.
public struct SimulatorClock: OktaClock {
  public let clock: SimClock

  public init(clock: SimClock) { self.clock = clock }

  public var now: Date { Date(timeIntervalSince1970: clock.now()) }
  public var uptime: ContinuousClock.Instant { .now }

  public func sleep(for duration: Duration) async throws {
    let simulated = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    let real = clock.realDuration(ofSimulated: simulated)
    guard real > 0, real.isFinite else { return try Task.checkCancellation() }
    try await Task.sleep(for: .seconds(real))
  }
}
