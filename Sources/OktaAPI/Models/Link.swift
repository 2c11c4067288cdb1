/// A HAL link (`link` in the spec).
public struct Link: Codable, Sendable, Hashable {
  public var href: String
  public var name: String?
  public var title: String?
  public var type: String?
  public var templated: Bool?

  public init(href: String) { self.href = href }

  /// The last path segment of `href`: the id of what it points to.
  public var targetID: String? {
    href.split(separator: "?").first?.split(separator: "/").last.map(String.init)
  }
}
