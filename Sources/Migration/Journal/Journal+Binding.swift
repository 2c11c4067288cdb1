/// The org and resource a journal belongs to; a journal serves one migration only.
public struct JournalBinding: Equatable, Sendable {
  public var orgURL: String?
  public var resourceID: String?
}

extension Journal {
  /// What the journal is bound to so far.
  public func binding() throws(JournalError) -> JournalBinding {
    try withDatabase { database in
      JournalBinding(
        orgURL: try Journal.meta(database, "org_url"), resourceID: try Journal.meta(database, "resource_id"))
    }
  }

  /// Binds the journal to `orgURL`, or refuses when it already belongs to another org.
  public func bind(orgURL: String) throws(JournalError) {
    try bind(key: "org_url", value: Journal.normalizedOrg(orgURL)) { existing, requested in
      .boundToOtherOrg(path: path, journalOrg: existing, requestedOrg: requested)
    }
  }

  /// Binds the journal to `resourceID`, or refuses when it already belongs to another resource.
  public func bind(resourceID: String) throws(JournalError) {
    try bind(key: "resource_id", value: resourceID) { existing, requested in
      .boundToOtherResource(path: path, journalResource: existing, requestedResource: requested)
    }
  }

  private func bind(
    key: String, value: String, conflict: @Sendable (String, String) -> JournalError
  ) throws(JournalError) {
    try transaction { database in
      if let existing = try Journal.meta(database, key) {
        if existing != value { throw conflict(existing, value) }
        return
      }
      try database.run("INSERT INTO meta (key, value) VALUES (?, ?)", [.text(key), .text(value)])
    }
  }

  static func meta(_ database: SQLiteDatabase, _ key: String) throws -> String? {
    try database.query("SELECT value FROM meta WHERE key = ?", [.text(key)]).first?.string(0)
  }

  /// `https://Acme.okta.com/` and `https://acme.okta.com` are the same org.
  static func normalizedOrg(_ url: String) -> String {
    var text = url.trimmingCharacters(in: .whitespaces)
    while text.hasSuffix("/") { text.removeLast() }
    return text.lowercased()
  }
}

extension Journal {
  /// A migration fact worth keeping across sessions (e.g. the condition the canary proved).
  public func fact(_ key: String) throws(JournalError) -> String? {
    try withDatabase { database in try Journal.meta(database, "fact." + key) }
  }

  /// Records (or replaces) a migration fact.
  public func setFact(_ key: String, _ value: String) throws(JournalError) {
    try transaction { database in
      try database.run(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [.text("fact." + key), .text(value)])
    }
  }
}
