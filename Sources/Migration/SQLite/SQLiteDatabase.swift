import CSQLite

/// A thin wrapper over one SQLite connection: prepared statements, transactions, errors with SQLite's message.
///
/// Not `Sendable` on purpose: a connection belongs to one owner (the ``Journal`` keeps it behind a lock).
public final class SQLiteDatabase {
  private var handle: OpaquePointer?
  /// The file this connection opened.
  public let path: String

  /// Opens (and creates, when `create` is true) the database at `path`.
  public init(path: String, create: Bool = true) throws {
    self.path = path
    var db: OpaquePointer?
    var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
    if create { flags |= SQLITE_OPEN_CREATE }
    let rc = sqlite3_open_v2(path, &db, flags, nil)
    guard rc == SQLITE_OK, let db else {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close_v2(db)
      throw SQLiteError(code: rc, message: message, context: "open \(path)")
    }
    handle = db
    sqlite3_extended_result_codes(db, 1)
    // Another connection (a reader such as `sqlite3`) may hold the file briefly.
    sqlite3_busy_timeout(db, 2_000)
  }

  deinit { sqlite3_close_v2(handle) }

  /// Closes the connection; later calls fail.
  public func close() {
    sqlite3_close_v2(handle)
    handle = nil
  }

  var rawHandle: OpaquePointer? { handle }

  /// Runs one or more statements that take no parameters and return nothing of interest.
  public func execute(_ sql: String) throws {
    var errorMessage: UnsafeMutablePointer<CChar>?
    let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
    if rc != SQLITE_OK {
      let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
      sqlite3_free(errorMessage)
      throw SQLiteError(code: rc, message: message, context: sql)
    }
  }

  /// Prepares a statement for binding and stepping.
  public func prepare(_ sql: String) throws -> SQLiteStatement {
    try SQLiteStatement(database: self, sql: sql)
  }

  /// Prepares, binds and runs a statement that returns no rows.
  public func run(_ sql: String, _ bindings: [SQLiteValue] = []) throws {
    let statement = try prepare(sql)
    try statement.bind(bindings)
    try statement.runToEnd()
  }

  /// Prepares, binds and collects every row of a query.
  public func query(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> [SQLiteRow] {
    let statement = try prepare(sql)
    try statement.bind(bindings)
    var rows: [SQLiteRow] = []
    while let row = try statement.step() { rows.append(row) }
    return rows
  }

  /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    try execute("BEGIN IMMEDIATE")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// The rowid of the last inserted row on this connection.
  public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// Rows changed by the last statement.
  public var changes: Int { Int(sqlite3_changes(handle)) }

  var lastErrorMessage: String {
    guard let handle else { return "database is closed" }
    return String(cString: sqlite3_errmsg(handle))
  }
}
