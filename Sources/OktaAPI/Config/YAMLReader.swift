import CYAML
import Foundation

/// Reads YAML into a ``YAMLNode`` tree with libyaml's event parser.
enum YAMLReader {
  /// Parses the first document of `text`; an empty text gives an empty mapping.
  static func parse(_ text: String, path: String) throws(YAMLError) -> YAMLNode {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      throw YAMLError(path: path, line: 1, column: 1, problem: "libyaml could not start")
    }
    defer { yaml_parser_delete(&parser) }
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buffer throws(YAMLError) in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var events = EventStream(parser: parser, path: path)
      defer { parser = events.parser }
      return try events.document()
    }
  }
}

/// Pulls events from libyaml and builds nodes recursively.
private struct EventStream {
  var parser: yaml_parser_t
  let path: String

  mutating func next() throws(YAMLError) -> (yaml_event_type_t, String, YAMLMark) {
    var event = yaml_event_t()
    guard yaml_parser_parse(&parser, &event) == 1 else {
      let mark = YAMLMark(
        line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
      let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
      let context = parser.context.map { String(cString: $0) + ": " } ?? ""
      throw YAMLError(path: path, line: mark.line, column: mark.column, problem: context + problem)
    }
    defer { yaml_event_delete(&event) }
    let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    var value = ""
    if event.type == YAML_SCALAR_EVENT, let pointer = event.data.scalar.value {
      value = String(
        decoding: UnsafeBufferPointer(start: pointer, count: Int(event.data.scalar.length)), as: UTF8.self)
    }
    return (event.type, value, mark)
  }

  mutating func document() throws(YAMLError) -> YAMLNode {
    while true {
      let (type, _, mark) = try next()
      switch type {
      case YAML_STREAM_START_EVENT: continue
      case YAML_DOCUMENT_START_EVENT: return try node(after: try next())
      case YAML_STREAM_END_EVENT: return .mapping([], mark)
      default:
        throw YAMLError(path: path, line: mark.line, column: mark.column, problem: "expected a document")
      }
    }
  }

  private mutating func node(after event: (yaml_event_type_t, String, YAMLMark)) throws(YAMLError) -> YAMLNode
  {
    let (type, value, mark) = event
    switch type {
    case YAML_SCALAR_EVENT:
      return .scalar(value, mark)
    case YAML_SEQUENCE_START_EVENT:
      var items: [YAMLNode] = []
      while true {
        let item = try next()
        if item.0 == YAML_SEQUENCE_END_EVENT { return .sequence(items, mark) }
        items.append(try node(after: item))
      }
    case YAML_MAPPING_START_EVENT:
      var pairs: [(key: String, value: YAMLNode)] = []
      while true {
        let key = try next()
        if key.0 == YAML_MAPPING_END_EVENT { return .mapping(pairs, mark) }
        guard key.0 == YAML_SCALAR_EVENT else {
          throw YAMLError(
            path: path, line: key.2.line, column: key.2.column, problem: "keys must be plain scalars")
        }
        pairs.append((key.1, try node(after: try next())))
      }
    case YAML_ALIAS_EVENT:
      throw YAMLError(path: path, line: mark.line, column: mark.column, problem: "aliases are not supported")
    case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
      return .mapping([], mark)
    default:
      throw YAMLError(path: path, line: mark.line, column: mark.column, problem: "unexpected YAML structure")
    }
  }
}
