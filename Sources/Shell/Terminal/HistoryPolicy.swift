import Migration

/// Which lines go to the history file, where it lives, and how long it gets.
public struct HistoryPolicy: Equatable, Sendable {
  /// Lines kept (as `~/.sqlite_history` does).
  public var capacity = 2000

  public init(capacity: Int = 2000) {
    self.capacity = capacity
  }

  /// False for blank lines, repeats of the previous line, lines starting with a space (as bash's
  /// `ignorespace`), and any line that carries a secret.
  public func shouldRemember(_ line: String, after previous: String?) -> Bool {
    guard !line.allSatisfy(\.isWhitespace), !line.hasPrefix(" "), line != previous else { return false }
    return !Redaction.containsSecret(line)
  }

  /// `OKTABULK_HISTORY` if set and not empty, else `~/.oktabulk_history`; nil without a home.
  public static func path(environment: [String: String]) -> String? {
    if let path = environment["OKTABULK_HISTORY"], !path.isEmpty { return path }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.oktabulk_history"
  }
}
