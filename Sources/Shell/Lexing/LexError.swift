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
    }
  }
}
