/// Splits a command line into words the way a POSIX shell would, for the subset scripts need:
/// `'…'` (literal), `"…"` (with `$NAME` and `\"`, `\\`, `\$` escapes), backslash escapes outside quotes,
/// `#` comments at the start of a word, and `$NAME` / `${NAME}` expansion from `variables`.
public struct Lexer {
  public var variables: [String: String]

  public init(variables: [String: String] = [:]) {
    self.variables = variables
  }

  /// The words of `line`, or the first error with its column.
  public func words(in line: String) throws(LexError) -> [Word] {
    var scanner = Scanner(Array(line))
    var words: [Word] = []
    var current: Word?

    func append(_ text: String, quoted: Bool, at column: Int) {
      if current == nil { current = Word("", column: column) }
      current!.text += text
      current!.wasQuoted = current!.wasQuoted || quoted
    }

    while let character = scanner.peek() {
      let column = scanner.column
      switch character {
      case " ", "\t", "\r", "\n":
        scanner.advance()
        if let word = current { words.append(word) }
        current = nil
      case "#" where current == nil:
        return words
      case "'":
        scanner.advance()
        guard let text = scanner.take(until: "'") else {
          throw LexError(.unterminatedSingleQuote, column: column)
        }
        append(text, quoted: true, at: column)
      case "\"":
        scanner.advance()
        append(try doubleQuoted(&scanner, openedAt: column), quoted: true, at: column)
      case "\\":
        scanner.advance()
        guard let escaped = scanner.next() else { throw LexError(.danglingEscape, column: column) }
        append(String(escaped), quoted: true, at: column)
      case "$":
        append(try variable(&scanner), quoted: false, at: column)
      default:
        scanner.advance()
        append(String(character), quoted: false, at: column)
      }
    }
    if let word = current { words.append(word) }
    return words
  }

  private func doubleQuoted(_ scanner: inout Scanner, openedAt column: Int) throws(LexError) -> String {
    var text = ""
    while let character = scanner.peek() {
      switch character {
      case "\"":
        scanner.advance()
        return text
      case "\\":
        scanner.advance()
        guard let escaped = scanner.next() else { throw LexError(.unterminatedDoubleQuote, column: column) }
        // Inside double quotes only these are escapes; any other backslash is literal, as in POSIX sh.
        if !"\"\\$`".contains(escaped) { text.append("\\") }
        text.append(escaped)
      case "$":
        text += try variable(&scanner)
      default:
        scanner.advance()
        text.append(character)
      }
    }
    throw LexError(.unterminatedDoubleQuote, column: column)
  }

  /// Expands `$NAME` or `${NAME}` at the scanner; a `$` not followed by a name stays literal.
  private func variable(_ scanner: inout Scanner) throws(LexError) -> String {
    let column = scanner.column
    scanner.advance()  // the "$"
    let name: String
    if scanner.peek() == "{" {
      scanner.advance()
      guard let inside = scanner.take(until: "}"), Self.isName(inside) else {
        throw LexError(.malformedVariable, column: column)
      }
      name = inside
    } else {
      name = scanner.takeName()
      if name.isEmpty { return "$" }
    }
    guard let value = variables[name] else { throw LexError(.undefinedVariable(name), column: column) }
    return value
  }

  static func isName(_ text: String) -> Bool {
    guard let first = text.first, first == "_" || first.isASCIILetter else { return false }
    return text.allSatisfy { $0 == "_" || $0.isASCIILetter || $0.isASCIIDigit }
  }
}

extension Lexer {
  /// A cursor over the characters of one line that knows its 1-based column.
  fileprivate struct Scanner {
    private let characters: [Character]
    private var offset = 0

    init(_ characters: [Character]) { self.characters = characters }

    var column: Int { offset + 1 }

    func peek() -> Character? { offset < characters.count ? characters[offset] : nil }

    mutating func advance() { offset += 1 }

    mutating func next() -> Character? {
      defer { offset += 1 }
      return peek()
    }

    /// The text up to `terminator` (consumed), or nil when the line ends first.
    mutating func take(until terminator: Character) -> String? {
      guard let end = characters[offset...].firstIndex(of: terminator) else { return nil }
      defer { offset = end + 1 }
      return String(characters[offset..<end])
    }

    mutating func takeName() -> String {
      var name = ""
      while let character = peek(),
        character == "_" || character.isASCIILetter || (!name.isEmpty && character.isASCIIDigit)
      {
        name.append(character)
        offset += 1
      }
      return name
    }
  }
}

extension Character {
  var isASCIILetter: Bool { isASCII && isLetter }
  var isASCIIDigit: Bool { isASCII && isNumber }
}
