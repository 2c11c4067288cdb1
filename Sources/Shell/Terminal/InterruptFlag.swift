import CLibEdit
import Synchronization

/// Ctrl-C, as a flag: the SIGINT handler raises it (an atomic store is async-signal-safe) and the
/// shell polls it to cancel the running command's Task.
public final class InterruptFlag: Sendable {
  private let raised = Atomic<Bool>(false)

  public init() {}

  /// Marks an interrupt (the signal handler, or a test).
  public func raise() { raised.store(true, ordering: .sequentiallyConsistent) }

  /// True once per interrupt: reading clears it.
  public func consume() -> Bool { raised.exchange(false, ordering: .sequentiallyConsistent) }

  public var isRaised: Bool { raised.load(ordering: .sequentiallyConsistent) }

  /// The flag SIGINT raises, after `installSignalHandler()`.
  public static let process = InterruptFlag()

  /// Routes SIGINT to `process` (no `SA_RESTART`, so a blocked read returns with EINTR).
  public static func installSignalHandler() {
    _ = process  // initialise the global now: lazy initialisation inside a signal handler is not safe
    _ = oktabulk_install_sigint { _ in InterruptFlag.process.raise() }
  }
}
