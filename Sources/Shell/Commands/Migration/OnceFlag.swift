import Synchronization

/// A flag set once from another task (a run that ended), read by the shell.
final class OnceFlag: Sendable {
  private let flag = Mutex(false)
  func set() { flag.withLock { $0 = true } }
  var isSet: Bool { flag.withLock { $0 } }
}
