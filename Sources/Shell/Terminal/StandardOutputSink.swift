#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
