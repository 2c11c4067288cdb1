/// One `--flag` of a command: its value kind, default, and the line of help it gets.
public struct FlagSpec: Equatable, Sendable {
  /// The long name without dashes (`concurrency`).
  public var name: String
  /// A one-letter alias used with one dash (`c` for `-c`), if any.
  public var short: Character?
  public var kind: ValueKind
  public var summary: String
  /// The value when the flag is absent, as the user would type it (`"5"`).
  public var defaultValue: String?
  /// The command cannot run without it (`clone-condition --auto-approve`).
  public var isRequired: Bool
  /// May be given more than once; every value is kept in order (`-c CMD -c CMD`).
  public var isRepeatable: Bool

  public init(
    _ name: String, short: Character? = nil, _ kind: ValueKind = .toggle, summary: String,
    default defaultValue: String? = nil, required: Bool = false, repeatable: Bool = false
  ) {
    self.name = name
    self.short = short
    self.kind = kind
    self.summary = summary
    self.defaultValue = defaultValue
    self.isRequired = required
    self.isRepeatable = repeatable
  }

  /// `--concurrency N` / `--dry-run` / `-f SCRIPT`, as in usage lines (the short form when there is one).
  public var synopsis: String {
    let flag = short.map { "-\($0)" } ?? "--\(name)"
    return kind.placeholder.map { "\(flag) \($0)" } ?? flag
  }

  /// `-f, --file SCRIPT`, as in help rows.
  var helpSynopsis: String {
    let long = kind.placeholder.map { "--\(name) \($0)" } ?? "--\(name)"
    return short.map { "-\($0), " + long } ?? long
  }
}
