/// An access request catalog entry (`rcar-entry`): what a user can request.
public struct CatalogEntry: Codable, Sendable, Hashable, Identifiable {
  public struct Links: Codable, Sendable, Hashable {
    public var `self`: Link?
    public var relatedEntity: Link?
    public var parent: Link?
  }

  public var id: String
  public var name: String
  public var description: String?
  public var label: String?
  /// The parent entry's id, for child entries (entitlement bundles, groups).
  public var parent: String?
  public var requestable: Bool?
  public var links: Links?

  enum CodingKeys: String, CodingKey {
    case id, name, description, label, parent, requestable
    case links = "_links"
  }
}
