/// Where an effective configuration value came from (what `show config` prints).
public enum ConfigSource: Sendable, Hashable, CustomStringConvertible {
  case defaultValue
  /// A YAML file, with the 1-based position of the value.
  case file(path: String, line: Int, column: Int)
  case environment(String)
  case flag(String)

  public var description: String {
    switch self {
    case .defaultValue: "default"
    case .file(let path, let line, let column): "\(path):\(line):\(column)"
    case .environment(let name): "env \(name)"
    case .flag(let name): "flag \(name)"
    }
  }
}

/// One setting as read from one source, before it is checked and typed.
struct RawSetting: Sendable {
  enum Value: Sendable {
    case text(String)
    case list([String])
  }

  var value: Value
  var source: ConfigSource
}
