/// A positional argument of a command (`load <file>`).
public struct ArgumentSpec: Equatable, Sendable {
  public var name: String
  public var kind: ValueKind
  public var summary: String
  public var isOptional: Bool

  public init(_ name: String, _ kind: ValueKind, summary: String, optional: Bool = false) {
    self.name = name
    self.kind = kind
    self.summary = summary
    self.isOptional = optional
  }

  var synopsis: String { isOptional ? "[\(name)]" : "<\(name)>" }
}
