import Foundation

extension Journal {
  /// Records an org change together with its audit entry, in one transaction.
  @discardableResult
  public func recordChange(
    _ kind: OrgChangeKind, target: String, before: String?, after: String?, audit: AuditEntry? = nil
  ) throws(JournalError) -> Int64 {
    let at = timestamp
    return try transaction { database in
      try database.run(
        "INSERT INTO changes (at, kind, target, before_json, after_json) VALUES (?, ?, ?, ?, ?)",
        [
          .real(at), .text(kind.rawValue), .text(target), .optional(before.map(Redaction.redact)),
          .optional(after.map(Redaction.redact)),
        ])
      let id = database.lastInsertRowID
      if let audit { try Journal.insertAudit(audit, into: database) }
      return id
    }
  }

  /// Marks a change as undone by `restore`.
  public func markUndone(_ id: Int64, audit: AuditEntry? = nil) throws(JournalError) {
    let at = timestamp
    try transaction { database in
      try database.run(
        "UPDATE changes SET undone = 1, undone_at = ? WHERE id = ?", [.real(at), .integer(id)])
      if let audit { try Journal.insertAudit(audit, into: database) }
    }
  }

  /// Every change, oldest first.
  public func changes() throws(JournalError) -> [OrgChange] {
    try withDatabase { database in
      try database.query(
        "SELECT id, at, kind, target, before_json, after_json, undone FROM changes ORDER BY id"
      ).compactMap { row in
        guard let kind = row.string(2).flatMap(OrgChangeKind.init(rawValue:)) else { return nil }
        return OrgChange(
          id: Int64(row.int(0) ?? 0), at: Date(timeIntervalSince1970: row.double(1) ?? 0), kind: kind,
          target: row.string(3) ?? "", beforeJSON: row.string(4), afterJSON: row.string(5),
          undone: row.int(6) == 1)
      }
    }
  }
}
