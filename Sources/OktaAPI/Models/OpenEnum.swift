/// A string enumeration that accepts values Okta adds later.
///
/// Okta's enums grow (a new request status, a new resource type); a closed Swift `enum` would make
/// the whole answer undecodable. Conforming structs declare the known values as static constants
/// and keep any other value as it came.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible,
  ExpressibleByStringLiteral
where RawValue == String {
  init(rawValue: String)
}

extension OpenEnum {
  public init(from decoder: any Decoder) throws {
    self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public init(stringLiteral value: String) { self.init(rawValue: value) }
  public var description: String { rawValue }
}
