/// Lines from stdin when it is not a terminal: no prompt, no editing, no history.
@MainActor
public final class PlainLineReader: LineReader {
  public init() {}

  public func readLine(prompt: String) -> LineInput {
    BoundedLine.next().map(LineInput.line) ?? .endOfInput
  }

  public func remember(_ line: String) {}

  public var history: [String] { [] }
}
