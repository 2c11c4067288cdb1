/// Checks a request body against the rules of a request schema and collects every violation as an Okta
/// error cause (location = JSON pointer), instead of stopping at the first.
struct BodyCheck {
  private(set) var causes: [OktaError.Cause] = []

  var isValid: Bool { causes.isEmpty }

  mutating func fail(_ location: String, _ summary: String, reason: String) {
    causes.append(
      OktaError.Cause(summary: summary, reason: reason, location: location, locationType: "body"))
  }

  /// The value if present; a missing required value is recorded.
  private mutating func present(_ value: JSONValue?, at location: String, required: Bool) -> JSONValue? {
    if value == nil, required {
      fail(
        location, "must have required property '\(Self.last(location))'", reason: "REQUIRED_PROPERTY_MISSING")
    }
    return value
  }

  /// The object at `location`, or a recorded failure.
  mutating func object(_ value: JSONValue?, at location: String, required: Bool = true) -> [String:
    JSONValue]?
  {
    guard let value = present(value, at: location, required: required) else { return nil }
    guard let members = value.objectValue else {
      fail(location, "must be object", reason: "INVALID_DATA_TYPE")
      return nil
    }
    return members
  }

  /// A string at `location` within length bounds, optionally with a prefix or one of `allowed`.
  @discardableResult
  mutating func string(
    _ value: JSONValue?, at location: String, required: Bool = true, minLength: Int = 0,
    maxLength: Int = .max,
    prefix: String? = nil, alphanumericTail: Bool = false, allowed: [String]? = nil, hex: Bool = false
  ) -> String? {
    guard let value = present(value, at: location, required: required) else { return nil }
    guard let text = value.stringValue else {
      fail(location, "must be string", reason: "INVALID_DATA_TYPE")
      return nil
    }
    if text.count < minLength {
      fail(
        location, "must NOT have fewer than \(minLength) characters",
        reason: "INVALID_STRING_LENGTH_UNDER_MIN")
      return nil
    }
    if text.count > maxLength {
      fail(
        location, "must NOT have more than \(maxLength) characters", reason: "INVALID_STRING_LENGTH_OVER_MAX")
      return nil
    }
    if let prefix {
      let tail = text.dropFirst(prefix.count)
      guard text.hasPrefix(prefix),
        !alphanumericTail || (!tail.isEmpty && tail.allSatisfy(Self.isAlphanumeric))
      else {
        fail(location, "must match pattern \"\(prefix)[0-9a-zA-Z]+\"", reason: "STRING_FORMAT_INVALID")
        return nil
      }
    }
    if hex, !text.allSatisfy(\.isHexDigit) {
      fail(location, "must match pattern \"^[a-fA-F\\d]{24}$\"", reason: "STRING_FORMAT_INVALID")
      return nil
    }
    if let allowed, !allowed.contains(text) {
      fail(
        location, "must be equal to one of the allowed values: \(allowed.joined(separator: ", "))",
        reason: "INVALID_ENUM_VALUE")
      return nil
    }
    return text
  }

  /// A Boolean at `location`.
  mutating func bool(_ value: JSONValue?, at location: String, required: Bool = true) -> Bool? {
    guard let value = present(value, at: location, required: required) else { return nil }
    guard let flag = value.boolValue else {
      fail(location, "must be boolean", reason: "INVALID_DATA_TYPE")
      return nil
    }
    return flag
  }

  /// A non-negative integer at `location`.
  mutating func integer(_ value: JSONValue?, at location: String, minimum: Int = 0) -> Int? {
    guard let value else { return nil }
    guard let number = value.intValue else {
      fail(location, "must be integer", reason: "INVALID_DATA_TYPE")
      return nil
    }
    if number < minimum {
      fail(location, "must be >= \(minimum)", reason: "INVALID_NUMBER_UNDER_MIN")
      return nil
    }
    return number
  }

  /// An array at `location`.
  mutating func array(
    _ value: JSONValue?, at location: String, required: Bool = true, minItems: Int = 0, maxItems: Int = .max
  ) -> [JSONValue]? {
    guard let value = present(value, at: location, required: required) else { return nil }
    guard let items = value.arrayValue else {
      fail(location, "must be array", reason: "INVALID_DATA_TYPE")
      return nil
    }
    if items.count < minItems {
      fail(location, "must NOT have fewer than \(minItems) items", reason: "INVALID_ARRAY_LENGTH")
      return nil
    }
    if items.count > maxItems {
      fail(location, "must NOT have more than \(maxItems) items", reason: "INVALID_ARRAY_LENGTH")
      return nil
    }
    return items
  }

  /// Records every member of `object` not in `allowed` (for `additionalProperties: false`).
  mutating func noOtherMembers(_ object: [String: JSONValue], at location: String, allowed: Set<String>) {
    for key in object.keys.sorted() where !allowed.contains(key) {
      fail("\(location)/\(key)", "must NOT have additional properties", reason: "ADDITIONAL_PROPERTY")
    }
  }

  private static func last(_ location: String) -> String {
    location.split(separator: "/").last.map(String.init) ?? location
  }

  private static func isAlphanumeric(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber)
  }
}
