/// The process exit status, as documented in the README: the only values `oktabulk` ever exits with.
public enum ExitStatus: Int32, Sendable, Comparable {
  /// Everything went well.
  case success = 0
  /// A command failed.
  case failure = 1
  /// A command line or a command was used the wrong way.
  case usage = 2
  /// Ctrl-C stopped a command or a script.
  case interrupted = 130

  public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
