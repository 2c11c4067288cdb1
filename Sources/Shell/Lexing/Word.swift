/// One word of a command line after quoting, escapes and `$NAME` expansion.
public struct Word: Equatable, Sendable {
  /// The word's text with quotes removed and variables expanded.
  public var text: String
  /// 1-based column where the word starts in the line.
  public var column: Int
  /// True when any part of the word was quoted or escaped (so `"--x"` is not a flag to completion).
  public var wasQuoted: Bool

  public init(_ text: String, column: Int, wasQuoted: Bool = false) {
    self.text = text
    self.column = column
    self.wasQuoted = wasQuoted
  }
}
