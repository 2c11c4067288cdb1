/// A parsed value of a flag or argument.
public enum ArgumentValue: Equatable, Sendable {
  case toggle(Bool)
  case text(String)
  case integer(Int)
  case decimal(Double)
}
