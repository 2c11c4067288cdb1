/// A SCIM filter (`status eq "PENDING" and lastUpdated gt "2024-01-01T00:00:00Z"`, `not(parent pr)`),
/// parsed once and evaluated against records through a field accessor. Also reads Okta's user `search`.
indirect enum FilterExpression: Equatable {
  case compare(field: String, op: String, value: String?)
  case and(FilterExpression, FilterExpression)
  case or(FilterExpression, FilterExpression)
  case not(FilterExpression)

  /// A field's value on one record.
  enum FieldValue {
    case string(String)
    case date(Double)
  }

  struct ParseError: Error, Equatable {
    var message: String
  }

  static let operators: Set<String> = ["eq", "ne", "sw", "co", "ew", "gt", "ge", "lt", "le", "pr"]

  /// Parses `text`; every field must be in `fields` (nil = any).
  static func parse(_ text: String, fields: Set<String>?) throws(ParseError) -> FilterExpression {
    var parser = Parser(tokens: try tokenize(text), fields: fields)
    let expression = try parser.orExpression()
    guard parser.atEnd else { throw ParseError(message: "unexpected '\(parser.peek ?? "")'") }
    return expression
  }

  /// Fields the expression reads.
  var fields: Set<String> {
    switch self {
    case .compare(let field, _, _): return [field]
    case .and(let left, let right), .or(let left, let right): return left.fields.union(right.fields)
    case .not(let inner): return inner.fields
    }
  }

  /// Whether a record matches; `value(field)` reads the record.
  func matches(_ value: (String) -> FieldValue?) -> Bool {
    switch self {
    case .and(let left, let right): return left.matches(value) && right.matches(value)
    case .or(let left, let right): return left.matches(value) || right.matches(value)
    case .not(let inner): return !inner.matches(value)
    case .compare(let field, let op, let literal):
      let actual = value(field)
      if op == "pr" { return actual != nil }
      guard let actual, let literal else { return false }
      switch actual {
      case .string(let text):
        let left = text.lowercased()
        let right = literal.lowercased()
        switch op {
        case "eq": return left == right
        case "ne": return left != right
        case "sw": return left.hasPrefix(right)
        case "ew": return left.hasSuffix(right)
        case "co": return left.contains(right)
        case "gt": return left > right
        case "ge": return left >= right
        case "lt": return left < right
        case "le": return left <= right
        default: return false
        }
      case .date(let seconds):
        guard let bound = Timestamp.parseISO(literal) else { return false }
        switch op {
        case "eq": return seconds == bound
        case "ne": return seconds != bound
        case "gt": return seconds > bound
        case "ge": return seconds >= bound
        case "lt": return seconds < bound
        case "le": return seconds <= bound
        default: return false
        }
      }
    }
  }

  private enum Token: Equatable {
    case word(String)
    case string(String)
    case open
    case close
  }

  private static func tokenize(_ text: String) throws(ParseError) -> [Token] {
    var tokens: [Token] = []
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character.isWhitespace {
        index = text.index(after: index)
      } else if character == "(" {
        tokens.append(.open)
        index = text.index(after: index)
      } else if character == ")" {
        tokens.append(.close)
        index = text.index(after: index)
      } else if character == "\"" {
        var literal = ""
        index = text.index(after: index)
        var closed = false
        while index < text.endIndex {
          let next = text[index]
          if next == "\\", text.index(after: index) < text.endIndex {
            index = text.index(after: index)
            literal.append(text[index])
          } else if next == "\"" {
            closed = true
            break
          } else {
            literal.append(next)
          }
          index = text.index(after: index)
        }
        guard closed else { throw ParseError(message: "unterminated string") }
        index = text.index(after: index)
        tokens.append(.string(literal))
      } else {
        var word = ""
        while index < text.endIndex, !text[index].isWhitespace, !"()\"".contains(text[index]) {
          word.append(text[index])
          index = text.index(after: index)
        }
        tokens.append(.word(word))
      }
    }
    return tokens
  }

  private struct Parser {
    var tokens: [Token]
    var fields: Set<String>?
    var position = 0

    var atEnd: Bool { position >= tokens.count }

    var peek: String? {
      guard position < tokens.count else { return nil }
      switch tokens[position] {
      case .word(let word): return word
      case .string(let text): return "\"\(text)\""
      case .open: return "("
      case .close: return ")"
      }
    }

    private func isKeyword(_ keyword: String) -> Bool {
      guard position < tokens.count, case .word(let word) = tokens[position] else { return false }
      return word.lowercased() == keyword
    }

    mutating func orExpression() throws(ParseError) -> FilterExpression {
      var left = try andExpression()
      while isKeyword("or") {
        position += 1
        left = .or(left, try andExpression())
      }
      return left
    }

    mutating func andExpression() throws(ParseError) -> FilterExpression {
      var left = try unary()
      while isKeyword("and") {
        position += 1
        left = .and(left, try unary())
      }
      return left
    }

    mutating func unary() throws(ParseError) -> FilterExpression {
      if isKeyword("not") {
        position += 1
        return .not(try unary())
      }
      if position < tokens.count, tokens[position] == .open {
        position += 1
        let inner = try orExpression()
        guard position < tokens.count, tokens[position] == .close else {
          throw ParseError(message: "missing ')'")
        }
        position += 1
        return inner
      }
      return try comparison()
    }

    mutating func comparison() throws(ParseError) -> FilterExpression {
      guard position < tokens.count, case .word(let field) = tokens[position] else {
        throw ParseError(message: "expected an attribute name at '\(peek ?? "end")'")
      }
      if let fields, !fields.contains(field) {
        throw ParseError(message: "unsupported attribute '\(field)'")
      }
      position += 1
      guard position < tokens.count, case .word(let rawOp) = tokens[position],
        FilterExpression.operators.contains(rawOp.lowercased())
      else { throw ParseError(message: "expected an operator after '\(field)'") }
      let op = rawOp.lowercased()
      position += 1
      if op == "pr" { return .compare(field: field, op: op, value: nil) }
      guard position < tokens.count else { throw ParseError(message: "expected a value after '\(op)'") }
      switch tokens[position] {
      case .string(let literal):
        position += 1
        return .compare(field: field, op: op, value: literal)
      case .word(let word) where word == "true" || word == "false" || Double(word) != nil:
        position += 1
        return .compare(field: field, op: op, value: word)
      default:
        throw ParseError(message: "expected a quoted value after '\(op)'")
      }
    }
  }
}
