import Foundation

/// A roster row about to be written: one (user, entry) pair from the file, or an invalid line with its reason.
public struct RosterDraft: Equatable, Sendable {
  public var source: String
  public var line: Int
  public var userInput: String
  public var userID: String?
  public var entryID: String
  public var fields: [String: String]
  /// Set for a row that failed validation; stored as `invalid` with this reason.
  public var invalidReason: String?

  public init(
    source: String, line: Int, userInput: String, userID: String? = nil, entryID: String,
    fields: [String: String] = [:], invalidReason: String? = nil
  ) {
    self.source = source
    self.line = line
    self.userInput = userInput
    self.userID = userID
    self.entryID = entryID
    self.fields = fields
    self.invalidReason = invalidReason
  }

  /// The identity of a row across reloads: the same pair from a file loaded again is the same row.
  var pairKey: String {
    if invalidReason != nil { return "invalid:\(source):\(line)" }
    return "\((userID ?? userInput).lowercased())|\(entryID)"
  }
}

/// How an in-doubt row was settled.
public enum Reconciliation: String, Sendable, Codable {
  /// An existing request was found and taken as this row's.
  case adopted
  /// No request was found, so the row was sent again.
  case resent
}

/// One roster row as the journal holds it.
public struct RosterRow: Equatable, Sendable {
  public var id: Int64
  public var source: String
  public var line: Int
  public var userInput: String
  public var userID: String?
  public var entryID: String
  public var fields: [String: String]
  public var state: RosterState
  public var requestID: String?
  public var requestStatus: String?
  public var grantStatus: String?
  public var attempts: Int
  public var lastError: String?
  public var reconciliation: Reconciliation?
  public var createdAt: Date
  public var updatedAt: Date
  public var intentAt: Date?
  public var submittedAt: Date?
  public var finishedAt: Date?
}
