/// What reading one line produced.
public enum LineInput: Equatable, Sendable {
  case line(String)
  /// Ctrl-C at the prompt: the line was thrown away; prompt again.
  case interrupted
  /// Ctrl-D, or the end of the input.
  case endOfInput
}

/// Where interactive lines come from: libedit on a terminal, plain reads on a pipe, or a test script.
@MainActor
public protocol LineReader: AnyObject {
  /// Shows `prompt` (if the reader shows prompts) and reads one line, without its newline.
  func readLine(prompt: String) -> LineInput
  /// Offers a line that ran to the history (the reader decides whether to keep it).
  func remember(_ line: String)
  /// The history, oldest first.
  var history: [String] { get }
}

extension LineReader {
  /// The next line without a prompt, or nil at the end of the input (for script runners).
  public func nextLine() -> String? {
    if case .line(let line) = readLine(prompt: "") { return line }
    return nil
  }
}
