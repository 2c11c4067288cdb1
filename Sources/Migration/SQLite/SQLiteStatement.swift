import CSQLite

/// A prepared statement; finalized when released.
public final class SQLiteStatement {
  private let database: SQLiteDatabase
  private var handle: OpaquePointer?
  private let sql: String

  init(database: SQLiteDatabase, sql: String) throws {
    self.database = database
    self.sql = sql
    let rc = sqlite3_prepare_v2(database.rawHandle, sql, -1, &handle, nil)
    guard rc == SQLITE_OK else {
      throw SQLiteError(code: rc, message: database.lastErrorMessage, context: sql)
    }
  }

  deinit { sqlite3_finalize(handle) }

  /// Binds values to the positional parameters (`?`), in order.
  public func bind(_ values: [SQLiteValue]) throws {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      let rc: Int32
      switch value {
      case .null: rc = sqlite3_bind_null(handle, index)
      case .integer(let number): rc = sqlite3_bind_int64(handle, index, number)
      case .real(let number): rc = sqlite3_bind_double(handle, index, number)
      case .text(let text): rc = sqlite3_bind_text(handle, index, text, -1, csqlite_transient())
      }
      guard rc == SQLITE_OK else { throw failure(rc) }
    }
  }

  /// Steps once: the next row, or nil when done.
  public func step() throws -> SQLiteRow? {
    let rc = sqlite3_step(handle)
    switch rc {
    case SQLITE_ROW: return currentRow()
    case SQLITE_DONE: return nil
    default: throw failure(rc)
    }
  }

  /// Steps until the statement is done, ignoring rows.
  public func runToEnd() throws {
    while try step() != nil {}
  }

  private func currentRow() -> SQLiteRow {
    let count = sqlite3_column_count(handle)
    var values: [SQLiteValue] = []
    values.reserveCapacity(Int(count))
    for column in 0..<count {
      switch sqlite3_column_type(handle, column) {
      case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(handle, column)))
      case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(handle, column)))
      case SQLITE_NULL: values.append(.null)
      default:
        let text = sqlite3_column_text(handle, column).map { String(cString: $0) } ?? ""
        values.append(.text(text))
      }
    }
    return SQLiteRow(values: values)
  }

  private func failure(_ rc: Int32) -> SQLiteError {
    SQLiteError(code: rc, message: database.lastErrorMessage, context: sql)
  }
}
