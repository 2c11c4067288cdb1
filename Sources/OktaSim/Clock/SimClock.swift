import Foundation
import Synchronization

/// The simulator's clock: simulated epoch seconds that run `timeScale` times faster than real time, can be
/// frozen (scale 0) and advanced by hand. Every timestamp, `Date` header and rate-limit window comes from it.
public final class SimClock: Sendable {
  private struct Anchor {
    var real: Double
    var simulated: Double
    var scale: Double
  }

  private let anchor: Mutex<Anchor>
  private let realSeconds: @Sendable () -> Double

  /// A clock starting at `start` (epoch seconds) and running `timeScale` times faster than `realSeconds`
  /// (a monotonic real-time source in seconds; injectable for tests).
  public init(
    start: Double = Date().timeIntervalSince1970, timeScale: Double = 1,
    realSeconds: @escaping @Sendable () -> Double = SimClock.monotonicSeconds
  ) {
    self.realSeconds = realSeconds
    anchor = Mutex(
      Anchor(real: realSeconds(), simulated: start, scale: min(Self.maximumScale, max(0, timeScale))))
  }

  /// The current simulated time in epoch seconds.
  public func now() -> Double {
    let real = realSeconds()
    return anchor.withLock { $0.simulated + (real - $0.real) * $0.scale }
  }

  /// How many simulated seconds pass per real second.
  public var timeScale: Double { anchor.withLock { $0.scale } }

  /// Changes the speed from now on (0 freezes the clock).
  public func setTimeScale(_ scale: Double) {
    let real = realSeconds()
    anchor.withLock {
      $0.simulated += (real - $0.real) * $0.scale
      $0.real = real
      $0.scale = min(Self.maximumScale, max(0, scale))
    }
  }

  /// Moves simulated time forward by `seconds`.
  public func advance(by seconds: Double) {
    anchor.withLock { $0.simulated += min(Self.maximumStep, max(0, seconds)) }
  }

  /// Real seconds that correspond to `simulatedSeconds` at the current scale (infinite when frozen).
  public func realDuration(ofSimulated simulatedSeconds: Double) -> Double {
    let scale = timeScale
    return scale > 0 ? simulatedSeconds / scale : .infinity
  }

  /// The largest time scale the clock accepts.
  public static let maximumScale = 1_000_000.0
  /// The longest single step (ten years) `advance(by:)` takes: beyond it dates stop being representable.
  public static let maximumStep = 315_360_000.0

  /// A monotonic real-time source.
  public static let monotonicSeconds: @Sendable () -> Double = {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}
