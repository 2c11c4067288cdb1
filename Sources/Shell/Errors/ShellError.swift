/// Failures raised by the shell itself (not by a usage mistake and not by Okta).
public enum ShellError: Error, Equatable, Sendable {
  /// A command failed for a reason the user can read and act on.
  case failed(command: String, reason: String)
  /// A file could not be read.
  case unreadableFile(path: String, reason: String)
  /// `source` nested deeper than the limit (probably a script that sources itself).
  case sourceTooDeep(path: String, limit: Int)
}

extension ShellError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .failed(let command, let reason): "\(command): \(reason)"
    case .unreadableFile(let path, let reason): "\(path): \(reason)"
    case .sourceTooDeep(let path, let limit): "\(path): source nested more than \(limit) deep"
    }
  }
}
