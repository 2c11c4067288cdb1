/// An HTTP method, with whether repeating it is harmless (RFC 9110 §9.2.2).
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue.uppercased() }

  public static let get = HTTPMethod(rawValue: "GET")
  public static let post = HTTPMethod(rawValue: "POST")
  public static let put = HTTPMethod(rawValue: "PUT")
  public static let patch = HTTPMethod(rawValue: "PATCH")
  public static let delete = HTTPMethod(rawValue: "DELETE")
  public static let head = HTTPMethod(rawValue: "HEAD")

  /// Whether sending the request twice has the same effect as sending it once.
  /// PATCH and POST are not: the client never re-sends them after an unclear outcome.
  public var isIdempotent: Bool {
    switch rawValue {
    case "GET", "HEAD", "PUT", "DELETE", "OPTIONS": true
    default: false
    }
  }

  public var description: String { rawValue }
}
