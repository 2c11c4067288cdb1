/// A request the migration asks the org to create on a user's behalf.
public struct RequestDraft: Equatable, Sendable {
  public var userID: String
  public var entryID: String
  public var fields: [String: String]

  public init(userID: String, entryID: String, fields: [String: String] = [:]) {
    self.userID = userID
    self.entryID = entryID
    self.fields = fields
  }
}
