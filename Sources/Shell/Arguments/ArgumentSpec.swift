/// A positional argument of a command (`load <file>`).
public struct ArgumentSpec: Equatable, Sendable {
  public var name: String
  public var kind: ValueKind
  public var summary: String
  public var isOptional: Bool
  /// Words Tab offers for this argument without the parser requiring them (`set output`).
  public var suggestions: [String]

  public init(
    _ name: String, _ kind: ValueKind, summary: String, optional: Bool = false, suggestions: [String] = []
  ) {
    self.name = name
    self.kind = kind
    self.summary = summary
    self.isOptional = optional
    self.suggestions = suggestions
  }

  var synopsis: String { isOptional ? "[\(name)]" : "<\(name)>" }
}
