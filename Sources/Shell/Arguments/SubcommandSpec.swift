/// A sub-command word (`show roster`).
public struct SubcommandSpec: Equatable, Sendable {
  public var name: String
  public var summary: String

  public init(_ name: String, summary: String) {
    self.name = name
    self.summary = summary
  }
}
