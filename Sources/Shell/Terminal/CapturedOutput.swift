import Synchronization

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
