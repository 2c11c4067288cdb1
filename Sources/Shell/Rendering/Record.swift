/// Named values of one thing (`show config`); printed as `name: value` lines, or as one JSON object.
public struct Record: Equatable, Sendable {
  public var fields: [(name: String, value: Cell)]

  public init(_ fields: [(name: String, value: Cell)]) {
    self.fields = fields
  }

  public static func == (lhs: Record, rhs: Record) -> Bool {
    lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
  }
}
