import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The two streams a command writes to.
public enum OutputStream: Sendable {
  case standardOutput
  case standardError
}

/// Where the shell's output goes: the real stdout/stderr, or a buffer in tests.
/// Sendable, so background jobs may report progress too.
public protocol OutputSink: Sendable {
  func write(_ text: String, to stream: OutputStream)
}

/// The process's stdout and stderr, unbuffered (each write is one `write(2)`).
public struct StandardOutputSink: OutputSink {
  public init() {}

  public func write(_ text: String, to stream: OutputStream) {
    let descriptor: Int32 = stream == .standardOutput ? 1 : 2
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return  // a closed pipe: nothing sensible left to do with the text
      }
      bytes = bytes.dropFirst(written)
    }
  }
}

/// Keeps everything written, for tests and for capturing a command's output.
public final class CapturedOutput: OutputSink {
  private let buffers = Mutex<(standardOutput: String, standardError: String)>(("", ""))

  public init() {}

  public func write(_ text: String, to stream: OutputStream) {
    buffers.withLock {
      switch stream {
      case .standardOutput: $0.standardOutput += text
      case .standardError: $0.standardError += text
      }
    }
  }

  /// Everything written to stdout so far.
  public var standardOutput: String { buffers.withLock { $0.standardOutput } }
  /// Everything written to stderr so far.
  public var standardError: String { buffers.withLock { $0.standardError } }
}
