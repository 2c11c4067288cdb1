import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive advisory lock next to the journal (`PATH.lock`), holding the owner's pid.
///
/// `flock` is released by the kernel when the holder dies, so a crashed shell never leaves a stale lock.
final class JournalLock: Sendable {
  let lockPath: String
  private let descriptor: Mutex<Int32?>

  init(journalPath: String) throws(JournalError) {
    lockPath = journalPath + ".lock"
    let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw .cannotCreate(path: lockPath, reason: String(cString: strerror(errno)))
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let holder = JournalLock.readPID(fd)
      close(fd)
      throw .locked(path: journalPath, holderPID: holder)
    }
    let pid = "\(getpid())\n"
    _ = ftruncate(fd, 0)
    _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    descriptor = Mutex(fd)
  }

  deinit { release() }

  /// Releases the lock; later calls do nothing.
  func release() {
    descriptor.withLock { fd in
      guard let open = fd else { return }
      _ = flock(open, LOCK_UN)
      close(open)
      fd = nil
    }
  }

  private static func readPID(_ fd: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = pread(fd, &buffer, buffer.count, 0)
    guard count > 0 else { return nil }
    let text = String(decoding: buffer[0..<count], as: UTF8.self)
    return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
