import Foundation
import Migration
import OktaAPI

/// The clock a session uses: the wall clock, or, with `OKTABULK_TIME_SCALE` (simulator runs and
/// benchmarks), a scaled clock aligned on the org's `Date` so journal times and the org's agree.
enum SessionClock {
  /// The scale asked for, or nil for real time.
  static func scale(environment: [String: String]) -> Double? {
    guard let text = environment["OKTABULK_TIME_SCALE"], let scale = Double(text), scale > 0, scale != 1
    else {
      return nil
    }
    return scale
  }

  static func make(scale: Double?, origin: Date?) -> any OktaClock {
    guard let scale else { return SystemClock() }
    return ScaledClock(scale: scale, origin: origin ?? Date())
  }
}
