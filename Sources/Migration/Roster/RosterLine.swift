/// A good roster row: who gets which catalog entry, with optional requester field values.
public struct RosterLine: Equatable, Sendable {
  public enum UserReference: Equatable, Sendable {
    /// An Okta user id (`00u…`).
    case id(String)
    /// A login or email, to be resolved through the Users API.
    case login(String)

    public var text: String {
      switch self {
      case .id(let value), .login(let value): value
      }
    }
  }

  public var line: Int
  public var user: UserReference
  public var entryID: String
  /// `requesterFieldValues` by field id.
  public var fields: [String: String]
}

/// A bad roster row or file problem, shown as `FILE:LINE: reason`.
public struct RosterIssue: Error, Equatable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int?
  public var reason: String

  public init(file: String, line: Int, column: Int? = nil, reason: String) {
    self.file = file
    self.line = line
    self.column = column
    self.reason = reason
  }

  public var description: String {
    if line == 0 { return "\(file): \(reason)" }
    return column.map { "\(file):\(line):\($0): \(reason)" } ?? "\(file):\(line): \(reason)"
  }
}

/// What a roster file yielded: the good rows, every bad row with its reason, and the columns used.
public struct RosterReadResult: Equatable, Sendable {
  public var file: String
  public var rows: [RosterLine]
  public var issues: [RosterIssue]
  public var userColumn: String
  public var entryColumn: String?
  public var fieldColumns: [String]
  public var ignoredColumns: [String]

  /// One line for the end of `load`: counts of good and bad rows.
  public var summary: String {
    let ignored = ignoredColumns.isEmpty ? "" : "; ignored columns: \(ignoredColumns.joined(separator: ", "))"
    return "\(file): \(rows.count) rows loaded, \(issues.count) rejected\(ignored)"
  }
}
