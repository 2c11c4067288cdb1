/// An approval sequence (`request-sequence`), built in the Admin Console; the API can only read it.
public struct RequestSequence: Codable, Sendable, Hashable, Identifiable {
  public var id: String
  public var name: String
  public var description: String?
  /// Where to edit it in the Admin Console.
  public var link: String?
  public var compatibleResourceTypes: [String]?
}
