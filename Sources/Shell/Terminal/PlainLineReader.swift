import CLibEdit

/// Lines from stdin when it is not a terminal: no prompt, no editing, no history. Ctrl-C ends the
/// wait for the next line (whichever thread takes the signal), through the interrupt flag's wake pipe.
@MainActor
public final class PlainLineReader: LineReader {
  private let interrupt: InterruptFlag
  private let wakeFD: Int32
  private var pending: [UInt8] = []
  private var atEnd = false

  public init(interrupt: InterruptFlag = .process) {
    self.interrupt = interrupt
    wakeFD = interrupt.wakeReadFD
  }

  public func readLine(prompt: String) -> LineInput {
    oktabulk_drain_wake(wakeFD)
    if interrupt.isRaised { return .interrupted }  // Ctrl-C already came: do not wait for input
    while true {
      if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        defer { pending.removeSubrange(...newline) }
        return .line(Self.text(pending[..<newline]))
      }
      if atEnd {
        guard !pending.isEmpty else { return .endOfInput }
        defer { pending.removeAll() }
        return .line(Self.text(pending[...]))  // a last line without its newline
      }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { oktabulk_read_input(wakeFD, $0.baseAddress, $0.count) }
      switch count {
      case -2: return .interrupted
      case ...0: atEnd = true
      default: pending += chunk[..<count]
      }
    }
  }

  public func remember(_ line: String) {}

  public var history: [String] { [] }

  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    var line = String(decoding: bytes, as: UTF8.self)
    if line.hasSuffix("\r") { line.removeLast() }
    return line
  }
}
