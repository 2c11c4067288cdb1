extension Journal {
  /// Creates the schema on an empty file and refuses files that are not ours or are too new.
  static func migrate(_ database: SQLiteDatabase, path: String) throws {
    let version = try database.query("PRAGMA user_version").first?.int(0) ?? 0
    if version > schemaVersion {
      throw JournalError.newerSchema(path: path, found: version, supported: schemaVersion)
    }
    if version == schemaVersion {
      let app = try database.query("SELECT value FROM meta WHERE key = 'app'").first?.string(0)
      guard app == "oktabulk" else { throw JournalError.notAJournal(path: path) }
      return
    }
    let tables = try database.query("SELECT count(*) FROM sqlite_master WHERE type = 'table'").first?.int(0)
    guard tables == 0 else { throw JournalError.notAJournal(path: path) }
    try database.transaction {
      try database.execute(schemaV1)
      try database.execute("PRAGMA user_version = \(schemaVersion)")
    }
  }

  private static let schemaV1 = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta (key, value) VALUES ('app', 'oktabulk');
    CREATE TABLE roster (
      id INTEGER PRIMARY KEY,
      pair_key TEXT NOT NULL UNIQUE,
      source TEXT NOT NULL,
      line INTEGER NOT NULL,
      user_input TEXT NOT NULL,
      user_id TEXT,
      entry_id TEXT NOT NULL,
      fields_json TEXT,
      state TEXT NOT NULL,
      request_id TEXT,
      request_status TEXT,
      grant_status TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      reconciliation TEXT,
      created_at REAL NOT NULL,
      updated_at REAL NOT NULL,
      intent_at REAL,
      submitted_at REAL,
      finished_at REAL
    );
    CREATE INDEX roster_state ON roster(state);
    CREATE INDEX roster_request ON roster(request_id);
    CREATE TABLE changes (
      id INTEGER PRIMARY KEY,
      at REAL NOT NULL,
      kind TEXT NOT NULL,
      target TEXT NOT NULL,
      before_json TEXT,
      after_json TEXT,
      undone INTEGER NOT NULL DEFAULT 0,
      undone_at REAL
    );
    CREATE TABLE audit (
      id INTEGER PRIMARY KEY,
      at REAL NOT NULL,
      action TEXT NOT NULL,
      target TEXT NOT NULL,
      result TEXT NOT NULL,
      okta_request_id TEXT
    );
    """
}
