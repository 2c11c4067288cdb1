/// Why a line could not be split into words; `column` is 1-based and points at the cause.
public struct LexError: Error, Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case unterminatedSingleQuote
    case unterminatedDoubleQuote
    /// A backslash as the very last character, with nothing to escape.
    case danglingEscape
    /// `$NAME` where no variable `NAME` was set.
    case undefinedVariable(String)
    /// `${` without its closing brace, or with something other than a name inside.
    case malformedVariable
    /// The line is longer than ``Lexer/maxLineBytes`` (a pasted file, a runaway generator).
    case lineTooLong(limit: Int)
    /// A control character (NUL, ESC, …) that no command accepts and a terminal might act on.
    case controlCharacter(UInt32)
  }

  public var kind: Kind
  public var column: Int

  public init(_ kind: Kind, column: Int) {
    self.kind = kind
    self.column = column
  }
}

extension LexError: CustomStringConvertible {
  public var description: String {
    switch kind {
    case .unterminatedSingleQuote: "unterminated single quote starting at column \(column)"
    case .unterminatedDoubleQuote: "unterminated double quote starting at column \(column)"
    case .danglingEscape: "backslash at column \(column) escapes nothing"
    case .undefinedVariable(let name):
      "undefined variable $\(name) at column \(column) (set it with: set \(name) VALUE)"
    case .malformedVariable: "malformed ${…} at column \(column)"
    case .lineTooLong(let limit): "line is longer than \(limit) bytes (column \(column))"
    case .controlCharacter(let value):
      "control character U+\(String(value, radix: 16, uppercase: true).leftPadded(to: 4)) at column \(column)"
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
