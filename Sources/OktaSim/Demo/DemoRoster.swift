import Foundation

/// The sample roster that matches the demo org: 300 data rows for the first demo app (Salesforce), users
/// given by login or by id, with 10 deliberately bad rows for the end-to-end migration test.
public enum DemoRoster {
  /// One deliberately bad row: its line in the file (header = line 1) and why it is bad.
  public struct BadRow: Sendable, Equatable {
    /// Line in the file (the header is line 1).
    public var line: Int
    /// The user field as written.
    public var user: String
    /// Why the row is bad.
    public var reason: String
  }

  /// The roster CSV (`user,entry` header) and the list of its bad rows.
  public static func make(seed: UInt64) -> (csv: String, bad: [BadRow]) {
    let org = DemoOrg.build(seed: seed, now: 0)
    let entry = org.entryOrder[0]
    let regular = org.userOrder.filter { $0 != org.adminUserId }.compactMap { org.users[$0] }
    let active = regular.filter(\.isActive)
    let inactive = regular.filter { !$0.isActive }
    var random = SeededRandom(seed: seed ^ 0x0511_7E55)
    let bad: [(user: String, entry: String, reason: String)] = [
      ("nobody.here@example.com", entry, "unknown login"),
      ("ghost.user@example.com", entry, "unknown login"),
      ("00uSHORT", entry, "malformed user id"),
      (IDShape.okta("00u", using: &random), entry, "unknown user id"),
      (inactive[0].login, entry, "deactivated user"),
      (inactive[1].id, entry, "deactivated user"),
      ("", entry, "empty user"),
      (active[3].login, "cenNOTAREALENTRY0000", "unknown catalog entry"),
      ("not a login", entry, "not a login or user id"),
      (active[0].login, entry, "duplicate of line 2"),
    ]
    // 290 good rows: every active user but the first few... (up to 290), alternating login and id.
    var rows: [(user: String, entry: String, reason: String?)] = active.prefix(290).enumerated().map {
      index, user in
      (index % 2 == 0 ? user.login : user.id, entry, nil)
    }
    // Spread the bad rows through the file at fixed places.
    let places = [12, 40, 77, 101, 150, 183, 201, 244, 270, 299]
    for (place, row) in zip(places, bad) {
      rows.insert((row.user, row.entry, row.reason), at: min(place, rows.count))
    }
    var csv = "user,entry\n"
    var badRows: [BadRow] = []
    for (index, row) in rows.enumerated() {
      csv += "\(quoted(row.user)),\(row.entry)\n"
      if let reason = row.reason { badRows.append(BadRow(line: index + 2, user: row.user, reason: reason)) }
    }
    return (csv, badRows)
  }

  private static func quoted(_ field: String) -> String {
    field.contains(where: { $0 == "," || $0 == "\"" || $0 == " " })
      ? "\"\(field.replacingOccurrences(of: "\"", with: "\"\""))\"" : field
  }
}
