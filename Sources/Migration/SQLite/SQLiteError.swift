import CSQLite

/// A failure reported by SQLite, carrying its own message so that callers can show the cause.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, …).
  public var code: Int32
  /// SQLite's message for this failure.
  public var message: String
  /// What we were doing when it failed (a statement or an operation name).
  public var context: String

  public init(code: Int32, message: String, context: String) {
    self.code = code
    self.message = message
    self.context = context
  }

  public var description: String { "SQLite error \(code) (\(context)): \(message)" }

  /// True for a uniqueness or other constraint violation.
  public var isConstraintViolation: Bool { code & 0xff == SQLITE_CONSTRAINT }
}
