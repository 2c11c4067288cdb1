import Foundation

/// Time as the migration sees it: injectable so tests and benchmarks run a 10 s wait in milliseconds.
public protocol MigrationClock: Sendable {
  /// The current (possibly scaled) time.
  var now: Date { get }
  /// Sleeps `seconds` of this clock's time; throws `CancellationError` when the task is cancelled.
  func sleep(seconds: Double) async throws
}

/// Wall-clock time.
public struct SystemClock: MigrationClock {
  public init() {}
  public var now: Date { Date() }
  public func sleep(seconds: Double) async throws {
    guard seconds > 0 else { return try Task.checkCancellation() }
    try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
  }
}

/// Time that runs `scale` times faster than the wall clock, from `origin`: with scale 100, a 10 s wait takes
/// 0.1 s and `now` advances 100 s per real second. Match the simulator's scale so both agree on time.
public struct ScaledClock: MigrationClock {
  public let scale: Double
  private let origin: Date
  private let realStart: ContinuousClock.Instant

  public init(scale: Double, origin: Date = Date()) {
    precondition(scale > 0, "clock scale must be positive")
    self.scale = scale
    self.origin = origin
    realStart = .now
  }

  public var now: Date {
    let elapsed = ContinuousClock.now - realStart
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return origin.addingTimeInterval(seconds * scale)
  }

  public func sleep(seconds: Double) async throws {
    guard seconds > 0 else { return try Task.checkCancellation() }
    try await Task.sleep(nanoseconds: UInt64(seconds / scale * 1e9))
  }
}
