/// A value bound to, or read from, a statement.
public enum SQLiteValue: Equatable, Sendable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  /// A text value, or NULL for nil.
  public static func optional(_ text: String?) -> SQLiteValue { text.map { .text($0) } ?? .null }
  /// A real value, or NULL for nil.
  public static func optional(_ real: Double?) -> SQLiteValue { real.map { .real($0) } ?? .null }
  /// An integer value from an `Int`.
  public static func int(_ value: Int) -> SQLiteValue { .integer(Int64(value)) }
}

/// One result row, read by column index.
public struct SQLiteRow: Sendable {
  public var values: [SQLiteValue]

  public subscript(index: Int) -> SQLiteValue { values[index] }

  public func string(_ index: Int) -> String? {
    switch values[index] {
    case .text(let text): text
    case .integer(let value): String(value)
    case .real(let value): String(value)
    case .null: nil
    }
  }

  public func int(_ index: Int) -> Int? {
    switch values[index] {
    case .integer(let value): Int(value)
    case .real(let value): Int(value)
    case .text(let text): Int(text)
    case .null: nil
    }
  }

  public func double(_ index: Int) -> Double? {
    switch values[index] {
    case .integer(let value): Double(value)
    case .real(let value): value
    case .text(let text): Double(text)
    case .null: nil
    }
  }
}
