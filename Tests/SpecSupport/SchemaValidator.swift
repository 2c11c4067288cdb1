import Foundation

/// Validates JSON against the JSON Schema subset Okta's OpenAPI 3.0 files use: `$ref`, `type`, `nullable`,
/// `properties`, `required`, `additionalProperties`, `enum`, `items`, `minItems`/`maxItems`, `allOf`, `anyOf`,
/// `oneOf` with or without `discriminator`, `minLength`/`maxLength`, `pattern`, `minimum`/`maximum`,
/// `readOnly`, and the `date-time` format.
public struct SchemaValidator: Sendable {
  /// Which way the document travels: `readOnly` properties may only appear in responses.
  public enum Direction: Sendable {
    case request
    case response
  }

  public let spec: OpenAPISpec
  public let direction: Direction

  public init(spec: OpenAPISpec, direction: Direction) {
    self.spec = spec
    self.direction = direction
  }

  /// Every way `value` breaks `schema`; empty when it conforms.
  public func violations(of value: JSONValue, against schema: JSONValue) -> [SchemaViolation] {
    var found: [SchemaViolation] = []
    check(value, schema, at: "$", into: &found, depth: 0)
    return found
  }

  private func check(
    _ value: JSONValue, _ rawSchema: JSONValue, at path: String, into found: inout [SchemaViolation],
    depth: Int
  ) {
    guard depth < 64 else {
      found.append(SchemaViolation(path: path, message: "schema nesting too deep (cyclic $ref?)"))
      return
    }
    guard let schema = spec.dereference(rawSchema) else {
      found.append(SchemaViolation(path: path, message: "unresolvable $ref \(rawSchema.jsonText)"))
      return
    }
    if value == .null {
      if schema["nullable"]?.boolValue == true
        || schema["type"] == nil && schema["allOf"] == nil
          && schema["oneOf"] == nil && schema["anyOf"] == nil && schema["enum"] == nil
      {
        return
      }
      found.append(SchemaViolation(path: path, message: "null is not allowed here"))
      return
    }
    for part in schema["allOf"]?.arrayValue ?? [] {
      check(value, part, at: path, into: &found, depth: depth + 1)
    }
    if let choices = schema["anyOf"]?.arrayValue {
      let passing = choices.filter { violations(value, $0, depth: depth + 1).isEmpty }
      if passing.isEmpty {
        found.append(SchemaViolation(path: path, message: "matches none of anyOf's \(choices.count) schemas"))
      }
    }
    if let choices = schema["oneOf"]?.arrayValue {
      checkOneOf(value, choices, schema["discriminator"], at: path, into: &found, depth: depth)
    }
    if let type = schema["type"]?.stringValue, !conforms(value, to: type) {
      found.append(SchemaViolation(path: path, message: "expected \(type), got \(value.typeName)"))
      return
    }
    if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
      let list = allowed.map(\.jsonText).joined(separator: ", ")
      found.append(SchemaViolation(path: path, message: "\(value.jsonText) is not one of \(list)"))
    }
    switch value {
    case .string(let text): checkString(text, schema, at: path, into: &found)
    case .integer, .number: checkNumber(value.numberValue ?? 0, schema, at: path, into: &found)
    case .array(let elements): checkArray(elements, schema, at: path, into: &found, depth: depth)
    case .object(let members): checkObject(members, schema, at: path, into: &found, depth: depth)
    default: break
    }
  }

  private func violations(_ value: JSONValue, _ schema: JSONValue, depth: Int) -> [SchemaViolation] {
    var found: [SchemaViolation] = []
    check(value, schema, at: "$", into: &found, depth: depth)
    return found
  }

  private func checkOneOf(
    _ value: JSONValue, _ choices: [JSONValue], _ discriminator: JSONValue?, at path: String,
    into found: inout [SchemaViolation], depth: Int
  ) {
    if let property = discriminator?["propertyName"]?.stringValue {
      guard let tag = value[property]?.stringValue else {
        found.append(SchemaViolation(path: path, message: "missing discriminator property '\(property)'"))
        return
      }
      let reference =
        discriminator?["mapping"]?[tag]?.stringValue
        ?? choices.compactMap { $0["$ref"]?.stringValue }.first { $0.hasSuffix("/\(tag)") }
      guard let reference else {
        found.append(
          SchemaViolation(path: "\(path).\(property)", message: "unknown discriminator value '\(tag)'"))
        return
      }
      check(value, .object(["$ref": .string(reference)]), at: path, into: &found, depth: depth + 1)
      return
    }
    let passing = choices.filter { violations(value, $0, depth: depth + 1).isEmpty }.count
    if passing != 1 {
      found.append(
        SchemaViolation(
          path: path, message: "matches \(passing) of oneOf's \(choices.count) schemas, not exactly 1"))
    }
  }

  private func conforms(_ value: JSONValue, to type: String) -> Bool {
    switch (type, value) {
    case ("string", .string), ("boolean", .bool), ("array", .array), ("object", .object): true
    case ("integer", .integer): true
    case ("integer", .number(let number)): number.rounded() == number
    case ("number", .integer), ("number", .number): true
    default: false
    }
  }

  private func checkString(
    _ text: String, _ schema: JSONValue, at path: String, into found: inout [SchemaViolation]
  ) {
    let length = text.count
    if let minimum = schema["minLength"]?.numberValue, Double(length) < minimum {
      found.append(
        SchemaViolation(path: path, message: "length \(length) is below minLength \(Int(minimum))"))
    }
    if let maximum = schema["maxLength"]?.numberValue, Double(length) > maximum {
      found.append(
        SchemaViolation(path: path, message: "length \(length) is above maxLength \(Int(maximum))"))
    }
    if let pattern = schema["pattern"]?.stringValue {
      // JSON Schema patterns are searched, not anchored: the spec anchors them itself where it means to.
      if let regex = try? Regex(pattern) {
        if (try? regex.firstMatch(in: text)) == nil {
          found.append(SchemaViolation(path: path, message: "\"\(text)\" does not match pattern \(pattern)"))
        }
      } else {
        found.append(SchemaViolation(path: path, message: "the spec's pattern \(pattern) does not compile"))
      }
    }
    if schema["format"]?.stringValue == "date-time", !Self.isDateTime(text) {
      found.append(SchemaViolation(path: path, message: "\"\(text)\" is not an RFC 3339 date-time"))
    }
  }

  /// RFC 3339 `date-time`: `2024-05-01T12:00:00Z`, fractional seconds and numeric offsets allowed.
  static func isDateTime(_ text: String) -> Bool {
    let shape = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/
    return text.wholeMatch(of: shape) != nil
  }

  private func checkNumber(
    _ number: Double, _ schema: JSONValue, at path: String, into found: inout [SchemaViolation]
  ) {
    if let minimum = schema["minimum"]?.numberValue, number < minimum {
      found.append(SchemaViolation(path: path, message: "\(number) is below minimum \(minimum)"))
    }
    if let maximum = schema["maximum"]?.numberValue, number > maximum {
      found.append(SchemaViolation(path: path, message: "\(number) is above maximum \(maximum)"))
    }
  }

  private func checkArray(
    _ elements: [JSONValue], _ schema: JSONValue, at path: String, into found: inout [SchemaViolation],
    depth: Int
  ) {
    if let minimum = schema["minItems"]?.numberValue, Double(elements.count) < minimum {
      found.append(
        SchemaViolation(path: path, message: "\(elements.count) items, fewer than minItems \(Int(minimum))"))
    }
    if let maximum = schema["maxItems"]?.numberValue, Double(elements.count) > maximum {
      found.append(
        SchemaViolation(path: path, message: "\(elements.count) items, more than maxItems \(Int(maximum))"))
    }
    if let items = schema["items"] {
      for (index, element) in elements.enumerated() {
        check(element, items, at: "\(path)[\(index)]", into: &found, depth: depth + 1)
      }
    }
  }

  private func checkObject(
    _ members: [String: JSONValue], _ schema: JSONValue, at path: String, into found: inout [SchemaViolation],
    depth: Int
  ) {
    let properties = schema["properties"]?.objectValue ?? [:]
    for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
      // OpenAPI 3.0: a required readOnly property is required in responses only.
      if direction == .request, isReadOnly(properties[name]) { continue }
      found.append(SchemaViolation(path: path, message: "missing required property '\(name)'"))
    }
    for name in members.keys.sorted() {
      let value = members[name]!
      let memberPath = "\(path).\(name)"
      if let property = properties[name] {
        if direction == .request, isReadOnly(property) {
          found.append(SchemaViolation(path: memberPath, message: "readOnly property sent in a request"))
        }
        check(value, property, at: memberPath, into: &found, depth: depth + 1)
      } else if let additional = schema["additionalProperties"] {
        if additional == .bool(false) {
          found.append(SchemaViolation(path: memberPath, message: "property not allowed here"))
        } else if additional != .bool(true) {
          check(value, additional, at: memberPath, into: &found, depth: depth + 1)
        }
      }
    }
  }

  private func isReadOnly(_ property: JSONValue?) -> Bool {
    guard let property else { return false }
    if property["readOnly"]?.boolValue == true { return true }
    return spec.dereference(property)?["readOnly"]?.boolValue == true
  }
}

/// One way a document breaks its schema, with a JSONPath-like location.
public struct SchemaViolation: Sendable, Equatable, CustomStringConvertible {
  public let path: String
  public let message: String

  public var description: String { "\(path): \(message)" }
}
