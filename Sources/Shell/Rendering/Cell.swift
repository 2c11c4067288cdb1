/// One value in a result: typed, so JSON gets numbers and tables right-align them.
public enum Cell: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
  case text(String)
  case integer(Int)
  case decimal(Double)
  case flag(Bool)
  /// No value (`null` in JSON, blank in a table).
  case empty

  public init(stringLiteral value: String) { self = .text(value) }
  public init(integerLiteral value: Int) { self = .integer(value) }

  /// How the value shows in a table.
  public var plain: String {
    switch self {
    case .text(let text): text
    case .integer(let number): String(number)
    case .decimal(let number): ValueKind.format(number)
    case .flag(let value): value ? "yes" : "no"
    case .empty: ""
    }
  }

  var isNumeric: Bool {
    switch self {
    case .integer, .decimal: true
    default: false
    }
  }

  var json: String {
    switch self {
    case .text(let text): JSONText.quote(text)
    case .integer(let number): String(number)
    case .decimal(let number): number.isFinite ? String(number) : "null"
    case .flag(let value): value ? "true" : "false"
    case .empty: "null"
    }
  }
}
