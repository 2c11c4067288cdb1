/// What a flag or an argument accepts, and the checks its value must pass.
public enum ValueKind: Equatable, Sendable {
  /// No value: the flag's presence is the value.
  case toggle
  /// Any text; `placeholder` names it in usage lines (`URL`, `NAME`).
  case text(placeholder: String)
  /// A file path (completes file names).
  case path(placeholder: String)
  /// A whole number within `range`.
  case integer(placeholder: String, range: ClosedRange<Int>)
  /// A decimal number within `minimum…maximum` (`maximum` nil: no upper bound).
  case decimal(placeholder: String, minimum: Double, maximum: Double?)
  /// One of a fixed set of words.
  case choice([String])

  /// How the value shows in usage lines.
  public var placeholder: String? {
    switch self {
    case .toggle: nil
    case .text(let name), .path(let name), .integer(let name, _), .decimal(let name, _, _): name
    case .choice(let words): words.joined(separator: "|")
    }
  }

  /// The words offered by completion (choices), if any.
  public var choices: [String] {
    if case .choice(let words) = self { return words }
    return []
  }

  /// Reads `text` as this kind's value, or explains (for a usage error) why it is not one.
  public func parse(_ text: String) -> Result<ArgumentValue, ValueProblem> {
    switch self {
    case .toggle:
      return .success(.toggle(true))
    case .text, .path:
      return .success(.text(text))
    case .integer(_, let range):
      guard let number = Int(text) else { return .failure(.notAnInteger(text)) }
      guard range.contains(number) else { return .failure(.outOfRange(text, Self.describe(range))) }
      return .success(.integer(number))
    case .decimal(_, let minimum, let maximum):
      guard let number = Double(text), number.isFinite else { return .failure(.notANumber(text)) }
      guard number >= minimum, maximum.map({ number <= $0 }) ?? true else {
        return .failure(.outOfRange(text, Self.describe(minimum: minimum, maximum: maximum)))
      }
      return .success(.decimal(number))
    case .choice(let words):
      guard words.contains(text) else { return .failure(.notAChoice(text, words)) }
      return .success(.text(text))
    }
  }

  /// The accepted values in words, for help text ("1…75", "≥ 0").
  public var constraint: String? {
    switch self {
    case .integer(_, let range): Self.describe(range)
    case .decimal(_, let minimum, let maximum): Self.describe(minimum: minimum, maximum: maximum)
    case .toggle, .text, .path, .choice: nil
    }
  }

  private static func describe(_ range: ClosedRange<Int>) -> String {
    range.upperBound == Int.max ? "≥ \(range.lowerBound)" : "\(range.lowerBound)…\(range.upperBound)"
  }

  private static func describe(minimum: Double, maximum: Double?) -> String {
    let low = format(minimum)
    guard let maximum else { return "≥ \(low)" }
    return "\(low)…\(format(maximum))"
  }

  static func format(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }
}
