/// A test double: answers `readLine` from a fixed list and records the prompts it was shown.
@MainActor
public final class ScriptedLineReader: LineReader {
  private var inputs: [LineInput]
  /// Every prompt shown, in order.
  public private(set) var prompts: [String] = []
  public private(set) var history: [String] = []
  private let policy: HistoryPolicy

  public init(_ inputs: [LineInput], policy: HistoryPolicy = HistoryPolicy()) {
    self.inputs = inputs
    self.policy = policy
  }

  /// Convenience: each string is one typed line.
  public convenience init(lines: [String]) {
    self.init(lines.map(LineInput.line))
  }

  public func readLine(prompt: String) -> LineInput {
    prompts.append(prompt)
    return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
  }

  public func remember(_ line: String) {
    if policy.shouldRemember(line, after: history.last) { history.append(line) }
  }
}
