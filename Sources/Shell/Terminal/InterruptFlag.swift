import CLibEdit
import Synchronization

/// Ctrl-C, as a flag: the SIGINT handler raises it (an atomic store is async-signal-safe) and the
/// shell polls it to cancel the running command's Task.
public final class InterruptFlag: Sendable {
  private let raised = Atomic<Bool>(false)
  /// The pipe that wakes a prompt waiting for a key (-1: none). The line editor waits on `wakeReadFD`.
  let wakeReadFD: Int32
  private let wakeWriteFD: Int32

  /// `wakesPrompt`: also wake the line editor's reader (only the process-wide flag needs it).
  public init(wakesPrompt: Bool = false) {
    var readEnd: Int32 = -1
    var writeEnd: Int32 = -1
    if wakesPrompt && oktabulk_wake_pipe(&readEnd, &writeEnd) != 0 { (readEnd, writeEnd) = (-1, -1) }
    wakeReadFD = readEnd
    wakeWriteFD = writeEnd
  }

  /// Marks an interrupt (the signal handler, or a test). Async-signal-safe.
  public func raise() {
    raised.store(true, ordering: .sequentiallyConsistent)
    oktabulk_wake(wakeWriteFD)
  }

  /// True once per interrupt: reading clears it.
  public func consume() -> Bool { raised.exchange(false, ordering: .sequentiallyConsistent) }

  public var isRaised: Bool { raised.load(ordering: .sequentiallyConsistent) }

  /// The flag SIGINT raises, after `installSignalHandler()`.
  public static let process = InterruptFlag(wakesPrompt: true)

  /// Routes SIGINT to `process` (no `SA_RESTART`, so a blocked read returns with EINTR).
  public static func installSignalHandler() {
    _ = process  // initialise the global now: lazy initialisation inside a signal handler is not safe
    _ = oktabulk_install_sigint { _ in InterruptFlag.process.raise() }
  }
}
