/// Where the shell's output goes: the real stdout/stderr, or a buffer in tests.
/// Sendable, so background jobs may report progress too.
public protocol OutputSink: Sendable {
  func write(_ text: String, to stream: OutputStream)
}
