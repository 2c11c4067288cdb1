/// An Okta user (`User`), with the profile fields the shell reads; others are ignored.
public struct User: Codable, Sendable, Hashable, Identifiable {
  public struct Profile: Codable, Sendable, Hashable {
    public var login: String?
    public var email: String?
    public var firstName: String?
    public var lastName: String?
  }

  public var id: String
  /// `ACTIVE`, `STAGED`, `SUSPENDED`, `DEPROVISIONED`…
  public var status: String?
  public var profile: Profile?
  public var created: String?
  public var lastUpdated: String?
}

/// An application (`Application`), with the fields the shell reads.
public struct Application: Codable, Sendable, Hashable, Identifiable {
  public var id: String
  public var name: String?
  public var label: String?
  public var status: String?
  public var signOnMode: String?
}
