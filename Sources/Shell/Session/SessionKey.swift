/// A typed slot in `Session` that another file or module adds without editing `Session` itself:
///
/// ```swift
/// enum JournalKey: SessionKey { static var defaultValue: Journal? { nil } }
/// extension Session {
///   var journal: Journal? {
///     get { self[JournalKey.self] }
///     set { self[JournalKey.self] = newValue }
///   }
/// }
/// ```
public protocol SessionKey {
  associatedtype Value
  static var defaultValue: Value { get }
}
