import Foundation

extension Journal {
  static let rosterColumns = """
    id, source, line, user_input, user_id, entry_id, fields_json, state, request_id, request_status, \
    grant_status, attempts, last_error, reconciliation, created_at, updated_at, intent_at, submitted_at, finished_at
    """

  /// Adds rows in one transaction; a pair already in the journal is left as it is (reloading resumes).
  /// - Returns: how many rows were new.
  @discardableResult
  public func addRoster(_ drafts: [RosterDraft]) throws(JournalError) -> Int {
    let at = timestamp
    return try transaction { database in
      let insert = try database.prepare(
        """
        INSERT OR IGNORE INTO roster
          (pair_key, source, line, user_input, user_id, entry_id, fields_json, state, last_error, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
      var added = 0
      for draft in drafts {
        let state: RosterState =
          draft.invalidReason != nil ? .invalid : (draft.userID != nil ? .resolved : .loaded)
        try insert.bind([
          .text(draft.pairKey), .text(draft.source), .int(draft.line), .text(draft.userInput),
          .optional(draft.userID), .text(draft.entryID), .optional(Journal.encodeFields(draft.fields)),
          .text(state.rawValue), .optional(draft.invalidReason.map(Redaction.redact)), .real(at),
          .real(at),
        ])
        try insert.runToEnd()
        added += database.changes
      }
      return added
    }
  }

  /// One row by id.
  public func row(_ id: Int64) throws(JournalError) -> RosterRow? {
    try withDatabase { database in
      try database.query("SELECT \(Journal.rosterColumns) FROM roster WHERE id = ?", [.integer(id)])
        .first.map(Journal.decodeRow)
    }
  }

  /// Rows in any of `states` (all rows when empty), in file order.
  public func rows(in states: Set<RosterState> = [], limit: Int? = nil) throws(JournalError) -> [RosterRow] {
    let filter =
      states.isEmpty
      ? "" : "WHERE state IN (\(states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")))"
    let limitClause = limit.map { " LIMIT \($0)" } ?? ""
    return try withDatabase { database in
      try database.query("SELECT \(Journal.rosterColumns) FROM roster \(filter) ORDER BY id\(limitClause)")
        .map(Journal.decodeRow)
    }
  }

  /// Rows for one user (by id or as typed in the file).
  public func rows(forUser user: String) throws(JournalError) -> [RosterRow] {
    try withDatabase { database in
      try database.query(
        "SELECT \(Journal.rosterColumns) FROM roster WHERE user_id = ? OR lower(user_input) = lower(?) ORDER BY id",
        [.text(user), .text(user)]
      ).map(Journal.decodeRow)
    }
  }

  /// The row holding request `requestID`, if any.
  public func row(requestID: String) throws(JournalError) -> RosterRow? {
    try withDatabase { database in
      try database.query(
        "SELECT \(Journal.rosterColumns) FROM roster WHERE request_id = ?", [.text(requestID)]
      ).first.map(Journal.decodeRow)
    }
  }

  /// How many rows are in each state (states with none are absent).
  public func stateCounts() throws(JournalError) -> [RosterState: Int] {
    try withDatabase { database in
      var counts: [RosterState: Int] = [:]
      for row in try database.query("SELECT state, count(*) FROM roster GROUP BY state") {
        if let state = row.string(0).flatMap(RosterState.init(rawValue:)) { counts[state] = row.int(1) ?? 0 }
      }
      return counts
    }
  }

  // MARK: State changes: each one transaction, each checked against RosterState.allowedNext.

  /// `loaded → resolved` with the user's Okta id.
  public func resolve(_ id: Int64, userID: String) throws(JournalError) {
    try change(id, to: .resolved, set: ["user_id": .text(userID)])
  }

  /// Marks a row invalid (unknown user, entry of another resource…) with its reason.
  public func invalidate(_ id: Int64, reason: String) throws(JournalError) {
    try change(id, to: .invalid, set: ["last_error": .text(Redaction.redact(reason))])
  }

  /// `→ intent`, committed before the POST: from now on the row is in doubt until its outcome is known.
  public func recordIntent(_ id: Int64) throws(JournalError) {
    let at = timestamp
    try change(
      id, to: .intent, set: ["intent_at": .real(at), "attempts": .text("attempts + 1")], raw: ["attempts"])
  }

  /// `intent → submitted` with the request id from the 202 (or adopted during reconciliation).
  public func recordSubmitted(
    _ id: Int64, requestID: String, status: String?, reconciliation: Reconciliation? = nil,
    audit: AuditEntry? = nil
  ) throws(JournalError) {
    let at = timestamp
    var values: [String: SQLiteValue] = [
      "request_id": .text(requestID), "request_status": .optional(status), "submitted_at": .real(at),
      "last_error": .null,
    ]
    if let reconciliation { values["reconciliation"] = .text(reconciliation.rawValue) }
    try change(id, to: .submitted, set: values, audit: audit)
  }

  /// `intent → resolved`: the POST surely did not create a request (refused before acceptance); send later.
  public func recordNotSent(
    _ id: Int64, reason: String, reconciliation: Reconciliation? = nil, audit: AuditEntry? = nil
  ) throws(JournalError) {
    var values: [String: SQLiteValue] = ["last_error": .text(Redaction.redact(reason))]
    if let reconciliation { values["reconciliation"] = .text(reconciliation.rawValue) }
    try change(id, to: .resolved, set: values, audit: audit)
  }

  /// A row's request moved on: approved, granted, failed or stuck, with what the org reported.
  public func recordProgress(
    _ id: Int64, to state: RosterState, requestStatus: String? = nil, grantStatus: String? = nil,
    error: String? = nil, audit: AuditEntry? = nil
  ) throws(JournalError) {
    var values: [String: SQLiteValue] = [:]
    if let requestStatus { values["request_status"] = .text(requestStatus) }
    if let grantStatus { values["grant_status"] = .text(grantStatus) }
    if let error { values["last_error"] = .text(Redaction.redact(error)) }
    if state == .granted || state == .failed { values["finished_at"] = .real(timestamp) }
    try change(id, to: state, set: values, audit: audit)
  }

  /// Updates the org's view of a row's request without changing its state (e.g. still PENDING).
  public func recordObserved(_ id: Int64, requestStatus: String?, grantStatus: String?) throws(JournalError) {
    let at = timestamp
    try transaction { database in
      try database.run(
        "UPDATE roster SET request_status = ?, grant_status = ?, updated_at = ? WHERE id = ?",
        [.optional(requestStatus), .optional(grantStatus), .real(at), .integer(id)])
    }
  }

  /// Sets a row aside (`skip`), e.g. a user the team decided not to migrate.
  public func skip(_ id: Int64, reason: String) throws(JournalError) {
    try change(id, to: .skipped, set: ["last_error": .text(Redaction.redact(reason))])
  }

  private func change(
    _ id: Int64, to target: RosterState, set values: [String: SQLiteValue], raw: Set<String> = [],
    audit: AuditEntry? = nil
  ) throws(JournalError) {
    let at = timestamp
    try transaction { database in
      let current = try database.query("SELECT state FROM roster WHERE id = ?", [.integer(id)]).first?
        .string(0).flatMap(RosterState.init(rawValue:))
      guard let current, current.allowedNext.contains(target) else {
        throw JournalError.illegalTransition(rowID: id, from: current, to: target)
      }
      var assignments = ["state = ?", "updated_at = ?"]
      var bindings: [SQLiteValue] = [.text(target.rawValue), .real(at)]
      for (column, value) in values.sorted(by: { $0.key < $1.key }) {
        if raw.contains(column), case .text(let expression) = value {
          assignments.append("\(column) = \(expression)")
        } else {
          assignments.append("\(column) = ?")
          bindings.append(value)
        }
      }
      try database.run(
        "UPDATE roster SET \(assignments.joined(separator: ", ")) WHERE id = ?", bindings + [.integer(id)])
      if let audit { try Journal.insertAudit(audit, into: database) }
    }
  }

  static func decodeRow(_ row: SQLiteRow) -> RosterRow {
    RosterRow(
      id: Int64(row.int(0) ?? 0), source: row.string(1) ?? "", line: row.int(2) ?? 0,
      userInput: row.string(3) ?? "", userID: row.string(4), entryID: row.string(5) ?? "",
      fields: decodeFields(row.string(6)),
      state: row.string(7).flatMap(RosterState.init(rawValue:)) ?? .loaded,
      requestID: row.string(8), requestStatus: row.string(9), grantStatus: row.string(10),
      attempts: row.int(11) ?? 0, lastError: row.string(12),
      reconciliation: row.string(13).flatMap(Reconciliation.init(rawValue:)),
      createdAt: date(row.double(14)) ?? .distantPast, updatedAt: date(row.double(15)) ?? .distantPast,
      intentAt: date(row.double(16)), submittedAt: date(row.double(17)), finishedAt: date(row.double(18)))
  }

  private static func date(_ seconds: Double?) -> Date? { seconds.map(Date.init(timeIntervalSince1970:)) }

  static func encodeFields(_ fields: [String: String]) -> String? {
    guard !fields.isEmpty, let data = try? JSONEncoder.sorted.encode(fields) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  static func decodeFields(_ text: String?) -> [String: String] {
    guard let text, let fields = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    else {
      return [:]
    }
    return fields
  }
}

extension JSONEncoder {
  /// An encoder with stable key order, so stored JSON compares equal byte for byte.
  static var sorted: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
