/// How to read a roster file: which columns hold users and entries, or one entry for every row.
public struct RosterOptions: Equatable, Sendable {
  /// Header of the user column, when it is not one of the usual names.
  public var userColumn: String?
  /// Header of the entry column, when it is not one of the usual names.
  public var entryColumn: String?
  /// The catalog entry for rows without one (a roster of users only).
  public var entry: String?
  public var limits: DelimitedLimits

  public init(
    userColumn: String? = nil, entryColumn: String? = nil, entry: String? = nil,
    limits: DelimitedLimits = DelimitedLimits()
  ) {
    self.userColumn = userColumn
    self.entryColumn = entryColumn
    self.entry = entry
    self.limits = limits
  }

  /// Header names taken as the user column, in order of preference (compared loosely: case, `_`, `-`, spaces).
  public static let userAliases = ["userid", "user", "login", "email", "username"]
  /// Header names taken as the entry column.
  public static let entryAliases = ["catalogentryid", "entryid", "entry"]
  /// Columns named `field:ID` (or `field.ID`) become `requesterFieldValues` with that id.
  public static let fieldPrefixes = ["field:", "field."]
}
