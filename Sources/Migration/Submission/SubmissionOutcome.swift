/// How a submission ended.
public struct SubmissionOutcome: Equatable, Sendable {
  public enum Ending: Equatable, Sendable {
    /// Every row taken was handled.
    case completed
    /// Stopped on request (Ctrl-C or `stop()`); in-flight rows were recorded.
    case stopped
    /// The canary was not approved by the temporary condition; nothing else was sent.
    case canaryRefused(String)
    /// A failure that needs the user (401/403, journal error); the message names the fix.
    case halted(String)
  }

  public var ending: Ending
  public var submitted: Int
  public var adopted: Int
  public var failed: Int
  /// Rows that still need a run (not taken, requeued past their attempts, or left in doubt).
  public var remaining: Int
}
