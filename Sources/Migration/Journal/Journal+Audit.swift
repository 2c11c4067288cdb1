import Foundation

extension Journal {
  /// Appends one entry to the audit trail (its own transaction).
  public func appendAudit(_ entry: AuditEntry) throws(JournalError) {
    try transaction { database in try Journal.insertAudit(entry, into: database) }
  }

  /// The whole audit trail, oldest first.
  public func auditTrail() throws(JournalError) -> [AuditEntry] {
    try withDatabase { database in
      try database.query("SELECT at, action, target, result, okta_request_id FROM audit ORDER BY id").map {
        AuditEntry(
          at: Date(timeIntervalSince1970: $0.double(0) ?? 0), action: $0.string(1) ?? "",
          target: $0.string(2) ?? "", result: $0.string(3) ?? "", oktaRequestID: $0.string(4))
      }
    }
  }

  /// The audit trail as JSON lines (one object per line, ISO 8601 times).
  public func auditJSONLines() throws(JournalError) -> String {
    let encoder = JSONEncoder.sorted
    encoder.dateEncodingStrategy = .iso8601
    return try auditTrail().map { entry in
      (try? encoder.encode(entry)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }.map { $0 + "\n" }.joined()
  }

  static func insertAudit(_ entry: AuditEntry, into database: SQLiteDatabase) throws {
    try database.run(
      "INSERT INTO audit (at, action, target, result, okta_request_id) VALUES (?, ?, ?, ?, ?)",
      [
        .real(entry.at.timeIntervalSince1970), .text(entry.action), .text(Redaction.redact(entry.target)),
        .text(Redaction.redact(entry.result)), .optional(entry.oktaRequestID),
      ])
  }
}
