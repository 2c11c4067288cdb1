/// A YAML document as a plain tree, each node remembering where it was written.
enum YAMLNode: Sendable {
  case scalar(String, YAMLMark)
  case sequence([YAMLNode], YAMLMark)
  case mapping([(key: String, value: YAMLNode)], YAMLMark)

  var mark: YAMLMark {
    switch self {
    case .scalar(_, let mark), .sequence(_, let mark), .mapping(_, let mark): mark
    }
  }

  subscript(key: String) -> YAMLNode? {
    guard case .mapping(let pairs, _) = self else { return nil }
    return pairs.last { $0.key == key }?.value
  }
}

/// A 1-based line and column in a YAML file.
struct YAMLMark: Sendable, Hashable {
  var line: Int
  var column: Int
}

/// A YAML file that libyaml could not read, with the position it reported.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var column: Int
  public var problem: String

  public var description: String { "\(path):\(line):\(column): \(problem)" }
}
