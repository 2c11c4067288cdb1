import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The migration's durable memory: roster rows and their states, the org changes the tool made, and an
/// audit trail of every mutating API call. One SQLite file in WAL mode; every state change is one transaction.
///
/// Opening checks integrity and schema, takes an exclusive lock (a second shell is refused with the holder's
/// pid) and keeps the file private (mode 0600). Text that might carry a credential is scrubbed before storing.
public final class Journal: Sendable {
  /// The schema this build writes and reads (`PRAGMA user_version`).
  public static let schemaVersion = 1
  /// The journal file.
  public let path: String
  let connection: Mutex<SQLiteDatabase>
  let now: @Sendable () -> Date
  private let lock: JournalLock

  /// Opens or creates the journal at `path`.
  public init(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws(JournalError) {
    self.path = path
    self.now = now
    lock = try JournalLock(journalPath: path)
    try Journal.createPrivateFile(path)
    let database: SQLiteDatabase
    do {
      database = try SQLiteDatabase(path: path)
      try Journal.checkIntegrity(database, path: path)
      try Journal.migrate(database, path: path)
      try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
    } catch let error as JournalError {
      lock.release()
      throw error
    } catch let error as SQLiteError {
      lock.release()
      throw Journal.classify(error, path: path)
    } catch {
      lock.release()
      throw .cannotCreate(path: path, reason: "\(error)")
    }
    connection = Mutex(database)
  }

  /// Closes the database and releases the lock, so another shell may open the journal.
  public func close() {
    connection.withLock { $0.close() }
    lock.release()
  }

  /// Runs `body` on the connection, mapping SQLite failures to ``JournalError``.
  func withDatabase<T: Sendable>(_ body: (SQLiteDatabase) throws -> T) throws(JournalError) -> T {
    do {
      return try connection.withLock { database in try body(database) }
    } catch let error as JournalError {
      throw error
    } catch let error as SQLiteError {
      throw .storage(error)
    } catch {
      throw .storage(SQLiteError(code: -1, message: "\(error)", context: "journal"))
    }
  }

  /// Runs `body` in one transaction: the unit of a state change.
  func transaction<T: Sendable>(_ body: (SQLiteDatabase) throws -> T) throws(JournalError) -> T {
    try withDatabase { database in try database.transaction { try body(database) } }
  }

  var timestamp: Double { now().timeIntervalSince1970 }

  private static func createPrivateFile(_ path: String) throws(JournalError) {
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw .cannotCreate(path: path, reason: String(cString: strerror(errno))) }
    _ = Glibc.close(fd)
  }

  private static func checkIntegrity(_ database: SQLiteDatabase, path: String) throws {
    let rows = try database.query("PRAGMA integrity_check")
    let findings = rows.compactMap { $0.string(0) }
    if findings != ["ok"] {
      throw JournalError.corrupt(path: path, detail: findings.prefix(3).joined(separator: "; "))
    }
  }

  private static func classify(_ error: SQLiteError, path: String) -> JournalError {
    switch error.code & 0xff {
    case 26: .notAJournal(path: path)  // SQLITE_NOTADB
    case 11: .corrupt(path: path, detail: error.message)  // SQLITE_CORRUPT
    default: .storage(error)
    }
  }
}
